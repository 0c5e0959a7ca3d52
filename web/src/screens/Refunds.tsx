import { useCallback, useEffect, useRef, useState } from 'react'
import { type GetResult, ok } from '../api/client'
import { dateTime, euro } from '../format'
import { type Dictionary, useLang, useT } from '../i18n'
import { useSession } from '../session'
import { Empty, ErrorNote, Loading, MoreButton, Section, usePages } from '../ui'

type Refund = GetResult<'/api/v1/payments/refunds'>['data'][number]
type Status = Refund['status']
type ReasonCode = NonNullable<Refund['reason_code']>
/** The list's filter: one status, or all of them. */
type Filter = Status | 'all'

const dict: Dictionary<
  | 'title'
  | 'intro'
  | 'filter'
  | 'all'
  | 'pendingMany'
  | 'failedMany'
  | 'succeededMany'
  | 'refresh'
  | 'list'
  | 'order'
  | 'amount'
  | 'status'
  | 'attempts'
  | 'next'
  | 'reason'
  | 'actions'
  | 'pending'
  | 'succeeded'
  | 'failed'
  | 'queued'
  | 'none'
  | 'providerSaid'
  | 'sendNow'
  | 'sendNowAria'
  | 'sent'
> = {
  fr: {
    title: 'Remboursements',
    intro:
      'Remboursements par carte des commandes web et appli, exécutés chez le prestataire de paiement. Un remboursement refusé ou en échec reste en attente et part de nouveau automatiquement ; « Envoyer maintenant » n’attend pas le prochain essai.',
    filter: 'Statut',
    all: 'Tous',
    pendingMany: 'En attente',
    failedMany: 'Échoués',
    succeededMany: 'Effectués',
    refresh: 'Actualiser',
    list: 'Remboursements chez le prestataire',
    order: 'Commande',
    amount: 'Montant',
    status: 'Statut',
    attempts: 'Tentatives',
    next: 'Prochain essai',
    reason: 'Motif',
    actions: 'Actions',
    pending: 'En attente',
    succeeded: 'Effectué',
    failed: 'Échoué',
    queued: 'En file d’envoi',
    none: '—',
    providerSaid: 'Message du prestataire :',
    sendNow: 'Envoyer maintenant',
    sendNowAria: 'Envoyer maintenant : le remboursement de la commande {n}',
    sent: 'Remboursement de la commande {n} : envoi demandé, il part dans un instant.',
  },
  en: {
    title: 'Refunds',
    intro:
      'Card refunds of web and app orders, executed at the payment provider. A refused or failed refund stays pending and is sent again automatically; “Send now” does not wait for the next attempt.',
    filter: 'Status',
    all: 'All',
    pendingMany: 'Pending',
    failedMany: 'Failed',
    succeededMany: 'Done',
    refresh: 'Refresh',
    list: 'Refunds at the provider',
    order: 'Order',
    amount: 'Amount',
    status: 'Status',
    attempts: 'Attempts',
    next: 'Next attempt',
    reason: 'Reason',
    actions: 'Actions',
    pending: 'Pending',
    succeeded: 'Done',
    failed: 'Failed',
    queued: 'Queued to be sent',
    none: '—',
    providerSaid: 'Provider’s message:',
    sendNow: 'Send now',
    sendNowAria: 'Send now: the refund of order {n}',
    sent: 'Refund of order {n}: sending asked, it goes in a moment.',
  },
}

/** Why a refund is not done (the API's reason_code), in the user's language. */
const reasons: Dictionary<ReasonCode> = {
  fr: {
    awaiting_capture: 'En attente de l’encaissement du paiement chez le prestataire',
    provider_refused: 'Refusé par le prestataire de paiement ; nouvel essai automatique',
    provider_unreachable: 'Prestataire de paiement injoignable ou en erreur ; nouvel essai automatique',
    awaiting_settlement: 'Accepté par le prestataire, en attente de la banque',
    provider_failed: 'Échec définitif signalé par le prestataire',
    provider_not_configured: 'Aucun prestataire de paiement configuré : rien n’est envoyé',
  },
  en: {
    awaiting_capture: 'Waiting for the payment to be captured at the provider',
    provider_refused: 'Refused by the payment provider; tried again automatically',
    provider_unreachable: 'Payment provider unreachable or in error; tried again automatically',
    awaiting_settlement: 'Accepted by the provider, waiting for the bank',
    provider_failed: 'Failed for good, as the provider reports',
    provider_not_configured: 'No payment provider configured: nothing is sent',
  },
}

const filters: Array<{ value: Filter; word: 'pendingMany' | 'failedMany' | 'succeededMany' | 'all' }> = [
  { value: 'pending', word: 'pendingMany' },
  { value: 'failed', word: 'failedMany' },
  { value: 'succeeded', word: 'succeededMany' },
  { value: 'all', word: 'all' },
]

/** Whether head office can send it now: pending, not yet accepted by the provider, and a provider to send to. */
const sendable = (r: Refund) =>
  r.status === 'pending' && r.provider_refund_id === null && r.reason_code !== 'provider_not_configured'

/** The sender passes every half second: the list is read again a moment after "send now" to show the outcome. */
const OUTCOME_DELAY_MS = 3000

/**
 * Head office's refunds at the payment provider: those still pending first (why, in the user's
 * language, with the provider's own message), how many attempts and when the next one is, and
 * "send now" for a pending one.
 */
export function Refunds() {
  const t = useT(dict)
  const tr = useT(reasons)
  const { lang } = useLang()
  const { api } = useSession()
  const [filter, setFilter] = useState<Filter>('pending')
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState<string | null>(null)
  const later = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(later.current), [])

  const load = useCallback(
    (cursor: string | undefined) =>
      ok(
        api.GET('/api/v1/payments/refunds', {
          params: { query: { limit: 50, cursor, ...(filter === 'all' ? {} : { status: filter }) } },
        }),
      ),
    [api, filter],
  )
  const pages = usePages<Refund>(load)
  const { reload } = pages

  async function sendNow(r: Refund) {
    setBusy(r.id)
    setError(null)
    setDone(null)
    try {
      await ok(api.POST('/api/v1/payments/refunds/{id}/retry', { params: { path: { id: r.id } } }))
      setDone(t('sent', { n: r.order_number }))
      await reload()
      clearTimeout(later.current)
      later.current = setTimeout(() => void reload(), OUTCOME_DELAY_MS)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="refunds">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <div className="row">
        <div className="field">
          <label htmlFor="refunds-status">{t('filter')}</label>
          <select
            id="refunds-status"
            value={filter}
            onChange={(e) => {
              setDone(null)
              setError(null)
              setFilter(e.target.value as Filter)
            }}
          >
            {filters.map((f) => (
              <option key={f.value} value={f.value}>
                {t(f.word)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      <ErrorNote error={error} />
      <Section
        title={t('list')}
        actions={
          <button type="button" className="secondary" disabled={pages.loading} onClick={() => reload()}>
            {t('refresh')}
          </button>
        }
      >
        <ErrorNote error={pages.error} />
        {!pages.loading && pages.items.length === 0 && !pages.error && <Empty />}
        {pages.items.length > 0 && (
          <div className="scroll">
            <table data-testid="refunds">
              <thead>
                <tr>
                  <th scope="col">{t('order')}</th>
                  <th scope="col" className="num">
                    {t('amount')}
                  </th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col" className="num">
                    {t('attempts')}
                  </th>
                  <th scope="col">{t('next')}</th>
                  <th scope="col">{t('reason')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {pages.items.map((r) => (
                  <tr key={r.id}>
                    <td>{r.order_number}</td>
                    <td className="num">{euro(r.amount_cents)}</td>
                    <td className={r.status === 'failed' ? 'error-soft' : undefined}>{t(r.status)}</td>
                    <td className="num">{r.attempts}</td>
                    <td>{r.next_attempt_at ? dateTime(r.next_attempt_at, lang) : t('none')}</td>
                    <td className="reason">
                      {r.reason_code ? tr(r.reason_code) : r.status === 'pending' ? t('queued') : t('none')}
                      {r.reason && (
                        <span className="provider-said small">
                          {t('providerSaid')} <code lang="en">{r.reason}</code>
                        </span>
                      )}
                    </td>
                    <td>
                      {sendable(r) && (
                        <button
                          type="button"
                          className="secondary"
                          disabled={busy !== null}
                          aria-label={t('sendNowAria', { n: r.order_number })}
                          onClick={() => sendNow(r)}
                        >
                          {t('sendNow')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages.loading && <Loading />}
        <MoreButton pages={pages} />
      </Section>
    </div>
  )
}
