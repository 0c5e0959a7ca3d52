import { useCallback, useEffect, useState } from 'react'
import { type GetResult, ok } from '../api/client'
import { dateTime, euro } from '../format'
import { type Dictionary, useLang, useT } from '../i18n'
import { useSession } from '../session'
import { ErrorNote, Loading, MoreButton, Section, usePages } from '../ui'

type Franchisee = GetResult<'/api/v1/franchisees/{id}'>
type Statement = GetResult<'/api/v1/franchisees/{id}/statements'>['data'][number]
type Attribution = GetResult<'/api/v1/franchise/attributions'>['data'][number]

const dict: Dictionary<
  | 'stores'
  | 'catchment'
  | 'nearest'
  | 'radius'
  | 'postcodes'
  | 'statements'
  | 'period'
  | 'status'
  | 'open'
  | 'closed'
  | 'total'
  | 'csv'
  | 'print'
  | 'csvOf'
  | 'printOf'
  | 'attributed'
  | 'order'
  | 'when'
  | 'store'
  | 'rule'
  | 'net'
  | 'commission'
  | 'none'
  | 'collecting_store'
  | 'selling_store'
  | 'delivery_catchment'
  | 'home_store'
  | 'shipping_store'
  | 'notBound'
> = {
  fr: {
    stores: 'Vos magasins',
    catchment: 'Zone de chalandise',
    nearest: 'clients dont c’est le magasin le plus proche',
    radius: 'rayon de {km} km',
    postcodes: 'codes postaux {list}',
    statements: 'Relevés de commissions',
    period: 'Mois',
    status: 'État',
    open: 'En cours',
    closed: 'Clos',
    total: 'Commissions',
    csv: 'Télécharger (CSV)',
    print: 'Version imprimable',
    csvOf: 'Télécharger le relevé de {period} (CSV)',
    printOf: 'Version imprimable du relevé de {period}',
    attributed: 'Commandes attribuées à vos magasins',
    order: 'Commande',
    when: 'Date',
    store: 'Magasin',
    rule: 'Motif',
    net: 'Montant net',
    commission: 'Commission',
    none: 'Aucune commande attribuée pour l’instant.',
    collecting_store: 'Retirée dans votre magasin',
    selling_store: 'Vendue dans votre magasin',
    delivery_catchment: 'Livrée dans votre zone',
    home_store: 'Client rattaché à votre magasin',
    shipping_store: 'Expédiée par votre magasin',
    notBound: 'Cette clé n’est rattachée à aucun franchisé.',
  },
  en: {
    stores: 'Your stores',
    catchment: 'Catchment area',
    nearest: 'customers for whom it is the nearest store',
    radius: '{km} km radius',
    postcodes: 'postcodes {list}',
    statements: 'Commission statements',
    period: 'Month',
    status: 'Status',
    open: 'Open',
    closed: 'Closed',
    total: 'Commissions',
    csv: 'Download (CSV)',
    print: 'Printable version',
    csvOf: 'Download the statement of {period} (CSV)',
    printOf: 'Printable statement of {period}',
    attributed: 'Orders attributed to your stores',
    order: 'Order',
    when: 'Date',
    store: 'Store',
    rule: 'Reason',
    net: 'Net amount',
    commission: 'Commission',
    none: 'No attributed order yet.',
    collecting_store: 'Collected in your store',
    selling_store: 'Sold in your store',
    delivery_catchment: 'Delivered in your area',
    home_store: 'Customer of your store',
    shipping_store: 'Shipped by your store',
    notBound: 'This key is bound to no franchisee.',
  },
}

/** "2026-11" → "novembre 2026". */
function month(period: string, lang: string): string {
  const [y, m] = period.split('-').map(Number)
  if (!y || !m) return period
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
}

/** The franchisee's own workspace: its stores, its commission statements (CSV, printable), its attributed orders. */
export function Franchise() {
  const t = useT(dict)
  const { lang } = useLang()
  const { api, me, key } = useSession()
  const [franchisee, setFranchisee] = useState<Franchisee | null>(null)
  const [error, setError] = useState<unknown>(null)
  const id = me.franchisee_id

  useEffect(() => {
    if (!id) return
    ok(api.GET('/api/v1/franchisees/{id}', { params: { path: { id } } })).then(setFranchisee, setError)
  }, [api, id])

  const statements = usePages<Statement>(
    useCallback(
      (cursor: string | undefined) =>
        ok(
          api.GET('/api/v1/franchisees/{id}/statements', {
            params: { path: { id: id ?? '' }, query: { limit: 12, ...(cursor ? { cursor } : {}) } },
          }),
        ),
      [api, id],
    ),
  )
  const orders = usePages<Attribution>(
    useCallback(
      (cursor: string | undefined) =>
        ok(
          api.GET('/api/v1/franchise/attributions', {
            params: { query: { limit: 25, ...(cursor ? { cursor } : {}) } },
          }),
        ),
      [api],
    ),
  )

  // The CSV and the printable statement need the key: fetched, then handed to the browser.
  async function open(period: string, what: 'csv' | 'print') {
    setError(null)
    try {
      const res = await fetch(
        `/api/v1/franchisees/${encodeURIComponent(id ?? '')}/statements/${encodeURIComponent(period)}/${what}`,
        { headers: { authorization: `Bearer ${key}` } },
      )
      if (!res.ok) throw new Error(`${res.status}`)
      const url = URL.createObjectURL(await res.blob())
      if (what === 'print') window.open(url, '_blank', 'noopener')
      else {
        const a = document.createElement('a')
        a.href = url
        a.download = `releve-${franchisee?.code ?? 'franchise'}-${period}.csv`
        a.click()
      }
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
    } catch (err) {
      setError(err)
    }
  }

  if (!id) return <p>{t('notBound')}</p>
  if (!franchisee && !error) return <Loading />
  return (
    <div className="franchise">
      <h1>{franchisee?.name ?? ''}</h1>
      <ErrorNote error={error} />
      <Section title={t('stores')}>
        <ul className="list" data-testid="franchise-stores">
          {franchisee?.stores.map((s) => {
            const c = s.catchment
            const area =
              c.kind === 'nearest'
                ? t('nearest')
                : c.kind === 'radius'
                  ? t('radius', { km: c.radius_km.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB') })
                  : t('postcodes', { list: c.postcodes.join(', ') })
            return (
              <li key={s.location_id}>
                <strong>{s.name}</strong>
                {s.city && <span className="muted"> — {s.city}</span>}
                <br />
                <small>
                  {t('catchment')} : {area}
                </small>
              </li>
            )
          })}
        </ul>
      </Section>
      <Section title={t('statements')}>
        <ErrorNote error={statements.error} />
        <div className="scroll">
          <table data-testid="statements">
            <thead>
              <tr>
                <th scope="col">{t('period')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col" className="num">
                  {t('total')}
                </th>
                <th scope="col">
                  <span className="sr-only">{t('csv')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {statements.items.map((s) => (
                <tr key={s.period}>
                  <td>{month(s.period, lang)}</td>
                  <td>{t(s.status)}</td>
                  <td className="num">{s.total_cents === null ? '—' : euro(s.total_cents)}</td>
                  <td>
                    <div className="row tight">
                      <button
                        type="button"
                        className="secondary"
                        aria-label={t('csvOf', { period: month(s.period, lang) })}
                        onClick={() => void open(s.period, 'csv')}
                      >
                        {t('csv')}
                      </button>
                      <button
                        type="button"
                        className="secondary"
                        aria-label={t('printOf', { period: month(s.period, lang) })}
                        onClick={() => void open(s.period, 'print')}
                      >
                        {t('print')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <MoreButton pages={statements} />
      </Section>
      <Section title={t('attributed')}>
        <ErrorNote error={orders.error} />
        {orders.items.length === 0 && !orders.loading ? (
          <p className="muted">{t('none')}</p>
        ) : (
          <div className="scroll">
            <table data-testid="attributions">
              <thead>
                <tr>
                  <th scope="col">{t('order')}</th>
                  <th scope="col">{t('when')}</th>
                  <th scope="col">{t('store')}</th>
                  <th scope="col">{t('rule')}</th>
                  <th scope="col" className="num">
                    {t('net')}
                  </th>
                  <th scope="col" className="num">
                    {t('commission')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {orders.items.map((a) => (
                  <tr key={a.order_id}>
                    <td>n° {a.order_number}</td>
                    <td>{dateTime(a.attributed_at, lang)}</td>
                    <td>{franchisee?.stores.find((s) => s.location_id === a.location_id)?.name ?? ''}</td>
                    <td>{t(a.rule)}</td>
                    <td className="num">{euro(a.net_cents)}</td>
                    <td className="num">{euro(a.commission_cents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <MoreButton pages={orders} />
      </Section>
    </div>
  )
}
