import { type FormEvent, useCallback, useEffect, useId, useState } from 'react'
import { type GetResult, ok } from '../api/client'
import { chosenRegisterLabel } from '../fiscal/labels'
import { type Register, useStoreRegisters } from '../fiscal/registers'
import { closingWords, periodText } from '../fiscal/words'
import '../fiscal/fiscal.css'
import { dateTime, day, euro } from '../format'
import { type Dictionary, useLang, useT } from '../i18n'
import { labelOf } from '../labels'
import { Link } from '../router'
import { useSession } from '../session'
import { Empty, ErrorNote, Field, Loading, Section } from '../ui'

type Closing = GetResult<'/api/v1/fiscal/registers/{id}/closings'>[number]
type Task = GetResult<'/api/v1/fulfilment/tasks'>['data'][number]

const dict: Dictionary<
  | 'title'
  | 'noStore'
  | 'locked'
  | 'lockedNone'
  | 'lockedOrder'
  | 'promised'
  | 'toQueue'
  | 'overrides'
  | 'overridesText'
  | 'toReturns'
  | 'registers'
  | 'code'
  | 'name'
  | 'state'
  | 'open'
  | 'closed'
  | 'closedThrough'
  | 'never'
  | 'lastTicket'
  | 'add'
  | 'codeHint'
  | 'doAdd'
  | 'added'
  | 'closings'
  | 'register'
  | 'kind'
  | 'period'
  | 'periodHint'
  | 'doClose'
  | 'closedDone'
  | 'recorded'
  | 'total'
  | 'grand'
  | 'how'
  | 'auto'
  | 'byHand'
  | 'signed'
  | 'toRegister'
  | 'offline'
  | 'offlineNone'
  | 'offlineHelp'
  | 'ticket'
  | 'soldAt'
  | 'recordedAt'
  | 'shortfall'
  | 'units'
  | 'review'
  | 'reviewOf'
  | 'reviewed'
> = {
  fr: {
    title: 'Responsable du magasin',
    noStore: 'Cet écran est celui d’un magasin.',
    locked: 'Retraits bloqués',
    lockedNone: 'Aucun retrait bloqué.',
    lockedOrder: 'Commande n° {n}',
    promised: 'promise pour le {at}',
    toQueue: 'Débloquer depuis les retraits en magasin',
    overrides: 'Dérogations',
    overridesText:
      'Un retour hors politique se fait à l’écran Retours : votre accès permet de passer outre, avec un motif enregistré.',
    toReturns: 'Ouvrir les retours',
    registers: 'Caisses du magasin',
    code: 'Code',
    name: 'Nom',
    state: 'État',
    open: 'Ouverte',
    closed: 'Fermée',
    closedThrough: 'Dernière journée clôturée',
    never: 'aucune',
    lastTicket: 'Dernier ticket',
    add: 'Ajouter une caisse',
    codeHint: 'Court, imprimé sur les tickets : par exemple CAISSE-2.',
    doAdd: 'Ajouter la caisse',
    added: 'Caisse {code} ajoutée.',
    closings: 'Clôtures de caisse',
    register: 'Caisse',
    kind: 'Clôture',
    period: 'Période',
    periodHint: 'Un jour (la caisse fermée), un mois terminé ou une année terminée.',
    doClose: 'Clôturer la période',
    closedDone: 'Clôture {kind} du {period} enregistrée et signée.',
    recorded: 'Enregistrée le',
    total: 'Total de la période',
    grand: 'Grand total perpétuel',
    how: 'Mode',
    auto: 'Automatique',
    byHand: 'Manuelle',
    signed: 'Signée',
    toRegister: 'Ouvrir ou fermer une caisse : écran Gestion de caisse',
    offline: 'Ventes hors ligne à vérifier',
    offlineNone: 'Aucune vente hors ligne à vérifier.',
    offlineHelp:
      'Ventes faites pendant une coupure dont le stock n’était plus disponible à leur enregistrement : les articles sont sortis du magasin, comptez le rayon et cherchez la cause.',
    ticket: 'Ticket',
    soldAt: 'Vendue le',
    recordedAt: 'Enregistrée le',
    shortfall: 'Manquant au stock',
    units: '{n} u.',
    review: 'Vérifiée',
    reviewOf: 'Marquer la vente du ticket {ticket} comme vérifiée',
    reviewed: 'Vente du ticket {ticket} vérifiée.',
  },
  en: {
    title: 'Store manager',
    noStore: 'This screen is a store’s.',
    locked: 'Locked hand-overs',
    lockedNone: 'No locked hand-over.',
    lockedOrder: 'Order no. {n}',
    promised: 'promised for {at}',
    toQueue: 'Unlock from click & collect',
    overrides: 'Overrides',
    overridesText:
      'A return outside the policy is made on the Returns screen: your access may override it, with a recorded reason.',
    toReturns: 'Open returns',
    registers: 'The store’s registers',
    code: 'Code',
    name: 'Name',
    state: 'State',
    open: 'Open',
    closed: 'Closed',
    closedThrough: 'Last day closed',
    never: 'none',
    lastTicket: 'Last ticket',
    add: 'Add a register',
    codeHint: 'Short, printed on tickets: for example REG-2.',
    doAdd: 'Add the register',
    added: 'Register {code} added.',
    closings: 'Register closings',
    register: 'Register',
    kind: 'Closing',
    period: 'Period',
    periodHint: 'A day (the register closed), a month over or a year over.',
    doClose: 'Close the period',
    closedDone: '{kind} closing of {period} recorded and signed.',
    recorded: 'Recorded on',
    total: 'Period total',
    grand: 'Perpetual grand total',
    how: 'How',
    auto: 'Automatic',
    byHand: 'By hand',
    signed: 'Signed',
    toRegister: 'Open or close a register: Register screen',
    offline: 'Offline sales to check',
    offlineNone: 'No offline sale to check.',
    offlineHelp:
      'Sales made during an outage whose stock was gone when they were recorded: the goods left the store, count the shelf and find the cause.',
    ticket: 'Ticket',
    soldAt: 'Sold on',
    recordedAt: 'Recorded on',
    shortfall: 'Short in stock',
    units: '{n} u.',
    review: 'Checked',
    reviewOf: 'Mark the sale of ticket {ticket} as checked',
    reviewed: 'Sale of ticket {ticket} checked.',
  },
}

/** What a store manager does beyond selling: locked hand-overs, overrides, registers and their closings. */
export function Manager() {
  const t = useT(dict)
  const { api, store } = useSession()
  const { lang } = useLang()
  const till = useStoreRegisters()
  const [locked, setLocked] = useState<Task[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState<string | null>(null)

  useEffect(() => {
    if (!store) return
    ok(
      api.GET('/api/v1/fulfilment/tasks', {
        params: { query: { location: store.id, status: ['ready_for_pickup'], limit: 100 } },
      }),
    ).then((page) => setLocked(page.data.filter((task) => task.pickup_locked)), setError)
  }, [api, store])

  if (!store) return <p>{t('noStore')}</p>

  return (
    <div className="manager">
      <h1>{t('title')}</h1>
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      <ErrorNote error={error} />
      <div className="split">
        <div>
          <Section title={t('locked')}>
            {!locked && <Loading />}
            {locked?.length === 0 && <p className="muted">{t('lockedNone')}</p>}
            {locked && locked.length > 0 && (
              <ul className="list" data-testid="locked">
                {locked.map((task) => (
                  <li key={task.id}>
                    {t('lockedOrder', { n: task.order_number })},{' '}
                    {t('promised', { at: dateTime(task.promised_at, lang) })}
                  </li>
                ))}
              </ul>
            )}
            <Link href="/queue">{t('toQueue')}</Link>
          </Section>
          <OfflineSales onReviewed={(ticket) => setDone(t('reviewed', { ticket }))} />
          <Section title={t('overrides')}>
            <p>{t('overridesText')}</p>
            <Link href="/returns">{t('toReturns')}</Link>
          </Section>
        </div>
        <div>
          <Section title={t('registers')}>
            {till.error ? <ErrorNote error={till.error} /> : null}
            {!till.registers && !till.error && <Loading />}
            {till.registers?.length === 0 && <Empty />}
            {till.registers && till.registers.length > 0 && (
              <div className="table-scroll">
                <table data-testid="registers">
                  <thead>
                    <tr>
                      <th scope="col">{t('code')}</th>
                      <th scope="col">{t('name')}</th>
                      <th scope="col">{t('state')}</th>
                      <th scope="col">{t('closedThrough')}</th>
                      <th scope="col" className="num">
                        {t('lastTicket')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {till.registers.map((r) => (
                      <tr key={r.id}>
                        <td>{r.code}</td>
                        <td>{r.name}</td>
                        <td>{r.open_session_id ? t('open') : t('closed')}</td>
                        <td>{r.closed_through ? day(r.closed_through, lang) : t('never')}</td>
                        <td className="num">{r.last_ticket_seq}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <p>
              <Link href="/register">{t('toRegister')}</Link>
            </p>
            <AddRegister
              storeId={store.id}
              onAdded={(code) => {
                setDone(t('added', { code }))
                void till.reload()
              }}
            />
          </Section>
        </div>
      </div>
      {till.registers && till.registers.length > 0 && (
        <Closings
          registers={till.registers}
          onClosed={(text) => {
            setDone(text)
            void till.reload()
          }}
        />
      )}
    </div>
  )
}

type OfflineSale = GetResult<'/api/v1/offline-sales'>['data'][number]

/** Sales made offline whose stock was gone when the till came back: the manager looks at each. */
function OfflineSales({ onReviewed }: { onReviewed(ticket: string): void }) {
  const t = useT(dict)
  const { lang } = useLang()
  const { api } = useSession()
  const [sales, setSales] = useState<OfflineSale[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const load = useCallback(
    () =>
      ok(api.GET('/api/v1/offline-sales', { params: { query: { flagged: true, limit: 50 } } })).then(
        (page) => setSales(page.data),
        setError,
      ),
    [api],
  )
  useEffect(() => {
    void load()
  }, [load])

  async function review(sale: OfflineSale) {
    setBusy(true)
    setError(null)
    try {
      await ok(
        api.POST('/api/v1/offline-sales/{order_id}/review', {
          params: { path: { order_id: sale.order_id } },
        }),
      )
      onReviewed(sale.ticket)
      await load()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Section title={t('offline')}>
      <ErrorNote error={error} />
      {!sales && !error && <Loading />}
      {sales?.length === 0 && <p className="muted">{t('offlineNone')}</p>}
      {sales && sales.length > 0 && (
        <>
          <p className="muted">{t('offlineHelp')}</p>
          <div className="table-scroll">
            <table data-testid="offline-sales">
              <thead>
                <tr>
                  <th scope="col">{t('ticket')}</th>
                  <th scope="col">{t('soldAt')}</th>
                  <th scope="col" className="num">
                    {t('total')}
                  </th>
                  <th scope="col">{t('shortfall')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('review')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sales.map((s) => (
                  <tr key={s.order_id} data-order={s.order_number}>
                    <td>
                      {s.ticket}
                      <br />
                      <small className="muted">{t('lockedOrder', { n: s.order_number })}</small>
                    </td>
                    <td>
                      {dateTime(s.sold_at, lang)}
                      <br />
                      <small className="muted">
                        {t('recordedAt')} {dateTime(s.recorded_at, lang)}
                      </small>
                    </td>
                    <td className="num">{euro(s.total_cents)}</td>
                    <td>
                      {s.shortfall.map((l) => (
                        <span key={`${l.location_id}-${l.sku}`}>
                          {l.sku} : {t('units', { n: l.units })}
                          <br />
                        </span>
                      ))}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        disabled={busy}
                        aria-label={t('reviewOf', { ticket: s.ticket })}
                        onClick={() => void review(s)}
                      >
                        {t('review')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Section>
  )
}

function AddRegister({ storeId, onAdded }: { storeId: string; onAdded(code: string): void }) {
  const t = useT(dict)
  const { api } = useSession()
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const r = await ok(
        api.POST('/api/v1/fiscal/registers', {
          body: { store_id: storeId, code: code.trim(), ...(name.trim() ? { name: name.trim() } : {}) },
        }),
      )
      setCode('')
      setName('')
      onAdded(r.code)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form onSubmit={submit}>
      <h3>{t('add')}</h3>
      <ErrorNote error={error} />
      <Field
        label={t('code')}
        hint={t('codeHint')}
        value={code}
        required
        maxLength={32}
        onChange={(e) => setCode(e.target.value)}
      />
      <Field label={t('name')} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="secondary" disabled={busy}>
        {t('doAdd')}
      </button>
    </form>
  )
}

/**
 * Today (YYYY-MM-DD) as the register counts its business days: in its store's time zone, not this computer's (a
 * manager's PC on UTC just after midnight in Paris would otherwise offer yesterday).
 */
function registerToday(timeZone: string | undefined): string {
  const parts = (zone: string | undefined) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(new Date())
      .slice(0, 10)
  try {
    return parts(timeZone)
  } catch {
    return parts(undefined)
  }
}

/** A register's closings, and a day, month or year closed by hand. */
export function Closings({
  registers,
  onClosed,
  readOnly,
}: {
  registers: Register[]
  onClosed?(text: string): void
  readOnly?: boolean
}) {
  const t = useT(dict)
  const kinds = useT(closingWords)
  const { api } = useSession()
  const { lang } = useLang()
  const pickId = useId()
  const kindId = useId()
  const [registerId, setRegisterId] = useState(registers[0]?.id ?? '')
  const [closings, setClosings] = useState<Closing[] | null>(null)
  const [kind, setKind] = useState<'daily' | 'monthly' | 'annual'>('daily')
  const zoneOf = (id: string) => registers.find((r) => r.id === id)?.timezone
  const [period, setPeriod] = useState(() => registerToday(registers[0]?.timezone))
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(() => {
    if (!registerId) return
    setClosings(null)
    ok(api.GET('/api/v1/fiscal/registers/{id}/closings', { params: { path: { id: registerId } } })).then(
      (list) => setClosings([...list].reverse()),
      setError,
    )
  }, [api, registerId])
  useEffect(load, [load])

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const c = await ok(
        api.POST('/api/v1/fiscal/registers/{id}/closings', {
          params: { path: { id: registerId } },
          body: { kind, period },
        }),
      )
      onClosed?.(t('closedDone', { kind: kinds(kind).toLowerCase(), period: periodText(c.period, lang) }))
      load()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Section title={t('closings')}>
      <div className="inline-form" hidden={registers.length < 2}>
        <div className="field">
          <label htmlFor={pickId}>{t('register')}</label>
          <select
            id={pickId}
            value={registerId}
            onChange={(e) => {
              setRegisterId(e.target.value)
              const today = registerToday(zoneOf(e.target.value))
              setPeriod((p) => today.slice(0, p.length))
            }}
          >
            {registers.map((r) => (
              <option key={r.id} value={r.id}>
                {chosenRegisterLabel(r)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorNote error={error} />
      {!readOnly && (
        <form onSubmit={submit} className="inline-form">
          <div className="field">
            <label htmlFor={kindId}>{t('kind')}</label>
            <select
              id={kindId}
              value={kind}
              onChange={(e) => {
                const k = e.target.value as typeof kind
                setKind(k)
                const today = registerToday(zoneOf(registerId))
                setPeriod(
                  k === 'daily'
                    ? today.slice(0, 10)
                    : k === 'monthly'
                      ? today.slice(0, 7)
                      : today.slice(0, 4),
                )
              }}
            >
              {(['daily', 'monthly', 'annual'] as const).map((k) => (
                <option key={k} value={k}>
                  {kinds(k)}
                </option>
              ))}
            </select>
          </div>
          <Field
            label={t('period')}
            hint={t('periodHint')}
            type={kind === 'daily' ? 'date' : kind === 'monthly' ? 'month' : 'number'}
            value={period}
            required
            onChange={(e) => setPeriod(e.target.value)}
          />
          <button type="submit" className="secondary" disabled={busy || !registerId}>
            {t('doClose')}
          </button>
        </form>
      )}
      {!closings && !error && <Loading />}
      {closings?.length === 0 && <Empty />}
      {closings && closings.length > 0 && (
        <div className="table-scroll">
          <table data-testid="closings">
            <thead>
              <tr>
                <th scope="col">{t('period')}</th>
                <th scope="col">{t('kind')}</th>
                <th scope="col">{t('recorded')}</th>
                <th scope="col" className="num">
                  {t('total')}
                </th>
                <th scope="col" className="num">
                  {t('grand')}
                </th>
                <th scope="col">{t('how')}</th>
              </tr>
            </thead>
            <tbody>
              {closings.map((c) => (
                <tr key={`${c.kind}-${c.seq}`}>
                  <td>{periodText(c.period, lang)}</td>
                  <td>{labelOf(kinds, closingWords, c.kind)}</td>
                  <td>{dateTime(c.recorded_at, lang)}</td>
                  <td className="num">{euro(c.total_cents)}</td>
                  <td className="num">{euro(c.grand_total_cents)}</td>
                  <td>
                    {c.automatic ? t('auto') : t('byHand')}
                    {c.signature ? ` · ${t('signed')}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  )
}
