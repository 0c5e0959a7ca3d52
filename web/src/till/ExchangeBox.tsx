import { useEffect, useId, useRef, useState } from 'react'
import { type Channel, type Order, ok, type PostBody } from '../api/client'
import { euro } from '../format'
import { type Dictionary, useT } from '../i18n'
import { useSession } from '../session'
import { ErrorNote, Section } from '../ui'
import { AddressBox, addressComplete, emptyAddress } from './AddressBox'
import { BasketTable } from './BasketTable'
import {
  addToBasket,
  type BasketLine,
  basketTotal,
  type DeliveryAddress,
  type LineMode,
  linesReady,
  needsAddress,
  orderLines,
  orderPayments,
  pricedLines,
  type TenderLine,
} from './basket'
import { tillDict } from './dict'
import { exchangeBalance } from './exchange'
import { PaymentBox } from './PaymentBox'
import { Receipt } from './Receipt'
import { type Article, ScanBox } from './ScanBox'
import { useQuote } from './useQuote'

export type ExchangeInput = NonNullable<PostBody<'/api/v1/returns'>['exchange']>

const modes: LineMode[] = ['takeaway', 'delivery', 'pickup']

type Key =
  | 'newItems'
  | 'balance'
  | 'returnedValue'
  | 'newValue'
  | 'toPay'
  | 'creditLeft'
  | 'even'
  | 'estimate'
  | 'confirm'
  | 'slip'
  | 'originalOrder'
  | 'returnedItems'
  | 'totalReturned'
  | 'newOrder'
  | 'creditNote'
  | 'creditUsed'
  | 'next'

export const exchangeDict: Dictionary<Key> = {
  fr: {
    newItems: 'Nouveaux articles',
    balance: 'Différence',
    returnedValue: 'Valeur rendue',
    newValue: 'Nouveaux articles',
    toPay: 'Reste à payer',
    creditLeft: 'Reste en avoir',
    even: 'Rien à payer',
    estimate: 'Calculé sur les prix affichés ; la caisse le vérifie à la validation.',
    confirm: 'Valider l’échange',
    slip: 'Échange — retour {n}',
    originalOrder: 'Commande d’origine n° {n}',
    returnedItems: 'Articles rendus',
    totalReturned: 'Valeur rendue',
    newOrder: 'Nouvelle vente (échange)',
    creditNote: 'Avoir {code} : solde {balance}',
    creditUsed: 'Avoir {code} : entièrement utilisé pour la nouvelle vente',
    next: 'Nouveau retour',
  },
  en: {
    newItems: 'New items',
    balance: 'Difference',
    returnedValue: 'Value returned',
    newValue: 'New items',
    toPay: 'Left to pay',
    creditLeft: 'Left as credit',
    even: 'Nothing to pay',
    estimate: 'Computed from the prices shown; the till checks it when confirming.',
    confirm: 'Confirm the exchange',
    slip: 'Exchange — return {n}',
    originalOrder: 'Original order no. {n}',
    returnedItems: 'Items returned',
    totalReturned: 'Value returned',
    newOrder: 'New sale (exchange)',
    creditNote: 'Credit note {code}: balance {balance}',
    creditUsed: 'Credit note {code}: fully spent on the new sale',
    next: 'New return',
  },
}

/**
 * The goods taken in exchange for what comes back: scanned or searched as at the till, the
 * difference shown, paid with the till's tenders when the new goods cost more.
 */
export function ExchangeBox({
  returnedCents,
  busy,
  error,
  onConfirm,
}: {
  /** What the units brought back are worth (an estimate: the server is the judge). */
  returnedCents: number
  busy: boolean
  error: unknown
  onConfirm(exchange: ExchangeInput): void
}) {
  const t = useT(exchangeDict)
  const tt = useT(tillDict)
  const { api, channel } = useSession()
  const scanRef = useRef<HTMLInputElement>(null)
  const [webChannel, setWebChannel] = useState<Channel | null>(null)
  const [lines, setLines] = useState<BasketLine[]>([])
  const [address, setAddress] = useState<DeliveryAddress>(emptyAddress)
  // Tenders are taken for one amount: a change of goods or of units returned starts over.
  const [paidFor, setPaidFor] = useState<{ due: number; tenders: TenderLine[] }>({ due: 0, tenders: [] })

  useEffect(() => {
    ok(api.GET('/api/v1/channels', { params: { query: { limit: 100 } } }))
      .then((page) => setWebChannel(page.data.find((c) => c.kind === 'web') ?? null))
      .catch(() => setWebChannel(null))
  }, [api])

  const priceable =
    lines.length > 0 && linesReady(lines) && (!needsAddress(lines) || addressComplete(address))
  const [quoteError, setQuoteError] = useState<unknown>(null)
  // The new goods as the server prices them (promotions, the store's prices): the difference follows.
  const priced = useQuote(
    api,
    channel && priceable
      ? {
          channel: channel.code,
          lines: orderLines(lines),
          ...(needsAddress(lines) ? { delivery_address: { ...address, country: 'FR' } } : {}),
        }
      : null,
    setQuoteError,
  )

  if (!channel) return <p>{tt('noStore')}</p>

  const newCents = priced ? priced.due_now_cents : basketTotal(lines)
  const { toPayCents, creditLeftCents } = exchangeBalance(returnedCents, newCents)
  const tenders = paidFor.due === toPayCents ? paidFor.tenders : []
  const ready = priceable && priced !== null

  function confirm() {
    if (!channel) return
    onConfirm({
      channel: channel.code,
      lines: orderLines(lines),
      ...(needsAddress(lines) ? { delivery_address: { ...address, country: 'FR' } } : {}),
      ...(toPayCents > 0 ? { payments: orderPayments(tenders) } : {}),
    })
  }

  return (
    <div className="till exchange" data-testid="exchange">
      <div className="till-main">
        <Section title={t('newItems')}>
          <ScanBox
            storeChannel={channel}
            webChannel={webChannel}
            onAdd={(article: Article) => setLines((old) => addToBasket(old, article, modes[0]))}
            inputRef={scanRef}
          />
          <BasketTable
            lines={lines}
            onChange={setLines}
            scanMs={null}
            locked={busy}
            modes={modes}
            priced={priced ? pricedLines(priced) : null}
          />
        </Section>
      </div>
      <div className="till-side">
        <Section title={t('balance')}>
          <dl className="facts" data-testid="exchange-balance" aria-live="polite">
            <dt>{t('returnedValue')}</dt>
            <dd>{euro(returnedCents)}</dd>
            <dt>{t('newValue')}</dt>
            <dd>{euro(newCents)}</dd>
            <dt>{toPayCents > 0 ? t('toPay') : creditLeftCents > 0 ? t('creditLeft') : t('even')}</dt>
            <dd>
              <strong data-testid="difference">{euro(toPayCents > 0 ? toPayCents : creditLeftCents)}</strong>
            </dd>
          </dl>
          <p className="muted small">{t('estimate')}</p>
          {needsAddress(lines) && (
            <AddressBox value={address} onChange={setAddress} customer={null} locked={busy} />
          )}
          {toPayCents > 0 ? (
            <PaymentBox
              totalCents={toPayCents}
              tenders={tenders}
              onTenders={(next) => setPaidFor({ due: toPayCents, tenders: next })}
              customer={null}
              onComplete={confirm}
              methods={['card', 'cash', 'gift_card', 'store_credit']}
              ready={ready}
              busy={busy}
              error={error ?? quoteError}
              completeLabel={t('confirm')}
            />
          ) : (
            <>
              <ErrorNote error={error ?? quoteError} />
              <button type="button" className="primary big" disabled={busy || !ready} onClick={confirm}>
                {t('confirm')}
              </button>
            </>
          )}
        </Section>
      </div>
    </div>
  )
}

/** What an exchange recorded, for its summary. */
export interface ExchangeDone {
  returnNumber: string
  originalNumber: string
  returned: Array<{ id: string; name: string; sku: string; quantity: number; refundCents: number }>
  returnedCents: number
  order: Order
  credit: { code: string; balanceCents: number } | null
}

/** The exchange slip: what came back, the new sale's receipt, the credit note left if any. */
export function ExchangeSummary({ done, onNext }: { done: ExchangeDone; onNext(): void }) {
  const t = useT(exchangeDict)
  const tt = useT(tillDict)
  const { store } = useSession()
  const titleId = useId()
  return (
    <div className="till-done" data-testid="exchange-done">
      <article className="receipt" aria-labelledby={titleId}>
        <header>
          <h2 id={titleId}>{t('slip', { n: done.returnNumber })}</h2>
          <p>{t('originalOrder', { n: done.originalNumber })}</p>
        </header>
        <table data-testid="returned-items">
          <caption>{t('returnedItems')}</caption>
          <tbody>
            {done.returned.map((l) => (
              <tr key={l.id}>
                <td>
                  {l.quantity} × {l.name}
                  <br />
                  <small>{l.sku}</small>
                </td>
                <td className="num">{euro(l.refundCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('totalReturned')}</th>
              <td className="num total">{euro(done.returnedCents)}</td>
            </tr>
          </tfoot>
        </table>
        {done.credit && (
          <p data-testid="credit-note">
            {done.credit.balanceCents > 0
              ? t('creditNote', { code: done.credit.code, balance: euro(done.credit.balanceCents) })
              : t('creditUsed', { code: done.credit.code })}
          </p>
        )}
      </article>
      <Receipt order={done.order} store={store} title={t('newOrder')} />
      <div className="row no-print">
        <button type="button" className="secondary" onClick={() => window.print()}>
          {tt('print')}
        </button>
        <button type="button" className="primary" onClick={onNext} ref={(b) => b?.focus()}>
          {t('next')}
        </button>
      </div>
    </div>
  )
}
