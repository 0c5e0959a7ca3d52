import { useCallback, useEffect, useState } from 'react'
import { type Channel, type GetResult, type OrderSummary, ok } from '../api/client'
import { dateTime, day, euro, lastMonth, monthName, percent } from '../format'
import { type Dictionary, useLang, useT } from '../i18n'
import { labelOf, orderStatus } from '../labels'
import { useSession } from '../session'
import { Empty, ErrorNote, Loading, MoreButton, Section, usePages } from '../ui'

type Settlement = GetResult<'/api/v1/partners/{ref}/settlements/{month}'>

const dict: Dictionary<
  | 'title'
  | 'partner'
  | 'month'
  | 'none'
  | 'settlement'
  | 'closed'
  | 'running'
  | 'orders'
  | 'sales'
  | 'returns'
  | 'commission'
  | 'fees'
  | 'feePerOrder'
  | 'due'
  | 'owed'
  | 'csv'
  | 'print'
  | 'csvOf'
  | 'printOf'
  | 'movements'
  | 'partnerOrder'
  | 'order'
  | 'kind'
  | 'sale'
  | 'refund'
  | 'amount'
  | 'date'
  | 'noMovement'
  | 'partnerOrders'
  | 'status'
  | 'customer'
  | 'total'
  | 'refunded'
> = {
  fr: {
    title: 'Partenaires',
    partner: 'Partenaire',
    month: 'Mois du relevé',
    none: 'Aucun canal partenaire : un partenaire est un canal de type « partenaire ».',
    settlement: 'Relevé de {month}',
    closed: 'Clos le {date} : montants définitifs.',
    running: 'En cours : les montants évoluent jusqu’à la clôture du mois.',
    orders: 'Commandes',
    sales: 'Ventes encaissées par le partenaire',
    returns: 'Retours et annulations remboursés',
    commission: 'Commission ({rate})',
    fees: 'Frais ({fee} par commande)',
    feePerOrder: 'Frais',
    due: 'Montant dû par le partenaire',
    owed: 'Montant dû au partenaire',
    csv: 'Télécharger (CSV)',
    print: 'Version imprimable',
    csvOf: 'Télécharger le relevé de {month} (CSV)',
    printOf: 'Version imprimable du relevé de {month}',
    movements: 'Mouvements du mois',
    partnerOrder: 'Commande du partenaire',
    order: 'Commande',
    kind: 'Nature',
    sale: 'Vente',
    refund: 'Remboursement',
    amount: 'Montant TTC',
    date: 'Date',
    noMovement: 'Aucune vente ni aucun remboursement ce mois-ci.',
    partnerOrders: 'Commandes du partenaire',
    status: 'Statut',
    customer: 'Livrée à',
    total: 'Total TTC',
    refunded: 'Remboursé',
  },
  en: {
    title: 'Partners',
    partner: 'Partner',
    month: 'Settlement month',
    none: 'No partner channel: a partner is a channel of kind “partner”.',
    settlement: 'Settlement of {month}',
    closed: 'Closed on {date}: final figures.',
    running: 'Running: the figures change until the month is closed.',
    orders: 'Orders',
    sales: 'Sales collected by the partner',
    returns: 'Returns and cancellations refunded',
    commission: 'Commission ({rate})',
    fees: 'Fees ({fee} per order)',
    feePerOrder: 'Fees',
    due: 'Amount due from the partner',
    owed: 'Amount owed to the partner',
    csv: 'Download (CSV)',
    print: 'Printable version',
    csvOf: 'Download the settlement of {month} (CSV)',
    printOf: 'Printable settlement of {month}',
    movements: 'The month’s movements',
    partnerOrder: 'Partner’s order',
    order: 'Order',
    kind: 'Kind',
    sale: 'Sale',
    refund: 'Refund',
    amount: 'Amount incl. VAT',
    date: 'Date',
    noMovement: 'No sale nor refund this month.',
    partnerOrders: 'The partner’s orders',
    status: 'Status',
    customer: 'Delivered to',
    total: 'Total incl. VAT',
    refunded: 'Refunded',
  },
}

/**
 * Head office's partners: each partner channel's monthly settlement (sales it collected, returns it
 * refunded, its commission and fees, what it must pay the brand), as a CSV or a printable page, and
 * the orders it passed on.
 */
export function Partners() {
  const t = useT(dict)
  const st = useT(orderStatus)
  const { lang } = useLang()
  const { api, key } = useSession()
  const [partners, setPartners] = useState<Channel[] | null>(null)
  const [partner, setPartner] = useState('')
  const [month, setMonth] = useState(lastMonth)
  const [settlement, setSettlement] = useState<Settlement | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    ok(api.GET('/api/v1/channels', { params: { query: { limit: 100 } } })).then((page) => {
      const list = page.data.filter((c) => c.kind === 'partner')
      setPartners(list)
      setPartner((current) => current || (list[0]?.code ?? ''))
    }, setError)
  }, [api])

  useEffect(() => {
    if (!partner || !/^\d{4}-\d{2}$/.test(month)) return
    let stale = false
    setSettlement(null)
    setError(null)
    ok(
      api.GET('/api/v1/partners/{ref}/settlements/{month}', {
        params: { path: { ref: partner, month }, query: {} },
      }),
    ).then(
      (s) => {
        if (!stale) setSettlement(s)
      },
      (err) => {
        if (!stale) setError(err)
      },
    )
    return () => {
      stale = true
    }
  }, [api, partner, month])

  const orders = usePages<OrderSummary>(
    useCallback(
      (cursor: string | undefined) =>
        partner
          ? ok(
              api.GET('/api/v1/orders', {
                params: { query: { channel_id: partner, limit: 20, ...(cursor ? { cursor } : {}) } },
              }),
            )
          : Promise.resolve({ data: [], next_cursor: null }),
      [api, partner],
    ),
  )

  // The CSV and the printable page need the key: fetched, then handed to the browser.
  async function open(what: 'csv' | 'html') {
    setError(null)
    try {
      const res = await fetch(
        `/api/v1/partners/${encodeURIComponent(partner)}/settlements/${encodeURIComponent(month)}?format=${what}`,
        { headers: { authorization: `Bearer ${key}` } },
      )
      if (!res.ok) throw new Error(`${res.status}`)
      const url = URL.createObjectURL(await res.blob())
      if (what === 'html') window.open(url, '_blank', 'noopener')
      else {
        const a = document.createElement('a')
        a.href = url
        a.download = `releve-${partner}-${month}.csv`
        a.click()
      }
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
    } catch (err) {
      setError(err)
    }
  }

  // This month (running) and the 24 before it.
  const months = Array.from({ length: 25 }, (_, i) => {
    const now = new Date()
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
  })

  if (!partners && !error) return <Loading />
  const name = monthName(month, lang)
  const s = settlement
  return (
    <div className="partners">
      <h1>{t('title')}</h1>
      {partners?.length === 0 && <p>{t('none')}</p>}
      <div className="row">
        <div className="field">
          <label htmlFor="partner">{t('partner')}</label>
          <select id="partner" value={partner} onChange={(e) => setPartner(e.target.value)}>
            {partners?.map((p) => (
              <option key={p.id} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="month">{t('month')}</label>
          <select id="month" value={month} onChange={(e) => setMonth(e.target.value)}>
            {months.map((m) => (
              <option key={m} value={m}>
                {monthName(m, lang)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorNote error={error} />
      {partner && (
        <Section
          title={t('settlement', { month: name })}
          actions={
            s && (
              <div className="row tight">
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('csvOf', { month: name })}
                  onClick={() => void open('csv')}
                >
                  {t('csv')}
                </button>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('printOf', { month: name })}
                  onClick={() => void open('html')}
                >
                  {t('print')}
                </button>
              </div>
            )
          }
        >
          {!s && !error && <Loading />}
          {s && (
            <>
              <p data-testid="settlement-status">
                {s.status === 'closed' && s.closed_at
                  ? t('closed', { date: day(s.closed_at, lang) })
                  : t('running')}
              </p>
              <dl className="facts figures" data-testid="settlement">
                <dt>{t('orders')}</dt>
                <dd className="num">{s.orders}</dd>
                <dt>{t('sales')}</dt>
                <dd className="num">{euro(s.sales_cents)}</dd>
                <dt>{t('returns')}</dt>
                <dd className="num">{euro(-s.returns_cents)}</dd>
                <dt>{t('commission', { rate: percent(s.commission_bp / 100) })}</dt>
                <dd className="num">{euro(-s.commission_cents)}</dd>
                <dt>
                  {s.order_fee_cents > 0 ? t('fees', { fee: euro(s.order_fee_cents) }) : t('feePerOrder')}
                </dt>
                <dd className="num">{euro(-s.fees_cents)}</dd>
                <dt>
                  <strong>{s.due_from_partner_cents >= 0 ? t('due') : t('owed')}</strong>
                </dt>
                <dd className="num" data-testid="amount-due">
                  <strong>{euro(Math.abs(s.due_from_partner_cents))}</strong>
                </dd>
              </dl>
              <h3>{t('movements')}</h3>
              {s.lines.length === 0 ? (
                <p className="muted">{t('noMovement')}</p>
              ) : (
                <div className="scroll">
                  <table data-testid="settlement-lines">
                    <thead>
                      <tr>
                        <th scope="col">{t('partnerOrder')}</th>
                        <th scope="col">{t('order')}</th>
                        <th scope="col">{t('kind')}</th>
                        <th scope="col">{t('date')}</th>
                        <th scope="col" className="num">
                          {t('amount')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {s.lines.map((l) => (
                        <tr key={`${l.order_number}-${l.kind}-${l.at}`}>
                          <td>{l.partner_order_id ?? '—'}</td>
                          <td>n° {l.order_number}</td>
                          <td>{t(l.kind)}</td>
                          <td>{dateTime(l.at, lang)}</td>
                          <td className="num">
                            {euro(l.kind === 'refund' ? -l.amount_cents : l.amount_cents)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          )}
        </Section>
      )}
      {partner && (
        <Section title={t('partnerOrders')}>
          <ErrorNote error={orders.error} />
          {orders.items.length === 0 && !orders.loading ? (
            <Empty />
          ) : (
            <div className="scroll">
              <table data-testid="partner-orders">
                <thead>
                  <tr>
                    <th scope="col">{t('order')}</th>
                    <th scope="col">{t('date')}</th>
                    <th scope="col">{t('customer')}</th>
                    <th scope="col">{t('status')}</th>
                    <th scope="col" className="num">
                      {t('total')}
                    </th>
                    <th scope="col" className="num">
                      {t('refunded')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {orders.items.map((o) => (
                    <tr key={o.id}>
                      <td>n° {o.number}</td>
                      <td>{o.placed_at ? dateTime(o.placed_at, lang) : '—'}</td>
                      <td>
                        {o.delivery_address ? `${o.delivery_address.name}, ${o.delivery_address.city}` : '—'}
                      </td>
                      <td>{labelOf(st, orderStatus, o.status)}</td>
                      <td className="num">{euro(o.total_cents)}</td>
                      <td className="num">{o.refunded_cents > 0 ? euro(o.refunded_cents) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <MoreButton pages={orders} />
        </Section>
      )}
    </div>
  )
}
