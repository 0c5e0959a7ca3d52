import type { Location } from '../api/client'
import { dateTime, euro, percent } from '../format'
import { useLang, useT } from '../i18n'
import { useLocationNames } from '../locations'
import { Barcode } from './Barcode'
import { tillDict } from './dict'
import { offlineDict } from './offline/dict'
import type { ReceiptOrder } from './offline/queue'

/** The ticket de caisse, laid out to print on a receipt printer or A4 (see @media print). */
export function Receipt({
  order,
  store,
  customer,
  title,
  offlineTicket,
}: {
  title: string
  order: ReceiptOrder
  store: Location | null
  /** The customer's name, when one is attached to the sale. */
  customer?: string
  /** A sale made offline: its ticket number at this register (the order number comes later). */
  offlineTicket?: string
}) {
  const t = useT(tillDict)
  const o = useT(offlineDict)
  const { lang } = useLang()
  const network = useLocationNames()
  const payments = order.payments.filter((p) => p.kind === 'capture')
  const change = payments.reduce((sum, p) => sum + (p.change_due_cents ?? 0), 0)
  return (
    <article className="receipt" data-testid="receipt" aria-labelledby="receipt-title">
      <header>
        <h2 id="receipt-title">{title}</h2>
        {store && (
          <p>
            <strong>{store.name}</strong>
            <br />
            {store.address_line}, {store.postcode} {store.city}
          </p>
        )}
        <p>
          {offlineTicket ? `${o('ticket')} ${offlineTicket}` : t('order', { n: order.number })} ·{' '}
          {dateTime(order.placed_at ?? order.created_at, lang)}
        </p>
        {customer && (
          <p>
            {t('customer')} : {customer}
          </p>
        )}
      </header>
      <table>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.id}>
              <td>
                {l.quantity} × {l.product_name}
                {l.fulfilment === 'delivery' && (
                  <>
                    <br />
                    <small>{t('deliveredTo')}</small>
                  </>
                )}
                {l.fulfilment === 'pickup' && (
                  <>
                    <br />
                    <small>
                      {t('collectAt', {
                        store: network.get(l.pickup_location_id ?? '')?.name ?? l.pickup_location_id ?? '',
                      })}
                    </small>
                  </>
                )}
                {l.promotions.map((p) => (
                  <span key={p.promotion_id}>
                    <br />
                    <small>
                      {p.name} −{euro(p.cents)}
                    </small>
                  </span>
                ))}
                {manualDiscount(l) > 0 && (
                  <>
                    <br />
                    <small>
                      {t('manualDiscount')} −{euro(manualDiscount(l))}
                    </small>
                  </>
                )}
              </td>
              <td className="num">{euro(l.total_cents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('total')}</th>
            <td className="num total">{euro(order.total_cents)}</td>
          </tr>
          {payments.map((p) => (
            <tr key={p.id}>
              <td>
                {t(p.method)}
                {p.tendered_cents ? ` (${euro(p.tendered_cents)})` : ''}
              </td>
              <td className="num">{euro(p.amount_cents)}</td>
            </tr>
          ))}
          {change > 0 && (
            <tr>
              <td>{t('change')}</td>
              <td className="num">{euro(change)}</td>
            </tr>
          )}
        </tfoot>
      </table>
      <table className="vat" data-testid="vat">
        <caption>{t('vat')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('vatRate')}</th>
            <th scope="col" className="num">
              {t('vatBase')}
            </th>
            <th scope="col" className="num">
              {t('vat')}
            </th>
          </tr>
        </thead>
        <tbody>
          {order.vat_breakdown.map((v) => (
            <tr key={v.rate}>
              <td>{percent(v.rate)}</td>
              <td className="num">{euro(v.base_incl_cents)}</td>
              <td className="num">{euro(v.vat_cents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('vatTotal')}
            </th>
            <td className="num">{euro(order.vat_cents)}</td>
          </tr>
        </tfoot>
      </table>
      {order.receipt_barcode ? (
        <Barcode ean={order.receipt_barcode} />
      ) : (
        <p className="offline-note">{o('receiptNote')}</p>
      )}
      <p className="thanks">{t('thanks')}</p>
    </article>
  )
}

/** The part of a line's discount given by hand, the rest being its promotions. */
function manualDiscount(l: { discount_cents: number; promotions: Array<{ cents: number }> }): number {
  return l.discount_cents - l.promotions.reduce((s, p) => s + p.cents, 0)
}
