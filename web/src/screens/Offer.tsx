import {
  type FormEvent,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react'
import { ApiError, type GetResult, type Location, ok } from '../api/client'
import { useChannels } from '../channels'
import '../fiscal/fiscal.css'
import { dateTime, day, euro, parseEuros } from '../format'
import { type Dictionary, useLang, useT } from '../i18n'
import { categoryWords, labelOf } from '../labels'
import { describeViolation } from '../offer/violations'
import { useSession } from '../session'
import { Empty, ErrorNote, Field, Loading, MoreButton, Section, usePages } from '../ui'

type Finding = GetResult<'/api/v1/offer/coherence-report'>['data'][number]
type PriceList = GetResult<'/api/v1/price-lists'>['data'][number]
type Change = GetResult<'/api/v1/offer/prices/{sku}/history'>['data'][number]
type PricesAt = GetResult<'/api/v1/offer/prices/{sku}'>
type Promotion = GetResult<'/api/v1/promotions'>['data'][number]
type ListingRule = GetResult<'/api/v1/offer/cluster-listings'>['data'][number]
type ClusterList = GetResult<'/api/v1/offer/cluster-price-lists'>['data'][number]

type Tab = 'coherence' | 'prices' | 'promotions' | 'clusters'
const tabs: Tab[] = ['coherence', 'prices', 'promotions', 'clusters']

const dict: Dictionary<
  | Tab
  | 'title'
  | 'tabs'
  | 'summary'
  | 'allGood'
  | 'product'
  | 'channelPrices'
  | 'observed'
  | 'observedOf'
  | 'price'
  | 'broken'
  | 'suggestion'
  | 'select'
  | 'infeasible'
  | 'applySelected'
  | 'applyAll'
  | 'confirmAll'
  | 'applied'
  | 'stillInfeasible'
  | 'sku'
  | 'skuHint'
  | 'show'
  | 'inForce'
  | 'list'
  | 'since'
  | 'history'
  | 'when'
  | 'change'
  | 'kind'
  | 'reason'
  | 'by'
  | 'manual'
  | 'forced'
  | 'coherence_correction'
  | 'scheduled'
  | 'newChange'
  | 'newPrice'
  | 'from'
  | 'fromHint'
  | 'doChange'
  | 'guard'
  | 'force'
  | 'forceHint'
  | 'doForce'
  | 'changed'
  | 'badAmount'
  | 'liveOnly'
  | 'name'
  | 'what'
  | 'period'
  | 'channels'
  | 'everywhere'
  | 'used'
  | 'state'
  | 'running'
  | 'stopped'
  | 'stop'
  | 'restart'
  | 'basket'
  | 'products'
  | 'voucher'
  | 'always'
  | 'percentage'
  | 'amount_off'
  | 'fixed_price'
  | 'buy_x_get_y'
  | 'nth_item'
  | 'basket_threshold'
  | 'cluster'
  | 'stores'
  | 'noCluster'
  | 'rules'
  | 'carried'
  | 'notCarried'
  | 'ownLists'
  | 'channel'
  | 'noRules'
> = {
  fr: {
    coherence: 'Cohérence des prix',
    prices: 'Changements de prix',
    promotions: 'Promotions',
    clusters: 'Groupes de magasins',
    title: 'Offre',
    tabs: 'Parties de l’offre',
    summary: '{violating} article(s) sur {checked} enfreignent la politique de leur catégorie.',
    allGood: 'Tous les prix respectent la politique de leur catégorie.',
    product: 'Article',
    channelPrices: 'Prix par canal',
    observed: 'Prix des franchisés (constatés, non corrigés)',
    observedOf: '{store} : {price} (recommandé {recommended})',
    price: 'Prix',
    broken: 'Règles enfreintes',
    suggestion: 'Prix proposés',
    select: 'Choisir {name}',
    infeasible: 'Aucun jeu de prix ne satisfait la politique.',
    applySelected: 'Appliquer les prix proposés ({n})',
    applyAll: 'Appliquer toutes les propositions',
    confirmAll: 'Appliquer les prix proposés à tous les articles en écart ({n}) ?',
    applied: '{corrected} article(s) corrigé(s), {changed} prix changé(s).',
    stillInfeasible: '{n} article(s) sans correction possible.',
    sku: 'Référence de l’article (SKU)',
    skuHint: 'La référence imprimée sous le code-barres, par exemple la colonne Référence du catalogue.',
    show: 'Afficher les prix',
    inForce: 'Prix en vigueur',
    list: 'Liste de prix',
    since: 'Depuis',
    history: 'Historique des changements',
    when: 'Date',
    change: 'Changement',
    kind: 'Nature',
    reason: 'Motif',
    by: 'Par',
    manual: 'Manuel',
    forced: 'Forcé hors politique',
    coherence_correction: 'Correction de cohérence',
    scheduled: 'programmé',
    newChange: 'Changer un prix',
    newPrice: 'Nouveau prix TTC (€)',
    from: 'À partir du',
    fromHint: 'Vide : tout de suite.',
    doChange: 'Changer le prix',
    guard: 'Ce prix enfreint la politique de la catégorie :',
    force: 'Motif pour forcer ce prix',
    forceHint: 'Le changement est gardé dans l’historique avec son motif et les règles enfreintes.',
    doForce: 'Forcer le prix avec ce motif',
    changed: 'Prix changé : {amount}.',
    badAmount: 'Montant invalide : saisissez par exemple 19,90.',
    liveOnly: 'En cours seulement',
    name: 'Nom',
    what: 'Avantage',
    period: 'Période',
    channels: 'Canaux',
    everywhere: 'Tous les canaux',
    used: 'Utilisations',
    state: 'État',
    running: 'Active',
    stopped: 'Arrêtée',
    stop: 'Arrêter {name}',
    restart: 'Relancer {name}',
    basket: 'tout le panier',
    products: '{n} produit(s)',
    voucher: 'code {code}',
    always: 'sans limite de date',
    percentage: '{n} % de remise',
    amount_off: '{amount} de remise',
    fixed_price: 'Prix fixe {amount}',
    buy_x_get_y: '{buy} achetés, {get} offert(s)',
    nth_item: 'Remise sur le {n}e article',
    basket_threshold: '{amount} de remise dès {threshold}',
    cluster: 'Groupe',
    stores: 'Magasins',
    noCluster: 'Sans groupe',
    rules: 'Assortiment du groupe',
    carried: 'Vendu',
    notCarried: 'Non vendu',
    ownLists: 'Listes de prix propres au groupe',
    channel: 'Canal',
    noRules: 'Aucune règle : le groupe vend ce que listent ses canaux.',
  },
  en: {
    coherence: 'Price coherence',
    prices: 'Price changes',
    promotions: 'Promotions',
    clusters: 'Store clusters',
    title: 'Offer',
    tabs: 'Parts of the offer',
    summary: '{violating} article(s) out of {checked} break their category’s policy.',
    allGood: 'Every price keeps to its category’s policy.',
    product: 'Article',
    channelPrices: 'Prices per channel',
    observed: 'Franchisees’ prices (observed, not corrected)',
    observedOf: '{store}: {price} (recommended {recommended})',
    price: 'Price',
    broken: 'Rules broken',
    suggestion: 'Suggested prices',
    select: 'Select {name}',
    infeasible: 'No set of prices satisfies the policy.',
    applySelected: 'Apply the suggested prices ({n})',
    applyAll: 'Apply every suggestion',
    confirmAll: 'Apply the suggested prices to every article out of policy ({n})?',
    applied: '{corrected} article(s) corrected, {changed} price(s) changed.',
    stillInfeasible: '{n} article(s) cannot be corrected.',
    sku: 'Article reference (SKU)',
    skuHint: 'The reference printed under the barcode, e.g. the catalog’s Reference column.',
    show: 'Show the prices',
    inForce: 'Prices in force',
    list: 'Price list',
    since: 'Since',
    history: 'Change history',
    when: 'Date',
    change: 'Change',
    kind: 'Kind',
    reason: 'Reason',
    by: 'By',
    manual: 'Manual',
    forced: 'Forced outside the policy',
    coherence_correction: 'Coherence correction',
    scheduled: 'scheduled',
    newChange: 'Change a price',
    newPrice: 'New price incl. VAT (€)',
    from: 'From',
    fromHint: 'Empty: right now.',
    doChange: 'Change the price',
    guard: 'This price breaks the category’s policy:',
    force: 'Reason to force this price',
    forceHint: 'The change is kept in the history with its reason and the rules it breaks.',
    doForce: 'Force the price with this reason',
    changed: 'Price changed: {amount}.',
    badAmount: 'Invalid amount: type for example 19.90.',
    liveOnly: 'Running only',
    name: 'Name',
    what: 'Benefit',
    period: 'Period',
    channels: 'Channels',
    everywhere: 'Every channel',
    used: 'Uses',
    state: 'State',
    running: 'Active',
    stopped: 'Stopped',
    stop: 'Stop {name}',
    restart: 'Restart {name}',
    basket: 'the whole basket',
    products: '{n} product(s)',
    voucher: 'code {code}',
    always: 'no end date',
    percentage: '{n} % off',
    amount_off: '{amount} off',
    fixed_price: 'Fixed price {amount}',
    buy_x_get_y: 'Buy {buy}, get {get} free',
    nth_item: 'Discount on the {n}th article',
    basket_threshold: '{amount} off from {threshold}',
    cluster: 'Cluster',
    stores: 'Stores',
    noCluster: 'No cluster',
    rules: 'Cluster assortment',
    carried: 'Sold',
    notCarried: 'Not sold',
    ownLists: 'Cluster price lists',
    channel: 'Channel',
    noRules: 'No rule: the cluster sells what its channels list.',
  },
}

/** Store clusters head office defined, by their codes. */
const clusterWords: Dictionary<'flagship' | 'city'> = {
  fr: { flagship: 'Grands magasins', city: 'Magasins de ville' },
  en: { flagship: 'Flagship stores', city: 'City stores' },
}

/** The price lists by id and code, to name them. */
function usePriceLists() {
  const { api } = useSession()
  const [lists, setLists] = useState<PriceList[]>([])
  useEffect(() => {
    ok(api.GET('/api/v1/price-lists', { params: { query: { limit: 100 } } })).then(
      (p) => setLists(p.data),
      () => {},
    )
  }, [api])
  return (idOrCode: string) => lists.find((l) => l.id === idOrCode || l.code === idOrCode)?.name ?? idOrCode
}

/** Head office's offer: price coherence with its suggestions, price changes, promotions, store clusters. */
export function Offer() {
  const t = useT(dict)
  const [tab, setTab] = useState<Tab>(() => {
    const asked = new URLSearchParams(location.search).get('tab')
    return tabs.find((x) => x === asked) ?? 'coherence'
  })
  const refs = useRef<Record<string, HTMLButtonElement | null>>({})
  const choose = (next: Tab) => {
    setTab(next)
    history.replaceState(null, '', `/offer?tab=${next}`)
    refs.current[next]?.focus()
  }
  function onKey(e: KeyboardEvent) {
    const at = tabs.indexOf(tab)
    if (e.key === 'ArrowRight') choose(tabs[(at + 1) % tabs.length]!)
    if (e.key === 'ArrowLeft') choose(tabs[(at + tabs.length - 1) % tabs.length]!)
  }
  return (
    <div className="offer">
      <h1>{t('title')}</h1>
      <div role="tablist" aria-label={t('tabs')} className="tabs" onKeyDown={onKey}>
        {tabs.map((x) => (
          <button
            key={x}
            ref={(b) => {
              refs.current[x] = b
            }}
            type="button"
            role="tab"
            id={`tab-${x}`}
            aria-selected={tab === x}
            aria-controls={`panel-${x}`}
            tabIndex={tab === x ? 0 : -1}
            className="secondary"
            onClick={() => choose(x)}
          >
            {t(x)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'coherence' && <Coherence />}
        {tab === 'prices' && <PriceChanges />}
        {tab === 'promotions' && <Promotions />}
        {tab === 'clusters' && <Clusters />}
      </div>
    </div>
  )
}

function Coherence() {
  const t = useT(dict)
  const category = useT(categoryWords)
  const { api } = useSession()
  const { lang } = useLang()
  const channels = useChannels()
  const priceList = usePriceLists()
  const [summary, setSummary] = useState<{ checked: number; violating: number } | null>(null)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const load = useCallback(
    async (cursor: string | undefined) => {
      const page = await ok(
        api.GET('/api/v1/offer/coherence-report', {
          params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } },
        }),
      )
      setSummary({ checked: page.checked, violating: page.violating })
      return page
    },
    [api],
  )
  const pages = usePages<Finding>(load)

  async function apply(skus?: string[]) {
    if (!skus && summary && !window.confirm(t('confirmAll', { n: summary.violating }))) return
    setBusy(true)
    setError(null)
    setDone(null)
    try {
      const r = await ok(api.POST('/api/v1/offer/coherence-report/apply', { body: skus ? { skus } : {} }))
      setDone(
        [
          t('applied', { corrected: r.corrected, changed: r.prices_changed }),
          r.infeasible.length > 0 ? t('stillInfeasible', { n: r.infeasible.length }) : '',
        ].join(' '),
      )
      setSelected(new Set())
      await pages.reload()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Section
      title={t('coherence')}
      hideTitle
      actions={
        <div className="row tight">
          <button
            type="button"
            className="primary"
            disabled={busy || selected.size === 0}
            onClick={() => apply([...selected])}
          >
            {t('applySelected', { n: selected.size })}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy || !summary || summary.violating === 0}
            onClick={() => apply()}
          >
            {t('applyAll')}
          </button>
        </div>
      }
    >
      {summary && (
        <p data-testid="coherence-summary">
          {summary.violating === 0 ? t('allGood') : t('summary', summary)}
        </p>
      )}
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      <ErrorNote error={error ?? pages.error} />
      {pages.items.length > 0 && (
        <div className="table-scroll">
          <table data-testid="coherence">
            <thead>
              <tr>
                <th scope="col">
                  <span className="sr-only">{t('select', { name: '' })}</span>
                </th>
                <th scope="col">{t('product')}</th>
                <th scope="col">{t('channelPrices')}</th>
                <th scope="col">{t('broken')}</th>
                <th scope="col">{t('suggestion')}</th>
              </tr>
            </thead>
            <tbody>
              {pages.items.map((f) => (
                <tr key={f.sku}>
                  <td>
                    <input
                      type="checkbox"
                      className="pick"
                      aria-label={t('select', { name: `${f.product_name} (${f.sku})` })}
                      disabled={!f.suggestion.feasible}
                      checked={selected.has(f.sku)}
                      onChange={(e) => {
                        const next = new Set(selected)
                        if (e.target.checked) next.add(f.sku)
                        else next.delete(f.sku)
                        setSelected(next)
                      }}
                    />
                  </td>
                  <td>
                    {f.product_name}
                    <br />
                    <span className="muted small">
                      {f.sku} · {labelOf(category, categoryWords, f.category)}
                    </span>
                  </td>
                  <td>
                    {f.prices.map((p) => (
                      <div key={p.channel}>
                        {channels.name(p.channel)} : {euro(p.price_cents)}
                      </div>
                    ))}
                    {f.observed_store_prices.length > 0 && (
                      <div className="muted small" data-testid="observed-store-prices">
                        {t('observed')}
                        <ul className="plain-list">
                          {f.observed_store_prices.map((o) => (
                            <li key={o.store}>
                              {t('observedOf', {
                                store: o.store_name,
                                price: euro(o.price_cents),
                                recommended: o.recommended_cents === null ? '—' : euro(o.recommended_cents),
                              })}
                            </li>
                          ))}
                        </ul>
                      </div>
                    )}
                  </td>
                  <td>
                    <ul className="plain-list">
                      {f.violations.map((v, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: a finding's violations never reorder
                        <li key={i}>{describeViolation(v, lang, channels.name)}</li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {f.suggestion.feasible
                      ? // Only the prices that move: the lists left as they are go unsaid.
                        f.suggestion.prices
                          .filter((p) => p.to_cents !== p.from_cents)
                          .map((p) => (
                            <div key={p.price_list}>
                              {priceList(p.price_list)} : {euro(p.from_cents)} →{' '}
                              <strong>{euro(p.to_cents)}</strong>
                            </div>
                          ))
                      : t('infeasible')}
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
  )
}

function PriceChanges() {
  const t = useT(dict)
  const kinds = useT(dict)
  const { api } = useSession()
  const { lang } = useLang()
  const channels = useChannels()
  const priceList = usePriceLists()
  const listId = useId()
  const [sku, setSku] = useState(() => new URLSearchParams(location.search).get('sku') ?? '')
  const [shown, setShown] = useState<string | null>(null)
  const [prices, setPrices] = useState<PricesAt | null>(null)
  const [history, setHistory] = useState<Change[] | null>(null)
  const [list, setList] = useState('')
  const [amount, setAmount] = useState('')
  const [from, setFrom] = useState('')
  const [reason, setReason] = useState('')
  const [forceReason, setForceReason] = useState('')
  const [guard, setGuard] = useState<unknown[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(
    async (ref: string) => {
      setError(null)
      try {
        const [p, h] = await Promise.all([
          ok(api.GET('/api/v1/offer/prices/{sku}', { params: { path: { sku: ref } } })),
          ok(
            api.GET('/api/v1/offer/prices/{sku}/history', {
              params: { path: { sku: ref }, query: { limit: 50 } },
            }),
          ),
        ])
        setPrices(p)
        setHistory(h.data)
        setShown(ref)
        setList((old) =>
          p.prices.some((x) => x.price_list_id === old) ? old : (p.prices[0]?.price_list_id ?? ''),
        )
      } catch (err) {
        setError(err)
      }
    },
    [api],
  )
  useEffect(() => {
    const asked = new URLSearchParams(location.search).get('sku')
    if (asked) void load(asked)
  }, [load])

  async function change(e: FormEvent | null, force: boolean) {
    e?.preventDefault()
    if (!shown) return
    const cents = parseEuros(amount)
    if (cents === null) {
      setError(new Error(t('badAmount')))
      return
    }
    setBusy(true)
    setError(null)
    setDone(null)
    try {
      await ok(
        api.POST('/api/v1/offer/price-changes', {
          params: { header: { 'idempotency-key': crypto.randomUUID() } },
          body: {
            changes: [{ price_list: list, sku: shown, amount_cents: cents }],
            ...(from ? { valid_from: new Date(from).toISOString() } : {}),
            ...(reason.trim() ? { reason: reason.trim() } : {}),
            ...(force ? { force: { reason: forceReason.trim() } } : {}),
          },
        }),
      )
      setGuard(null)
      setForceReason('')
      setDone(t('changed', { amount: euro(cents) }))
      await load(shown)
    } catch (err) {
      if (err instanceof ApiError && err.code === 'price_incoherent') {
        setGuard(((err.details as { violations?: unknown[] } | undefined)?.violations ?? []) as unknown[])
      } else setError(err)
    } finally {
      setBusy(false)
    }
  }

  const kindOf = (c: Change) =>
    c.kind === 'manual' || c.kind === 'forced' || c.kind === 'coherence_correction' ? kinds(c.kind) : c.kind

  return (
    <>
      <Section title={t('prices')} hideTitle>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            setGuard(null)
            setDone(null)
            void load(sku.trim())
          }}
        >
          <Field
            label={t('sku')}
            hint={t('skuHint')}
            value={sku}
            required
            onChange={(e) => setSku(e.target.value)}
          />
          <button type="submit" className="secondary">
            {t('show')}
          </button>
        </form>
      </Section>
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      <ErrorNote error={error} />
      {prices && shown && (
        <div className="split">
          <Section title={t('inForce')}>
            <table data-testid="prices-in-force">
              <thead>
                <tr>
                  <th scope="col">{t('list')}</th>
                  <th scope="col">{t('channels')}</th>
                  <th scope="col" className="num">
                    {t('price')}
                  </th>
                  <th scope="col">{t('since')}</th>
                </tr>
              </thead>
              <tbody>
                {prices.prices.map((p) => (
                  <tr key={p.price_list_id}>
                    <td>{priceList(p.price_list_id)}</td>
                    <td>{p.channels.map(channels.name).join(', ')}</td>
                    <td className="num">{euro(p.amount_cents)}</td>
                    <td>{p.since ? dateTime(p.since, lang) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          <Section title={t('newChange')}>
            <form onSubmit={(e) => change(e, false)}>
              <div className="field">
                <label htmlFor={listId}>{t('list')}</label>
                <select id={listId} value={list} onChange={(e) => setList(e.target.value)}>
                  {prices.prices.map((p) => (
                    <option key={p.price_list_id} value={p.price_list_id}>
                      {priceList(p.price_list_id)}
                    </option>
                  ))}
                </select>
              </div>
              <Field
                label={t('newPrice')}
                inputMode="decimal"
                className="money"
                value={amount}
                required
                onChange={(e) => setAmount(e.target.value)}
              />
              <Field
                label={t('from')}
                hint={t('fromHint')}
                type="datetime-local"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
              />
              <Field
                label={t('reason')}
                value={reason}
                maxLength={500}
                onChange={(e) => setReason(e.target.value)}
              />
              <button type="submit" className="primary" disabled={busy || !list}>
                {t('doChange')}
              </button>
            </form>
            {guard && (
              <div role="alert" className="guard" data-testid="guard">
                <p className="error">{t('guard')}</p>
                <ul>
                  {guard.map((v, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the refusal's list, shown as given
                    <li key={i}>{describeViolation(v, lang, channels.name)}</li>
                  ))}
                </ul>
                <form onSubmit={(e) => change(e, true)}>
                  <Field
                    label={t('force')}
                    hint={t('forceHint')}
                    value={forceReason}
                    required
                    minLength={3}
                    maxLength={500}
                    onChange={(e) => setForceReason(e.target.value)}
                  />
                  <button type="submit" className="secondary danger" disabled={busy}>
                    {t('doForce')}
                  </button>
                </form>
              </div>
            )}
          </Section>
        </div>
      )}
      {history && shown && (
        <Section title={t('history')}>
          {history.length === 0 && <Empty />}
          {history.length > 0 && (
            <div className="table-scroll">
              <table data-testid="price-history">
                <thead>
                  <tr>
                    <th scope="col">{t('when')}</th>
                    <th scope="col">{t('list')}</th>
                    <th scope="col">{t('change')}</th>
                    <th scope="col">{t('kind')}</th>
                    <th scope="col">{t('reason')}</th>
                    <th scope="col">{t('by')}</th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((c) => (
                    <tr key={c.id}>
                      <td>
                        {dateTime(c.valid_from, lang)}
                        {c.applied_at ? '' : ` (${t('scheduled')})`}
                      </td>
                      <td>{priceList(c.price_list_id)}</td>
                      <td>
                        {c.old_cents === null ? '—' : euro(c.old_cents)} → {euro(c.new_cents)}
                      </td>
                      <td>{kindOf(c)}</td>
                      {/* A correction's reason is the server's own (its kind says it); people's reasons are data. */}
                      <td>{c.kind === 'coherence_correction' ? '' : (c.reason ?? '')}</td>
                      <td data-name>{c.actor}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      )}
    </>
  )
}

function Promotions() {
  const t = useT(dict)
  const category = useT(categoryWords)
  const { api } = useSession()
  const { lang } = useLang()
  const channels = useChannels()
  const liveId = useId()
  const [live, setLive] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const load = useCallback(
    (cursor: string | undefined) =>
      ok(
        api.GET('/api/v1/promotions', {
          params: { query: { limit: 25, ...(live ? { live: true } : {}), ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [api, live],
  )
  const pages = usePages<Promotion>(load)

  async function toggle(p: Promotion) {
    setError(null)
    try {
      await ok(
        api.PATCH('/api/v1/promotions/{ref}', {
          params: { path: { ref: p.id } },
          body: { active: !p.active },
        }),
      )
      await pages.reload()
    } catch (err) {
      setError(err)
    }
  }

  const benefit = (p: Promotion) => {
    switch (p.kind) {
      case 'percentage':
        return t('percentage', { n: ((p.percent_bp ?? 0) / 100).toLocaleString('fr-FR') })
      case 'amount_off':
        return t('amount_off', { amount: euro(p.amount_cents ?? 0) })
      case 'fixed_price':
        return t('fixed_price', { amount: euro(p.fixed_price_cents ?? 0) })
      case 'buy_x_get_y':
        return t('buy_x_get_y', { buy: p.buy ?? 0, get: p.get ?? 0 })
      case 'nth_item':
        return t('nth_item', { n: p.nth ?? 0 })
      case 'basket_threshold':
        return t('basket_threshold', {
          amount: euro(p.amount_cents ?? 0),
          threshold: euro(p.threshold_cents ?? 0),
        })
      default:
        return p.kind
    }
  }
  const target = (p: Promotion) =>
    p.target.kind === 'basket'
      ? t('basket')
      : p.target.kind === 'products'
        ? t('products', { n: p.target.products.length })
        : p.target.categories.map((c) => labelOf(category, categoryWords, c)).join(', ')

  return (
    <Section title={t('promotions')} hideTitle>
      <label htmlFor={liveId} className="choice-inline">
        <input id={liveId} type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} />{' '}
        {t('liveOnly')}
      </label>
      <ErrorNote error={error ?? pages.error} />
      {!pages.loading && pages.items.length === 0 && <Empty />}
      {pages.items.length > 0 && (
        <div className="table-scroll">
          <table data-testid="promotions">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('what')}</th>
                <th scope="col">{t('period')}</th>
                <th scope="col">{t('channels')}</th>
                <th scope="col" className="num">
                  {t('used')}
                </th>
                <th scope="col">{t('state')}</th>
              </tr>
            </thead>
            <tbody>
              {pages.items.map((p) => (
                <tr key={p.id}>
                  <td>
                    {p.name}
                    {p.voucher_code && (
                      <div className="muted small">{t('voucher', { code: p.voucher_code })}</div>
                    )}
                  </td>
                  <td>
                    {benefit(p)} — {target(p)}
                  </td>
                  <td>
                    {p.starts_at || p.ends_at
                      ? `${p.starts_at ? day(p.starts_at, lang) : '…'} → ${p.ends_at ? day(p.ends_at, lang) : '…'}`
                      : t('always')}
                  </td>
                  <td>{p.channels ? p.channels.map(channels.name).join(', ') : t('everywhere')}</td>
                  <td className="num">{p.used_count}</td>
                  <td>
                    {p.active ? t('running') : t('stopped')}{' '}
                    <button
                      type="button"
                      className="link"
                      aria-label={t(p.active ? 'stop' : 'restart', { name: p.name })}
                      onClick={() => toggle(p)}
                    >
                      {t(p.active ? 'stop' : 'restart', { name: '' }).trim()}
                    </button>
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
  )
}

function Clusters() {
  const t = useT(dict)
  const cluster = useT(clusterWords)
  const category = useT(categoryWords)
  const { api } = useSession()
  const channels = useChannels()
  const priceList = usePriceLists()
  const [stores, setStores] = useState<Location[] | null>(null)
  const [rules, setRules] = useState<ListingRule[] | null>(null)
  const [lists, setLists] = useState<ClusterList[] | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    Promise.all([
      ok(api.GET('/api/v1/locations', { params: { query: { kind: 'store', limit: 200 } } })),
      ok(api.GET('/api/v1/offer/cluster-listings', {})),
      ok(api.GET('/api/v1/offer/cluster-price-lists', {})),
    ]).then(([s, r, l]) => {
      setStores(s.data)
      setRules(r.data)
      setLists(l.data)
    }, setError)
  }, [api])

  const groups = useMemo(() => {
    const by = new Map<string, Location[]>()
    for (const s of stores ?? []) {
      const c = (s as Location & { cluster?: string | null }).cluster ?? ''
      by.set(c, [...(by.get(c) ?? []), s])
    }
    return [...by.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
  }, [stores])
  const name = (c: string) => (c === '' ? t('noCluster') : labelOf(cluster, clusterWords, c))

  if (error) return <ErrorNote error={error} />
  if (!stores || !rules || !lists) return <Loading />
  return (
    <div className="clusters" data-testid="clusters">
      {groups.map(([c, members]) => {
        const own = rules.filter((r) => r.cluster === c)
        const priced = lists.filter((l) => l.cluster === c)
        return (
          <Section key={c || '-'} title={`${name(c)} (${members.length})`}>
            <p>
              <strong>{t('stores')} :</strong> {members.map((m) => m.name).join(', ')}
            </p>
            {c !== '' && (
              <>
                <h3>{t('rules')}</h3>
                {own.length === 0 ? (
                  <p className="muted">{t('noRules')}</p>
                ) : (
                  <ul>
                    {own.map((r) => (
                      <li key={`${r.category ?? ''}-${r.product_id ?? ''}`}>
                        {r.category ? labelOf(category, categoryWords, r.category) : r.product_code} :{' '}
                        {r.listed ? t('carried') : t('notCarried')}
                        {r.reason ? ` — ${r.reason}` : ''}
                      </li>
                    ))}
                  </ul>
                )}
                {priced.length > 0 && (
                  <>
                    <h3>{t('ownLists')}</h3>
                    <ul>
                      {priced.map((l) => (
                        <li key={l.channel_id}>
                          {channels.name(l.channel)} : {priceList(l.price_list_id)}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            )}
          </Section>
        )
      })}
    </div>
  )
}
