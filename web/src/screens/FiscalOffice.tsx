import { type FormEvent, useCallback, useEffect, useId, useState } from 'react'
import { lastPeriodOver } from '../../../src/shared/period.domain.ts'
import { ApiError, type GetResult, type Location, ok } from '../api/client'
import { chosenRegisterLabel } from '../fiscal/labels'
import type { Register } from '../fiscal/registers'
import { journalWords } from '../fiscal/words'
import '../fiscal/fiscal.css'
import { dateTime, euro, parseEuros } from '../format'
import { type Dictionary, useLang, useT } from '../i18n'
import { labelOf } from '../labels'
import { useSession } from '../session'
import { Empty, ErrorNote, Field, Loading, Section } from '../ui'
import { Closings } from './Manager'

type Entry = GetResult<'/api/v1/fiscal/registers/{id}/journal'>[number]
type Verification = GetResult<'/api/v1/fiscal/verify'>

const PAGE = 50

const dict: Dictionary<
  | 'title'
  | 'intro'
  | 'verify'
  | 'verifying'
  | 'holds'
  | 'broken'
  | 'brokenAt'
  | 'tickets'
  | 'journal'
  | 'closings'
  | 'store'
  | 'noRegisters'
  | 'register'
  | 'seq'
  | 'when'
  | 'what'
  | 'amount'
  | 'more'
  | 'state'
  | 'open'
  | 'closed'
  | 'hash'
  | 'threshold'
  | 'thresholdHint'
  | 'saveThreshold'
  | 'thresholdSaved'
  | 'exports'
  | 'month'
  | 'fec'
  | 'archive'
  | 'badAmount'
> = {
  fr: {
    title: 'Caisses et clôtures',
    intro:
      'Les tickets, le journal des événements et les clôtures de chaque caisse sont chaînés et signés : la vérification parcourt chaque chaîne et désigne le premier enregistrement altéré.',
    verify: 'Vérifier l’intégrité des caisses',
    verifying: 'Vérification en cours…',
    holds: 'Tout est intègre : {registers} caisse(s), {records} enregistrements vérifiés.',
    broken: 'Chaîne rompue : {n} anomalie(s) sur {records} enregistrements.',
    brokenAt: '{chain} de la caisse {register}, enregistrement n° {seq}',
    tickets: 'Tickets',
    journal: 'Journal des événements (les plus récents d’abord)',
    closings: 'Clôtures',
    store: 'Magasin',
    noRegisters: 'Ce magasin n’a pas de caisse enregistreuse.',
    register: 'Caisse',
    seq: 'N°',
    when: 'Date',
    what: 'Événement',
    amount: 'Montant',
    more: 'Afficher les plus anciens',
    state: 'État',
    open: 'ouverte',
    closed: 'fermée',
    hash: 'Empreinte',
    threshold: 'Écart de caisse toléré (€)',
    thresholdHint: 'Au-delà, seul un responsable ferme la caisse, avec un motif.',
    saveThreshold: 'Enregistrer l’écart toléré',
    thresholdSaved: 'Écart toléré enregistré : {amount}.',
    exports: 'Comptabilité et archives',
    month: 'Mois',
    fec: 'Fichier des écritures comptables (FEC)',
    archive: 'Archive signée du mois',
    badAmount: 'Montant invalide : saisissez par exemple 5 ou 5,00.',
  },
  en: {
    title: 'Registers and closings',
    intro:
      'Each register’s tickets, event journal and closings are chained and signed: the check walks every chain and names the first altered record.',
    verify: 'Check the registers’ integrity',
    verifying: 'Checking…',
    holds: 'Everything holds: {registers} register(s), {records} records checked.',
    broken: 'Broken chain: {n} fault(s) over {records} records.',
    brokenAt: '{chain} of register {register}, record no. {seq}',
    tickets: 'Tickets',
    journal: 'Event journal (newest first)',
    closings: 'Closings',
    store: 'Store',
    noRegisters: 'This store has no register.',
    register: 'Register',
    seq: 'No.',
    when: 'Date',
    what: 'Event',
    amount: 'Amount',
    more: 'Show older entries',
    state: 'State',
    open: 'open',
    closed: 'closed',
    hash: 'Hash',
    threshold: 'Cash variance tolerated (€)',
    thresholdHint: 'Above it only a manager closes the register, with a reason.',
    saveThreshold: 'Save the tolerated variance',
    thresholdSaved: 'Tolerated variance saved: {amount}.',
    exports: 'Accounting and archives',
    month: 'Month',
    fec: 'Accounting entries file (FEC)',
    archive: 'Signed archive of the month',
    badAmount: 'Invalid amount: type for example 5 or 5.00.',
  },
}

/** Head office's view of the legal till: every register's journal and closings, and the integrity check. */
export function FiscalOffice() {
  const t = useT(dict)
  const { api } = useSession()
  const storeId = useId()
  const registerId = useId()
  const [stores, setStores] = useState<Location[] | null>(null)
  const [store, setStore] = useState('')
  const [registers, setRegisters] = useState<Register[] | null>(null)
  const [register, setRegister] = useState('')
  const [check, setCheck] = useState<Verification | null>(null)
  const [checking, setChecking] = useState(false)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    ok(api.GET('/api/v1/locations', { params: { query: { kind: 'store', limit: 200 } } })).then((page) => {
      setStores(page.data)
      setStore((s) => s || page.data[0]?.id || '')
    }, setError)
  }, [api])

  useEffect(() => {
    if (!store) return
    setRegisters(null)
    ok(api.GET('/api/v1/fiscal/stores/{id}/registers', { params: { path: { id: store } } })).then((list) => {
      setRegisters(list)
      setRegister(list[0]?.id ?? '')
    }, setError)
  }, [api, store])

  async function verify() {
    setChecking(true)
    setError(null)
    try {
      setCheck(await ok(api.GET('/api/v1/fiscal/verify', {})))
    } catch (err) {
      setError(err)
    } finally {
      setChecking(false)
    }
  }

  const chainName = (chain: string) =>
    chain === 'tickets'
      ? t('tickets')
      : chain === 'journal'
        ? t('journal')
        : chain === 'closings'
          ? t('closings')
          : chain
  const registerName = (id: string) => {
    const r = registers?.find((x) => x.id === id)
    return r ? r.code : id
  }
  const current = registers?.find((r) => r.id === register) ?? null

  return (
    <div className="fiscal-office">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <ErrorNote error={error} />
      <MonthFiles />
      <Section title={t('verify')} hideTitle>
        <button type="button" className="primary" disabled={checking} onClick={verify}>
          {checking ? t('verifying') : t('verify')}
        </button>
        {check && (
          <div role="status" data-testid="verification">
            {check.ok ? (
              <p className="status-ok">
                {t('holds', { registers: check.registers, records: check.records })}
              </p>
            ) : (
              <>
                <p className="status-bad">
                  {t('broken', { n: check.broken.length, records: check.records })}
                </p>
                <ul>
                  {check.broken.map((b) => (
                    <li key={`${b.chain}-${b.register_id}-${b.seq}`}>
                      {t('brokenAt', {
                        chain: chainName(b.chain),
                        register: registerName(b.register_id),
                        seq: b.seq,
                      })}{' '}
                      — <span lang="en">{b.reason}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </Section>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={storeId}>{t('store')}</label>
          <select id={storeId} value={store} onChange={(e) => setStore(e.target.value)}>
            {stores?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        {registers && registers.length > 0 && (
          <div className="field">
            <label htmlFor={registerId}>{t('register')}</label>
            <select id={registerId} value={register} onChange={(e) => setRegister(e.target.value)}>
              {registers.map((r) => (
                <option key={r.id} value={r.id}>
                  {chosenRegisterLabel(r)} ({r.open_session_id ? t('open') : t('closed')})
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {!registers && !error && <Loading />}
      {registers?.length === 0 && <p>{t('noRegisters')}</p>}
      {store && <StoreSettings key={store} storeId={store} />}
      {current && (
        <>
          <Journal key={current.id} register={current} />
          <Closings key={`c-${current.id}`} registers={[current]} readOnly />
        </>
      )}
    </div>
  )
}

function Journal({ register }: { register: Register }) {
  const t = useT(dict)
  const words = useT(journalWords)
  const { api } = useSession()
  const { lang } = useLang()
  const [entries, setEntries] = useState<Entry[]>([])
  const [end, setEnd] = useState(false)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>(null)

  // Newest first, as someone checking today's entries reads it; older pages on demand.
  const load = useCallback(
    async (before?: number) => {
      setLoading(true)
      try {
        const page = await ok(
          api.GET('/api/v1/fiscal/registers/{id}/journal', {
            params: {
              path: { id: register.id },
              query: { order: 'newest_first', limit: PAGE, ...(before ? { before_seq: before } : {}) },
            },
          }),
        )
        setEntries((old) => (before ? [...old, ...page] : page))
        setEnd(page.length < PAGE)
      } catch (err) {
        setError(err)
      } finally {
        setLoading(false)
      }
    },
    [api, register.id],
  )
  useEffect(() => {
    void load()
  }, [load])

  return (
    <Section title={t('journal')}>
      <ErrorNote error={error} />
      {!loading && entries.length === 0 && <Empty />}
      {entries.length > 0 && (
        <div className="table-scroll">
          <table data-testid="journal">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('seq')}
                </th>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('what')}</th>
                <th scope="col" className="num">
                  {t('amount')}
                </th>
                <th scope="col">{t('hash')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq}>
                  <td className="num">{e.seq}</td>
                  <td>{dateTime(e.recorded_at, lang)}</td>
                  <td>{labelOf(words, journalWords, e.kind)}</td>
                  <td className="num">{typeof e.amount_cents === 'number' ? euro(e.amount_cents) : ''}</td>
                  <td>
                    <code>{e.hash.slice(0, 12)}…</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loading && <Loading />}
      {!end && !loading && entries.length > 0 && (
        <button type="button" className="secondary" onClick={() => load(entries[entries.length - 1]?.seq)}>
          {t('more')}
        </button>
      )}
    </Section>
  )
}

/** A store's tolerated cash variance (5 € until head office sets another). */
function StoreSettings({ storeId }: { storeId: string }) {
  const t = useT(dict)
  const { api } = useSession()
  const [amount, setAmount] = useState('')
  const [done, setDone] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  async function save(e: FormEvent) {
    e.preventDefault()
    const cents = parseEuros(amount)
    setDone(null)
    setError(null)
    if (cents === null) return setError(new Error(t('badAmount')))
    try {
      const r = await ok(
        api.PUT('/api/v1/fiscal/stores/{id}/settings', {
          params: { path: { id: storeId } },
          body: { variance_threshold_cents: cents },
        }),
      )
      setDone(t('thresholdSaved', { amount: euro(r.variance_threshold_cents) }))
    } catch (err) {
      setError(err)
    }
  }
  return (
    <form className="inline-form" onSubmit={save}>
      <Field
        label={t('threshold')}
        hint={t('thresholdHint')}
        inputMode="decimal"
        className="money"
        value={amount}
        required
        onChange={(e) => setAmount(e.target.value)}
      />
      <button type="submit" className="secondary">
        {t('saveThreshold')}
      </button>
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      <ErrorNote error={error} />
    </form>
  )
}

/** The accountant's FEC and the signed archive of a month, fetched with the key and saved as files. */
function MonthFiles() {
  const t = useT(dict)
  const { key } = useSession()
  const monthId = useId()
  // Last month as the registers count months (in Paris), not as this computer's clock does: a PC on UTC
  // in the first hour of a month in Paris would otherwise offer the month before last.
  const [month, setMonth] = useState(() => lastPeriodOver(new Date()))
  const [error, setError] = useState<unknown>(null)
  async function save(what: 'fec' | 'archive') {
    setError(null)
    const [y, m] = month.split('-').map(Number) as [number, number]
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
    const url =
      what === 'fec'
        ? `/api/v1/fiscal/fec?from=${month}-01&to=${month}-${String(last).padStart(2, '0')}`
        : `/api/v1/fiscal/archives/${month}`
    try {
      const res = await fetch(url, { headers: { authorization: `Bearer ${key}` } })
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } }
        throw new ApiError(
          res.status,
          body.error?.code ?? 'http_error',
          body.error?.message ?? res.statusText,
        )
      }
      const href = URL.createObjectURL(await res.blob())
      const a = document.createElement('a')
      a.href = href
      a.download = what === 'fec' ? `FEC-${month}.txt` : `archive-fiscale-${month}.json`
      a.click()
      setTimeout(() => URL.revokeObjectURL(href), 60_000)
    } catch (err) {
      setError(err)
    }
  }
  return (
    <Section title={t('exports')}>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={monthId}>{t('month')}</label>
          <input id={monthId} type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        </div>
        <button type="button" className="secondary" disabled={!month} onClick={() => save('fec')}>
          {t('fec')}
        </button>
        <button type="button" className="secondary" disabled={!month} onClick={() => save('archive')}>
          {t('archive')}
        </button>
      </div>
      <ErrorNote error={error} />
    </Section>
  )
}
