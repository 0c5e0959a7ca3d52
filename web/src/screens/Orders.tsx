import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { type Order, type OrderSummary, ok } from '../api/client'
import { useChannels } from '../channels'
import { dateTime, euro } from '../format'
import { type Dictionary, useLang, useT } from '../i18n'
import { fulfilmentWords, labelOf, orderStatus } from '../labels'
import { locationName, useLocationNames } from '../locations'
import { useSession } from '../session'
import { Empty, ErrorNote, Field, Loading, MoreButton, Section, usePages } from '../ui'

const dict: Dictionary<
  | 'title'
  | 'number'
  | 'find'
  | 'channel'
  | 'status'
  | 'total'
  | 'date'
  | 'open'
  | 'order'
  | 'lines'
  | 'from'
  | 'mode'
  | 'routing'
  | 'pickupRouting'
  | 'noRouting'
  | 'cost'
  | 'excluded'
  | 'payments'
> = {
  fr: {
    title: 'Commandes',
    number: 'Numéro de commande',
    find: 'Rechercher',
    channel: 'Canal',
    status: 'Statut',
    total: 'Total TTC',
    date: 'Date',
    open: 'Ouvrir la commande {n}',
    order: 'Commande {n}',
    lines: 'Lignes',
    from: 'Expédiée depuis',
    mode: 'Mode',
    routing: 'Pourquoi ces lieux d’expédition',
    pickupRouting: 'Acheminement vers le magasin de retrait',
    noRouting: 'Pas de livraison : rien à router.',
    cost: 'Coût logistique',
    excluded: 'Écartés',
    payments: 'Paiements',
  },
  en: {
    title: 'Orders',
    number: 'Order number',
    find: 'Find',
    channel: 'Channel',
    status: 'Status',
    total: 'Total incl. VAT',
    date: 'Date',
    open: 'Open order {n}',
    order: 'Order {n}',
    lines: 'Lines',
    from: 'Ships from',
    mode: 'Mode',
    routing: 'Why these shipping locations',
    pickupRouting: 'Brought to the pickup store',
    noRouting: 'No delivery: nothing to route.',
    cost: 'Logistics cost',
    excluded: 'Left out',
    payments: 'Payments',
  },
}

/** Orders newest first, as the key sees them (a store its own), with the routing explanation. */
export function Orders() {
  const t = useT(dict)
  const st = useT(orderStatus)
  const channels = useChannels()
  const { lang } = useLang()
  const { api } = useSession()
  const [text, setText] = useState('')
  const [number, setNumber] = useState<number | undefined>(undefined)
  const [openId, setOpenId] = useState<string | null>(null)
  const load = useCallback(
    (cursor: string | undefined) =>
      ok(
        api.GET('/api/v1/orders', {
          params: { query: { limit: 20, cursor, ...(number ? { number } : {}) } },
        }),
      ),
    [api, number],
  )
  const pages = usePages<OrderSummary>(load)

  function find(e: FormEvent) {
    e.preventDefault()
    setOpenId(null)
    setNumber(/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined)
  }

  return (
    <div className="orders">
      <h1>{t('title')}</h1>
      <form onSubmit={find} className="inline-form">
        <Field label={t('number')} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="secondary">
          {t('find')}
        </button>
      </form>
      <div className="split">
        <Section title={t('title')}>
          <ErrorNote error={pages.error} />
          {pages.items.length === 0 && !pages.loading && <Empty />}
          <table>
            <thead>
              <tr>
                <th scope="col">{t('number')}</th>
                <th scope="col">{t('channel')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col" className="num">
                  {t('total')}
                </th>
                <th scope="col">{t('date')}</th>
              </tr>
            </thead>
            <tbody>
              {pages.items.map((o) => (
                <tr key={o.id} aria-selected={o.id === openId}>
                  <td>
                    <button
                      type="button"
                      className="link"
                      aria-label={t('open', { n: o.number })}
                      onClick={() => setOpenId(o.id)}
                    >
                      {o.number}
                    </button>
                  </td>
                  <td>{channels.name(o.channel.code)}</td>
                  <td>{labelOf(st, orderStatus, o.status)}</td>
                  <td className="num">{euro(o.total_cents)}</td>
                  <td>{dateTime(o.created_at, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages.loading && <Loading />}
          <MoreButton pages={pages} />
        </Section>
        {openId && <OrderDetail key={openId} id={openId} />}
      </div>
    </div>
  )
}

/** One order: its lines, where each ships from and why, its payments (also opened from a customer's 360). */
export function OrderDetail({ id }: { id: string }) {
  const t = useT(dict)
  const st = useT(orderStatus)
  const ft = useT(fulfilmentWords)
  const channels = useChannels()
  const { api } = useSession()
  const locations = useLocationNames()
  const [order, setOrder] = useState<Order | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    ok(api.GET('/api/v1/orders/{id}', { params: { path: { id } } })).then(setOrder, setError)
  }, [api, id])
  if (!order) return error ? <ErrorNote error={error} /> : <Loading />
  return (
    <Section title={t('order', { n: order.number })}>
      <p>
        {channels.name(order.channel.code)} · {labelOf(st, orderStatus, order.status)} ·{' '}
        {euro(order.total_cents)}
      </p>
      <table>
        <caption>{t('lines')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('lines')}</th>
            <th scope="col">{t('mode')}</th>
            <th scope="col">{t('from')}</th>
            <th scope="col" className="num">
              {t('total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.id}>
              <td>{l.line_no}</td>
              <td>
                {l.quantity} × {l.product_name}
              </td>
              <td>{labelOf(ft, fulfilmentWords, l.fulfilment)}</td>
              <td>{locationName(locations, l.source_location_id)}</td>
              <td className="num">{euro(l.total_cents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('routing')}</h3>
      {order.routing ? (
        <>
          {/* The routing engine explains itself in English (server text): marked as such. */}
          <ul data-testid="routing" lang="en">
            {order.routing.explanation.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>
            {t('cost')} : {euro(order.routing.total_cost_cents)}
          </p>
          {order.routing.excluded.length > 0 && (
            <details>
              <summary>{t('excluded')}</summary>
              <ul lang="en">
                {order.routing.excluded.map((x) => (
                  <li key={x.code}>
                    {x.name} — {x.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      ) : (
        <p className="muted">{t('noRouting')}</p>
      )}
      {order.pickup_routing && (
        <>
          <h3>{t('pickupRouting')}</h3>
          <ul>
            {order.pickup_routing.explanation.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
    </Section>
  )
}
