import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js'
import { useEffect, useState } from 'react'
import { Bar, Line } from 'react-chartjs-2'
import { type GetResult, ok } from '../api/client'
import { useChannels } from '../channels'
import { day, decimal, euro } from '../format'
import { type Dictionary, useLang, useT } from '../i18n'
import { locationName, useLocationNames } from '../locations'
import { useSession } from '../session'
import { ErrorNote, Loading, Section } from '../ui'

// Only the pieces drawn here: keeps the bundle to what is used.
ChartJS.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
)

type Sales = GetResult<'/api/v1/analytics/sales'>
type Customers = GetResult<'/api/v1/analytics/customers'>
type Migration = GetResult<'/api/v1/analytics/migration'>
type Cannibalisation = GetResult<'/api/v1/analytics/cannibalisation'>
type Pooled = GetResult<'/api/v1/analytics/cannibalisation/pooled'>
type Launch = GetResult<'/api/v1/analytics/service-launches'>['data'][number]

const dict: Dictionary<
  | 'title'
  | 'mix'
  | 'mixChart'
  | 'basket'
  | 'basketChart'
  | 'channel'
  | 'orders'
  | 'net'
  | 'avgBasket'
  | 'returns'
  | 'pickupShare'
  | 'prepCost'
  | 'sfsShare'
  | 'customers'
  | 'nChannels'
  | 'share'
  | 'perYear'
  | 'vsSingle'
  | 'migration'
  | 'from'
  | 'kept'
  | 'added'
  | 'lost'
  | 'cannibalisation'
  | 'store'
  | 'didChart'
  | 'thisStore'
  | 'comparison'
  | 'effect'
  | 'week'
  | 'noLaunch'
  | 'sales'
  | 'allStores'
  | 'pooled'
  | 'pooledChart'
  | 'effectPct'
  | 'interval'
  | 'noise'
  | 'signal'
  | 'launchedOn'
  | 'before'
  | 'after'
  | 'counterfactual'
  | 'comparisonSet'
  | 'excluded'
> = {
  fr: {
    title: 'Analyse des canaux',
    mix: 'Ventes nettes par mois et par canal (12 derniers mois)',
    mixChart: 'Histogramme empilé des ventes nettes par mois et par canal',
    basket: 'Panier moyen par canal',
    basketChart: 'Histogramme du panier moyen par canal',
    channel: 'Canal',
    orders: 'Commandes',
    net: 'Ventes nettes',
    avgBasket: 'Panier moyen',
    returns: 'Taux de retour',
    pickupShare: 'Part retrait magasin',
    prepCost: 'Coût de préparation retrait',
    sfsShare: 'Expédié depuis un magasin',
    customers: 'Clients multicanaux (12 derniers mois)',
    nChannels: 'Canaux utilisés',
    share: 'Part des clients',
    perYear: 'Valeur par an',
    vsSingle: 'Par rapport au monocanal',
    migration: 'Migration entre canaux (12 derniers mois contre les 12 précédents)',
    from: 'De \\ vers',
    kept: 'Conservé',
    added: 'Dépense nouvelle',
    lost: 'Dépense perdue',
    cannibalisation: 'Cannibalisation : ventes en magasin après l’ouverture du retrait',
    store: 'Magasin',
    didChart: 'Courbes hebdomadaires des ventes du magasin et des magasins comparables',
    thisStore: 'Ce magasin',
    comparison: 'Magasins comparables (÷ {n})',
    effect: 'Effet estimé : {pct} % ({cents}) contre {n} magasins comparables, lancement le {date}.',
    week: 'Semaine',
    noLaunch: 'Aucun lancement de service enregistré.',
    sales: 'Ventes',
    allStores: 'Tous les magasins ouverts au retrait (estimation groupée)',
    pooled:
      'Effet estimé, {k} ouvertures groupées ({w} semaines avant et après chacune) : {pct} % ({cents}) contre {n} magasins sans ouverture.',
    pooledChart: 'Histogramme de l’effet estimé par magasin, en pourcentage',
    effectPct: 'Effet (%)',
    interval:
      'Intervalle à 95 % : de {lo} % à {hi} % (placebo : écart-type {sd} points sur {runs} essais, p = {p}).',
    noise: 'L’effet ne se distingue pas du bruit : des magasins sans ouverture varient autant.',
    signal: 'L’effet se distingue du bruit : peu de magasins sans ouverture varient autant.',
    launchedOn: 'Ouverture',
    before: 'Avant',
    after: 'Après',
    counterfactual: 'Sans l’ouverture (contrefactuel)',
    comparisonSet: 'Magasins comparables : {list}.',
    excluded: 'Non comptés (ouverture trop récente) : {list}.',
  },
  en: {
    title: 'Channel analytics',
    mix: 'Net sales per month and channel (last 12 months)',
    mixChart: 'Stacked bar chart of net sales per month and channel',
    basket: 'Average basket per channel',
    basketChart: 'Bar chart of the average basket per channel',
    channel: 'Channel',
    orders: 'Orders',
    net: 'Net sales',
    avgBasket: 'Average basket',
    returns: 'Returns rate',
    pickupShare: 'Click & collect share',
    prepCost: 'Click & collect preparation cost',
    sfsShare: 'Shipped from a store',
    customers: 'Multichannel customers (last 12 months)',
    nChannels: 'Channels used',
    share: 'Share of customers',
    perYear: 'Value per year',
    vsSingle: 'Against single-channel',
    migration: 'Migration between channels (last 12 months against the 12 before)',
    from: 'From \\ to',
    kept: 'Kept',
    added: 'New spend',
    lost: 'Lost spend',
    cannibalisation: 'Cannibalisation: in-store sales after click & collect opened',
    store: 'Store',
    didChart: 'Weekly sales of the store and of comparable stores',
    thisStore: 'This store',
    comparison: 'Comparable stores (÷ {n})',
    effect: 'Estimated effect: {pct} % ({cents}) against {n} comparable stores, launched on {date}.',
    week: 'Week',
    noLaunch: 'No service launch recorded.',
    sales: 'Sales',
    allStores: 'All stores that opened click & collect (pooled estimate)',
    pooled:
      'Estimated effect, {k} launches pooled ({w} weeks before and after each): {pct} % ({cents}) against {n} stores without a launch.',
    pooledChart: 'Bar chart of the estimated effect per store, in percent',
    effectPct: 'Effect (%)',
    interval:
      '95 % interval: {lo} % to {hi} % (placebo: standard deviation {sd} points over {runs} runs, p = {p}).',
    noise: 'The effect is not distinguishable from noise: stores without a launch vary as much.',
    signal: 'The effect is distinguishable from noise: few stores without a launch vary as much.',
    launchedOn: 'Launched',
    before: 'Before',
    after: 'After',
    counterfactual: 'Without the launch (counterfactual)',
    comparisonSet: 'Comparable stores: {list}.',
    excluded: 'Not counted (launch too recent): {list}.',
  },
}

const palette = ['#1d4ed8', '#d97706', '#059669', '#db2777', '#7c3aed', '#475569']

/** Head office's view of channels adding to or eating each other: figures, charts and the numbers behind them. */
export function Analytics() {
  const t = useT(dict)
  const channelNames = useChannels()
  const { api } = useSession()
  const [sales, setSales] = useState<Sales | null>(null)
  const [customers, setCustomers] = useState<Customers | null>(null)
  const [migration, setMigration] = useState<Migration | null>(null)
  const [launches, setLaunches] = useState<Launch[]>([])
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    ok(api.GET('/api/v1/analytics/sales', { params: { query: { period: 'month', by: 'channel' } } })).then(
      setSales,
      setError,
    )
    ok(api.GET('/api/v1/analytics/customers', {})).then(setCustomers, setError)
    ok(api.GET('/api/v1/analytics/migration', {})).then(setMigration, setError)
    ok(api.GET('/api/v1/analytics/service-launches', { params: { query: { service: 'pickup' } } })).then(
      (r) => setLaunches(r.data),
      setError,
    )
  }, [api])

  if (error) return <ErrorNote error={error} />
  if (!sales) return <Loading />
  const channels = [...new Set(sales.data.map((r) => r.channel ?? ''))]
  const months = [...new Set(sales.data.map((r) => r.period_start))].sort()
  const perChannel = channels.map((ch) => {
    const rows = sales.data.filter((r) => r.channel === ch)
    const sum = (k: 'orders' | 'sales_cents' | 'net_sales_cents' | 'returned_cents' | 'pickup_sales_cents') =>
      rows.reduce((s, r) => s + r[k], 0)
    return {
      ch,
      orders: sum('orders'),
      net: sum('net_sales_cents'),
      sales: sum('sales_cents'),
      returned: sum('returned_cents'),
      pickup: sum('pickup_sales_cents'),
      prep: rows.reduce((s, r) => s + (r.pickup_prep_cost_cents ?? 0), 0),
      sfs: rows.reduce((s, r) => s + r.ship_from_store_cents, 0),
    }
  })
  const pct = (a: number, b: number) =>
    b === 0 ? '0 %' : `${((a / b) * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`

  return (
    <>
      <h1>{t('title')}</h1>
      <Section title={t('mix')}>
        <div className="chart" data-testid="chart-mix" data-points={sales.data.length}>
          <Bar
            role="img"
            aria-label={t('mixChart')}
            data={{
              labels: months.map((m) => m.slice(0, 7)),
              datasets: channels.map((ch, i) => ({
                label: channelNames.name(ch),
                backgroundColor: palette[i % palette.length],
                data: months.map(
                  (m) =>
                    (sales.data.find((r) => r.channel === ch && r.period_start === m)?.net_sales_cents ?? 0) /
                    100,
                ),
              })),
            }}
            options={{
              responsive: true,
              animation: false,
              scales: { x: { stacked: true }, y: { stacked: true } },
            }}
          />
        </div>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls by keyboard too (axe scrollable-region-focusable) */}
        <div className="scroll" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('channel')}</th>
                <th scope="col">{t('orders')}</th>
                <th scope="col">{t('net')}</th>
                <th scope="col">{t('avgBasket')}</th>
                <th scope="col">{t('returns')}</th>
                <th scope="col">{t('pickupShare')}</th>
                <th scope="col">{t('prepCost')}</th>
                <th scope="col">{t('sfsShare')}</th>
              </tr>
            </thead>
            <tbody>
              {perChannel.map((c) => (
                <tr key={c.ch}>
                  <th scope="row">{channelNames.name(c.ch)}</th>
                  <td>{c.orders}</td>
                  <td>{euro(c.net)}</td>
                  <td>{euro(c.orders === 0 ? 0 : Math.round(c.sales / c.orders))}</td>
                  <td>{pct(c.returned, c.sales)}</td>
                  <td>{pct(c.pickup, c.sales)}</td>
                  <td>{euro(c.prep)}</td>
                  <td>{euro(c.sfs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <Section title={t('basket')}>
        <div className="chart" data-testid="chart-basket" data-points={perChannel.length}>
          <Bar
            role="img"
            aria-label={t('basketChart')}
            data={{
              labels: perChannel.map((c) => channelNames.name(c.ch)),
              datasets: [
                {
                  label: t('avgBasket'),
                  backgroundColor: palette[0],
                  data: perChannel.map((c) => (c.orders === 0 ? 0 : c.sales / c.orders / 100)),
                },
              ],
            }}
            options={{ responsive: true, animation: false }}
          />
        </div>
      </Section>
      {customers && (
        <Section title={t('customers')}>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls by keyboard too (axe scrollable-region-focusable) */}
          <div className="scroll" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('nChannels')}</th>
                  <th scope="col">{t('share')}</th>
                  <th scope="col">{t('perYear')}</th>
                  <th scope="col">{t('vsSingle')}</th>
                </tr>
              </thead>
              <tbody>
                {customers.multichannel.map((b) => (
                  <tr key={b.channels}>
                    <th scope="row">{b.channels === 3 ? '3+' : b.channels}</th>
                    <td>
                      {decimal(b.share_pct)} % ({b.customers})
                    </td>
                    <td>{euro(b.value_per_year_cents)}</td>
                    <td>{b.vs_single_channel === null ? '—' : `× ${decimal(b.vs_single_channel)}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      )}
      {migration && <MigrationTable m={migration} />}
      <StoreEffect launches={launches} />
    </>
  )
}

function MigrationTable({ m }: { m: Migration }) {
  const t = useT(dict)
  const channels = useChannels()
  return (
    <Section title={t('migration')}>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls by keyboard too (axe scrollable-region-focusable) */}
      <div className="scroll" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('from')}</th>
              {m.channels.map((c) => (
                <th scope="col" key={c.id}>
                  {channels.name(c.code)}
                </th>
              ))}
              <th scope="col">{t('kept')}</th>
              <th scope="col">{t('lost')}</th>
              <th scope="col">{t('added')}</th>
            </tr>
          </thead>
          <tbody>
            {m.channels.map((c, i) => (
              <tr key={c.id}>
                <th scope="row">{channels.name(c.code)}</th>
                {m.channels.map((d, k) => (
                  <td key={d.id}>{i === k ? '—' : euro(m.flows_cents[i]?.[k] ?? 0)}</td>
                ))}
                <td>{euro(m.kept_cents[i] ?? 0)}</td>
                <td>{euro(m.lost_cents[i] ?? 0)}</td>
                <td>{euro(m.added_cents[i] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  )
}

function StoreEffect({ launches }: { launches: Launch[] }) {
  const t = useT(dict)
  const { lang } = useLang()
  const { api } = useSession()
  const locations = useLocationNames()
  const [store, setStore] = useState<string>('all')
  const [pooled, setPooled] = useState<Pooled | null>(null)
  const [did, setDid] = useState<Cannibalisation | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    if (launches.length === 0) return
    ok(
      api.GET('/api/v1/analytics/cannibalisation/pooled', { params: { query: { service: 'pickup' } } }),
    ).then(setPooled, setError)
  }, [api, launches.length])

  useEffect(() => {
    if (store === 'all') return
    setDid(null)
    ok(
      api.GET('/api/v1/analytics/cannibalisation', {
        params: { query: { store, service: 'pickup' } },
      }),
    ).then(setDid, setError)
  }, [api, store])

  if (launches.length === 0)
    return (
      <Section title={t('cannibalisation')}>
        <p>{t('noLaunch')}</p>
      </Section>
    )
  const storeName = new Map<string, string>()
  for (const s of [...(pooled?.stores ?? []), ...(pooled?.excluded ?? []), ...(pooled?.comparison ?? [])])
    storeName.set(s.store_id, s.store)
  return (
    <Section title={t('cannibalisation')}>
      <label>
        {t('store')}{' '}
        <select value={store} onChange={(e) => setStore(e.target.value)}>
          <option value="all">{t('allStores')}</option>
          {launches.map((l) => (
            <option key={l.id} value={l.location_id}>
              {/* A launch the pooled estimate leaves out (too recent to compare), or names not read yet:
                  the network's names, never the id. */}
              {storeName.get(l.location_id) ?? locationName(locations, l.location_id)} —{' '}
              {day(l.launched_on, lang)}
            </option>
          ))}
        </select>
      </label>
      {error ? <ErrorNote error={error} /> : null}
      {store === 'all' && pooled && <PooledEffect p={pooled} />}
      {store !== 'all' && did && <SingleEffect did={did} />}
    </Section>
  )
}

function Interval({ p }: { p: Pooled['placebo'] }) {
  const t = useT(dict)
  if (!p || p.interval_low_pct === null || p.interval_high_pct === null) return null
  return (
    <p data-testid="interval">
      {t('interval', {
        lo: decimal(p.interval_low_pct),
        hi: decimal(p.interval_high_pct),
        sd: decimal(p.sd_pct),
        runs: p.runs,
        p: decimal(p.p_value),
      })}{' '}
      {p.p_value !== null && p.p_value < 0.05 ? t('signal') : t('noise')}
    </p>
  )
}

function PooledEffect({ p }: { p: Pooled }) {
  const t = useT(dict)
  const { lang } = useLang()
  return (
    <>
      <p data-testid="pooled-effect">
        {t('pooled', {
          k: p.stores.length,
          w: p.weeks,
          pct: decimal(p.effect_pct),
          cents: euro(p.effect_cents ?? 0),
          n: p.comparison.length,
        })}
      </p>
      <Interval p={p.placebo} />
      <div className="chart" data-testid="chart-pooled" data-points={p.stores.length}>
        <Bar
          role="img"
          aria-label={t('pooledChart')}
          data={{
            labels: p.stores.map((s) => s.store),
            datasets: [
              {
                label: t('effectPct'),
                backgroundColor: palette[0],
                data: p.stores.map((s) => s.effect_pct ?? 0),
              },
            ],
          }}
          options={{ responsive: true, animation: false }}
        />
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls by keyboard too (axe scrollable-region-focusable) */}
      <div className="scroll" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('store')}</th>
              <th scope="col">{t('launchedOn')}</th>
              <th scope="col">{t('before')}</th>
              <th scope="col">{t('after')}</th>
              <th scope="col">{t('counterfactual')}</th>
              <th scope="col">{t('effectPct')}</th>
            </tr>
          </thead>
          <tbody>
            {p.stores.map((s) => (
              <tr key={s.store_id}>
                <th scope="row">{s.store}</th>
                <td>{day(s.launched_on, lang)}</td>
                <td>{euro(s.before_cents)}</td>
                <td>{euro(s.after_cents)}</td>
                <td>{s.counterfactual_cents === null ? '—' : euro(s.counterfactual_cents)}</td>
                <td>{decimal(s.effect_pct)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('allStores')}</th>
              <td />
              <td>{euro(p.before_cents)}</td>
              <td>{euro(p.after_cents)}</td>
              <td>{p.counterfactual_cents === null ? '—' : euro(p.counterfactual_cents)}</td>
              <td>{decimal(p.effect_pct)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p>{t('comparisonSet', { list: p.comparison.map((c) => c.store).join(', ') })}</p>
      {p.excluded.length > 0 && (
        <p>
          {t('excluded', {
            list: p.excluded.map((e) => `${e.store} (${day(e.launched_on, lang)})`).join(', '),
          })}
        </p>
      )}
    </>
  )
}

function SingleEffect({ did }: { did: Cannibalisation }) {
  const t = useT(dict)
  const { lang } = useLang()
  const n = did.comparison.stores.length
  return (
    <>
      <p>
        <strong>{did.store}</strong> —{' '}
        {t('effect', {
          pct: decimal(did.effect_pct),
          cents: euro(did.effect_cents ?? 0),
          n,
          date: day(did.launched_on, lang),
        })}
      </p>
      <Interval p={did.placebo} />
      <div className="chart" data-testid="chart-did" data-points={did.weekly.length}>
        <Line
          role="img"
          aria-label={t('didChart')}
          data={{
            labels: did.weekly.map((w) => String(w.week)),
            datasets: [
              {
                label: t('thisStore'),
                borderColor: palette[0],
                data: did.weekly.map((w) => w.store_cents / 100),
              },
              {
                label: t('comparison', { n }),
                borderColor: palette[1],
                data: did.weekly.map((w) => (n === 0 ? 0 : w.comparison_cents / n / 100)),
              },
            ],
          }}
          options={{ responsive: true, animation: false }}
        />
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls by keyboard too (axe scrollable-region-focusable) */}
      <div className="scroll" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('store')}</th>
              <th scope="col">−{did.weeks}</th>
              <th scope="col">+{did.weeks}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{did.store}</th>
              <td>{euro(did.before.sales_cents)}</td>
              <td>{euro(did.after.sales_cents)}</td>
            </tr>
            {did.comparison.stores.map((s) => (
              <tr key={s.store_id}>
                <th scope="row">{s.store}</th>
                <td>{euro(s.before_cents)}</td>
                <td>{euro(s.after_cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
