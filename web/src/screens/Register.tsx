import { type FormEvent, useCallback, useEffect, useId, useState } from 'react'
import { ok } from '../api/client'
import { chosenRegisterLabel } from '../fiscal/labels'
import { ReportView } from '../fiscal/ReportView'
import { openPrintable, type SessionReport, useStoreRegisters } from '../fiscal/registers'
import { tenderWords } from '../fiscal/words'
import '../fiscal/fiscal.css'
import { euro, parseEuros } from '../format'
import { type Dictionary, useLang, useT } from '../i18n'
import { labelOf } from '../labels'
import { useSession } from '../session'
import { ErrorNote, Field, Loading, Section } from '../ui'

const dict: Dictionary<
  | 'title'
  | 'noStore'
  | 'noRegister'
  | 'askManager'
  | 'which'
  | 'stateOpen'
  | 'stateClosed'
  | 'open'
  | 'float'
  | 'floatHint'
  | 'doOpen'
  | 'opened'
  | 'cash'
  | 'direction'
  | 'in'
  | 'out'
  | 'amount'
  | 'reason'
  | 'reasonHint'
  | 'record'
  | 'recorded'
  | 'x'
  | 'refresh'
  | 'print80'
  | 'printA4'
  | 'close'
  | 'closeIntro'
  | 'counted'
  | 'expectedIs'
  | 'varianceIs'
  | 'varianceReason'
  | 'varianceHint'
  | 'doClose'
  | 'closedZ'
  | 'lastZ'
  | 'badAmount'
  | 'bank'
  | 'petty'
  | 'change'
> = {
  fr: {
    title: 'Gestion de caisse',
    noStore: 'Cet écran est celui d’un magasin.',
    noRegister: 'Ce magasin n’a pas encore de caisse enregistreuse.',
    askManager: 'Un responsable ajoute les caisses du magasin depuis l’écran Responsable.',
    which: 'Caisse de ce poste',
    stateOpen: 'Ouverte : les ventes de ce poste y sont enregistrées.',
    stateClosed: 'Fermée : la caisse ne vend pas avant d’être ouverte.',
    open: 'Ouvrir la caisse',
    float: 'Fond de caisse compté (€)',
    floatHint: 'Les espèces mises dans le tiroir à l’ouverture.',
    doOpen: 'Ouvrir avec ce fond de caisse',
    opened: 'Caisse {code} ouverte avec {amount}.',
    cash: 'Entrée ou sortie d’espèces',
    direction: 'Mouvement',
    in: 'Entrée dans le tiroir',
    out: 'Sortie du tiroir',
    amount: 'Montant (€)',
    reason: 'Motif',
    reasonHint: 'Par exemple : dépôt en banque, petite caisse, apport de monnaie.',
    record: 'Enregistrer le mouvement',
    recorded: 'Mouvement enregistré : {amount}.',
    x: 'Rapport X (la session jusqu’ici)',
    refresh: 'Actualiser le rapport X',
    print80: 'Imprimer (ticket 80 mm)',
    printA4: 'Imprimer (A4)',
    close: 'Fermer la caisse',
    closeIntro:
      'Comptez chaque moyen de paiement : le tiroir pour les espèces, le total du terminal pour la carte.',
    counted: 'Compté — {tender} (€)',
    expectedIs: 'Attendu : {amount}',
    varianceIs: 'Écart : {amount}',
    varianceReason: 'Motif de l’écart',
    varianceHint: 'Au-delà du seuil du magasin, seul un responsable ferme la caisse, avec un motif.',
    doClose: 'Fermer la caisse et éditer le Z',
    closedZ: 'Caisse {code} fermée : voici le rapport Z.',
    lastZ: 'Rapport Z',
    badAmount: 'Montant invalide : saisissez par exemple 150 ou 150,00.',
    bank: 'Dépôt en banque',
    petty: 'Petite caisse',
    change: 'Apport de monnaie',
  },
  en: {
    title: 'Register',
    noStore: 'This screen is a store’s.',
    noRegister: 'This store has no register yet.',
    askManager: 'A manager adds the store’s registers from the Manager screen.',
    which: 'Register of this till',
    stateOpen: 'Open: this till’s sales are recorded on it.',
    stateClosed: 'Closed: the register does not sell until opened.',
    open: 'Open the register',
    float: 'Counted float (€)',
    floatHint: 'The cash put in the drawer when opening.',
    doOpen: 'Open with this float',
    opened: 'Register {code} opened with {amount}.',
    cash: 'Cash in or out',
    direction: 'Movement',
    in: 'Into the drawer',
    out: 'Out of the drawer',
    amount: 'Amount (€)',
    reason: 'Reason',
    reasonHint: 'For example: bank deposit, petty cash, change delivery.',
    record: 'Record the movement',
    recorded: 'Movement recorded: {amount}.',
    x: 'X report (the session so far)',
    refresh: 'Refresh the X report',
    print80: 'Print (80 mm receipt)',
    printA4: 'Print (A4)',
    close: 'Close the register',
    closeIntro: 'Count each tender: the drawer for cash, the terminal’s total for cards.',
    counted: 'Counted — {tender} (€)',
    expectedIs: 'Expected: {amount}',
    varianceIs: 'Variance: {amount}',
    varianceReason: 'Variance reason',
    varianceHint: 'Above the store’s threshold only a manager closes the register, with a reason.',
    doClose: 'Close the register and print the Z',
    closedZ: 'Register {code} closed: here is the Z report.',
    lastZ: 'Z report',
    badAmount: 'Invalid amount: type for example 150 or 150.00.',
    bank: 'Bank deposit',
    petty: 'Petty cash',
    change: 'Change delivery',
  },
}

/** The register of this till: open it with its float, cash in and out, the X, and the close with the Z. */
export function Register() {
  const t = useT(dict)
  const { api, store, key } = useSession()
  const { lang } = useLang()
  const till = useStoreRegisters()
  const { register } = till
  const pickId = useId()
  const [report, setReport] = useState<SessionReport | null>(null)
  const [z, setZ] = useState<SessionReport | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const loadX = useCallback(async () => {
    if (!register?.open_session_id) {
      setReport(null)
      return
    }
    try {
      setReport(
        await ok(api.GET('/api/v1/fiscal/registers/{id}/x', { params: { path: { id: register.id } } })),
      )
    } catch (err) {
      setError(err)
    }
  }, [api, register?.id, register?.open_session_id])

  useEffect(() => {
    void loadX()
  }, [loadX])

  async function run<T>(call: () => Promise<T>, after: (result: T) => string | null) {
    setBusy(true)
    setError(null)
    setDone(null)
    try {
      const result = await call()
      setDone(after(result))
      await till.reload()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const print = (sessionId: string, format: '80mm' | 'a4') =>
    openPrintable(key, sessionId, format, lang).catch(setError)

  if (!store) return <p>{t('noStore')}</p>
  if (till.error) return <ErrorNote error={till.error} />
  if (!till.registers) return <Loading />

  return (
    <div className="register-screen">
      <h1>{t('title')}</h1>
      {till.registers.length === 0 && (
        <>
          <p>{t('noRegister')}</p>
          <p className="muted">{t('askManager')}</p>
        </>
      )}
      {till.registers.length > 0 && (
        <div className="field">
          <label htmlFor={pickId}>{t('which')}</label>
          <select
            id={pickId}
            value={register?.id ?? ''}
            onChange={(e) => {
              setZ(null)
              setDone(null)
              till.choose(e.target.value)
            }}
          >
            {!register && <option value="">—</option>}
            {till.registers.map((r) => (
              <option key={r.id} value={r.id}>
                {chosenRegisterLabel(r)}
              </option>
            ))}
          </select>
          {register && (
            <small className="hint" data-testid="register-state">
              {register.open_session_id ? t('stateOpen') : t('stateClosed')}
            </small>
          )}
        </div>
      )}
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      <ErrorNote error={error} />
      {z && (
        <Section
          title={t('lastZ')}
          actions={
            <div className="row tight">
              <button type="button" className="secondary" onClick={() => print(z.session_id, '80mm')}>
                {t('print80')}
              </button>
              <button type="button" className="secondary" onClick={() => print(z.session_id, 'a4')}>
                {t('printA4')}
              </button>
            </div>
          }
        >
          <ReportView report={z} />
        </Section>
      )}
      {register && !register.open_session_id && (
        <OpenForm
          busy={busy}
          onOpen={(cents) =>
            run(
              () =>
                ok(
                  api.POST('/api/v1/fiscal/registers/{id}/open', {
                    params: { path: { id: register.id } },
                    body: { float_cents: cents },
                  }),
                ),
              (r) => {
                setZ(null)
                setReport(r)
                return t('opened', { code: register.code, amount: euro(cents) })
              },
            )
          }
          onInvalid={() => setError(new Error(t('badAmount')))}
        />
      )}
      {register?.open_session_id && report && (
        <div className="split">
          <div>
            <Section
              title={t('x')}
              actions={
                <div className="row tight">
                  <button type="button" className="secondary" onClick={() => void loadX()}>
                    {t('refresh')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => print(report.session_id, '80mm')}
                  >
                    {t('print80')}
                  </button>
                </div>
              }
            >
              <ReportView report={report} />
            </Section>
          </div>
          <div>
            <CashForm
              busy={busy}
              onInvalid={() => setError(new Error(t('badAmount')))}
              onMove={(kind, cents, reason) =>
                run(
                  () =>
                    ok(
                      api.POST('/api/v1/fiscal/registers/{id}/cash', {
                        params: { path: { id: register.id } },
                        body: { kind, amount_cents: cents, reason },
                      }),
                    ),
                  (r) => {
                    setReport(r)
                    return t('recorded', { amount: euro(kind === 'cash_in' ? cents : -cents) })
                  },
                )
              }
            />
            <CloseForm
              key={report.session_id}
              report={report}
              busy={busy}
              onInvalid={() => setError(new Error(t('badAmount')))}
              onClose={(counts, reason) =>
                run(
                  () =>
                    ok(
                      api.POST('/api/v1/fiscal/registers/{id}/close', {
                        params: { path: { id: register.id } },
                        body: { counts, ...(reason ? { variance_reason: reason } : {}) },
                      }),
                    ),
                  (r) => {
                    setZ(r)
                    setReport(null)
                    return t('closedZ', { code: register.code })
                  },
                )
              }
            />
          </div>
        </div>
      )}
    </div>
  )
}

function OpenForm({
  busy,
  onOpen,
  onInvalid,
}: {
  busy: boolean
  onOpen(cents: number): void
  onInvalid(): void
}) {
  const t = useT(dict)
  const [float, setFloat] = useState('')
  function submit(e: FormEvent) {
    e.preventDefault()
    const cents = parseEuros(float)
    if (cents === null) onInvalid()
    else onOpen(cents)
  }
  return (
    <Section title={t('open')}>
      <form onSubmit={submit} className="inline-form">
        <Field
          label={t('float')}
          hint={t('floatHint')}
          inputMode="decimal"
          className="money"
          value={float}
          required
          onChange={(e) => setFloat(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('doOpen')}
        </button>
      </form>
    </Section>
  )
}

function CashForm({
  busy,
  onMove,
  onInvalid,
}: {
  busy: boolean
  onMove(kind: 'cash_in' | 'cash_out', cents: number, reason: string): void
  onInvalid(): void
}) {
  const t = useT(dict)
  const listId = useId()
  const [kind, setKind] = useState<'cash_in' | 'cash_out'>('cash_out')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  function submit(e: FormEvent) {
    e.preventDefault()
    const cents = parseEuros(amount)
    if (cents === null || cents === 0) return onInvalid()
    onMove(kind, cents, reason.trim())
    setAmount('')
    setReason('')
  }
  return (
    <Section title={t('cash')}>
      <form onSubmit={submit}>
        <fieldset className="plain">
          <legend>{t('direction')}</legend>
          {(['cash_out', 'cash_in'] as const).map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="cash-kind" checked={kind === k} onChange={() => setKind(k)} />
              {k === 'cash_in' ? t('in') : t('out')}
            </label>
          ))}
        </fieldset>
        <Field
          label={t('amount')}
          inputMode="decimal"
          className="money"
          value={amount}
          required
          onChange={(e) => setAmount(e.target.value)}
        />
        <Field
          label={t('reason')}
          hint={t('reasonHint')}
          list={listId}
          value={reason}
          required
          maxLength={200}
          onChange={(e) => setReason(e.target.value)}
        />
        <datalist id={listId}>
          <option value={t('bank')} />
          <option value={t('petty')} />
          <option value={t('change')} />
        </datalist>
        <button type="submit" className="secondary" disabled={busy}>
          {t('record')}
        </button>
      </form>
    </Section>
  )
}

function CloseForm({
  report,
  busy,
  onClose,
  onInvalid,
}: {
  report: SessionReport
  busy: boolean
  onClose(counts: Array<{ method: string; counted_cents: number }>, reason: string): void
  onInvalid(): void
}) {
  const t = useT(dict)
  const tender = useT(tenderWords)
  // Cash is always counted (the float is in the drawer), even before the first cash sale.
  const methods = report.expected.some((e) => e.method === 'cash')
    ? report.expected
    : [{ method: 'cash', amount_cents: report.float_cents }, ...report.expected]
  const [counted, setCounted] = useState<Record<string, string>>({})
  const [reason, setReason] = useState('')
  function submit(e: FormEvent) {
    e.preventDefault()
    const counts = methods.map((m) => ({
      method: m.method,
      counted_cents: parseEuros(counted[m.method] ?? ''),
    }))
    if (counts.some((c) => c.counted_cents === null)) return onInvalid()
    onClose(
      counts.map((c) => ({ method: c.method, counted_cents: c.counted_cents ?? 0 })),
      reason.trim(),
    )
  }
  return (
    <Section title={t('close')}>
      <p className="muted">{t('closeIntro')}</p>
      <form onSubmit={submit}>
        {methods.map((m) => {
          const cents = parseEuros(counted[m.method] ?? '')
          const name = labelOf(tender, tenderWords, m.method)
          return (
            <div key={m.method}>
              <Field
                label={t('counted', { tender: name })}
                hint={`${t('expectedIs', { amount: euro(m.amount_cents) })}${
                  cents === null ? '' : ` · ${t('varianceIs', { amount: euro(cents - m.amount_cents) })}`
                }`}
                inputMode="decimal"
                className="money"
                value={counted[m.method] ?? ''}
                required
                onChange={(e) => setCounted({ ...counted, [m.method]: e.target.value })}
              />
            </div>
          )
        })}
        <Field
          label={t('varianceReason')}
          hint={t('varianceHint')}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('doClose')}
        </button>
      </form>
    </Section>
  )
}
