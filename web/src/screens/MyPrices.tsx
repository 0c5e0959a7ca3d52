import { type FormEvent, useCallback, useEffect, useId, useMemo, useState } from 'react'
import { type GetResult, ok } from '../api/client'
import { centsInput, euro, parseEuros } from '../format'
import { type Dictionary, useT } from '../i18n'
import { useSession } from '../session'
import { Empty, ErrorNote, Field, Loading, MoreButton, Section, usePages } from '../ui'

type Franchisee = GetResult<'/api/v1/franchisees/{id}'>
type StorePrice = GetResult<'/api/v1/franchisees/{id}/stores/{location_id}/prices'>['data'][number]

const dict: Dictionary<
  | 'title'
  | 'intro'
  | 'store'
  | 'search'
  | 'searchHint'
  | 'ownOnly'
  | 'prices'
  | 'article'
  | 'recommended'
  | 'maximum'
  | 'mine'
  | 'noMaximum'
  | 'atRecommended'
  | 'edit'
  | 'editOf'
  | 'newPrice'
  | 'newPriceHint'
  | 'noMaximumHint'
  | 'maxHint'
  | 'save'
  | 'cancel'
  | 'reset'
  | 'notAnAmount'
  | 'aboveMaximum'
  | 'saved'
  | 'resetDone'
  | 'below'
  | 'above'
  | 'notBound'
> = {
  fr: {
    title: 'Mes prix',
    intro:
      'L’enseigne vous recommande ses prix et peut fixer un prix maximum : vos prix de vente sont les vôtres. Ils s’appliquent à la caisse du magasin et aux commandes retirées chez vous.',
    store: 'Magasin',
    search: 'Rechercher un article',
    searchHint: 'Référence ou nom de l’article',
    ownOnly: 'Seulement les articles dont j’ai fixé le prix',
    prices: 'Prix des articles',
    article: 'Article',
    recommended: 'Prix recommandé',
    maximum: 'Prix maximum',
    mine: 'Mon prix',
    noMaximum: 'aucun',
    atRecommended: 'prix recommandé',
    edit: 'Modifier',
    editOf: 'Modifier le prix de {name}',
    newPrice: 'Mon prix de vente (€)',
    newPriceHint: 'Recommandé : {recommended}',
    noMaximumHint: 'pas de maximum',
    maxHint: 'maximum : {max}',
    save: 'Enregistrer',
    cancel: 'Annuler',
    reset: 'Revenir au prix recommandé',
    notAnAmount: 'Saisissez un montant en euros, par exemple 17,90.',
    aboveMaximum: 'Ce prix dépasse le maximum fixé par l’enseigne ({max}).',
    saved: 'Prix de {name} enregistré : {price}.',
    resetDone: '{name} est de nouveau vendu au prix recommandé ({price}).',
    below: 'sous la recommandation',
    above: 'au-dessus de la recommandation',
    notBound: 'Cette clé n’est rattachée à aucun franchisé.',
  },
  en: {
    title: 'My prices',
    intro:
      'The brand recommends its prices and may set a maximum price: your selling prices are yours. They apply at the store’s till and to orders collected at your store.',
    store: 'Store',
    search: 'Search for an article',
    searchHint: 'Reference or name of the article',
    ownOnly: 'Only the articles I have priced',
    prices: 'Article prices',
    article: 'Article',
    recommended: 'Recommended price',
    maximum: 'Maximum price',
    mine: 'My price',
    noMaximum: 'none',
    atRecommended: 'recommended price',
    edit: 'Edit',
    editOf: 'Edit the price of {name}',
    newPrice: 'My selling price (€)',
    newPriceHint: 'Recommended: {recommended}',
    noMaximumHint: 'no maximum',
    maxHint: 'maximum: {max}',
    save: 'Save',
    cancel: 'Cancel',
    reset: 'Back to the recommended price',
    notAnAmount: 'Type an amount in euros, for example 17.90.',
    aboveMaximum: 'This price is above the maximum set by the brand ({max}).',
    saved: 'Price of {name} saved: {price}.',
    resetDone: '{name} sells at the recommended price again ({price}).',
    below: 'below the recommendation',
    above: 'above the recommendation',
    notBound: 'This key is bound to no franchisee.',
  },
}

const nameOf = (p: StorePrice) =>
  p.variant_name && p.variant_name !== p.product_name
    ? `${p.product_name} — ${p.variant_name}`
    : p.product_name

/** The franchisee's prices: per store and article, the brand's recommendation and maximum beside its own. */
export function MyPrices() {
  const t = useT(dict)
  const { api, me } = useSession()
  const id = me.franchisee_id
  const storeFieldId = useId()
  const ownOnlyId = useId()
  const [franchisee, setFranchisee] = useState<Franchisee | null>(null)
  const [store, setStore] = useState<string>('')
  const [search, setSearch] = useState('')
  const [query, setQuery] = useState('')
  const [ownOnly, setOwnOnly] = useState(false)
  const [editing, setEditing] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    if (!id) return
    ok(api.GET('/api/v1/franchisees/{id}', { params: { path: { id } } })).then((f) => {
      setFranchisee(f)
      setStore((s) => s || (f.stores[0]?.location_id ?? ''))
    }, setError)
  }, [api, id])

  // The search waits for the typing to pause before asking the server.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 300)
    return () => clearTimeout(timer)
  }, [search])

  // Nothing is asked before the franchisee's store is known (else a request for the prices of no store).
  const loadPrices = useCallback(
    (franchiseeId: string, locationId: string) => (cursor: string | undefined) =>
      ok(
        api.GET('/api/v1/franchisees/{id}/stores/{location_id}/prices', {
          params: {
            path: { id: franchiseeId, location_id: locationId },
            query: {
              limit: 25,
              ...(cursor ? { cursor } : {}),
              ...(query ? { q: query } : {}),
              ...(ownOnly ? { own: true } : {}),
            },
          },
        }),
      ),
    [api, query, ownOnly],
  )
  const pages = usePages<StorePrice>(
    useMemo(() => (id && store ? loadPrices(id, store) : null), [loadPrices, id, store]),
  )

  if (!id) return <p>{t('notBound')}</p>
  if (!franchisee && !error) return <Loading />
  return (
    <div className="my-prices">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <ErrorNote error={error} />
      <div className="row">
        {(franchisee?.stores.length ?? 0) > 1 && (
          <div className="field">
            <label htmlFor={storeFieldId}>{t('store')}</label>
            <select id={storeFieldId} value={store} onChange={(e) => setStore(e.target.value)}>
              {franchisee?.stores.map((s) => (
                <option key={s.location_id} value={s.location_id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <Field
          label={t('search')}
          hint={t('searchHint')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label htmlFor={ownOnlyId} className="radio">
          <input
            id={ownOnlyId}
            type="checkbox"
            checked={ownOnly}
            onChange={(e) => setOwnOnly(e.target.checked)}
          />
          {t('ownOnly')}
        </label>
      </div>
      {done && (
        <p role="status" className="notice" data-testid="price-saved">
          {done}
        </p>
      )}
      <Section title={t('prices')} hideTitle>
        <ErrorNote error={pages.error} />
        {!pages.loading && pages.items.length === 0 && <Empty />}
        {pages.items.length > 0 && (
          <div className="scroll">
            <table data-testid="my-prices">
              <thead>
                <tr>
                  <th scope="col">{t('article')}</th>
                  <th scope="col" className="num">
                    {t('recommended')}
                  </th>
                  <th scope="col" className="num">
                    {t('maximum')}
                  </th>
                  <th scope="col" className="num">
                    {t('mine')}
                  </th>
                  <th scope="col">
                    <span className="sr-only">{t('edit')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {pages.items.map((p) =>
                  editing === p.sku ? (
                    <tr key={p.sku}>
                      <td colSpan={5}>
                        <PriceForm
                          price={p}
                          store={store}
                          onDone={(message) => {
                            setEditing(null)
                            setDone(message)
                            void pages.reload()
                          }}
                          onCancel={() => setEditing(null)}
                        />
                      </td>
                    </tr>
                  ) : (
                    <tr key={p.sku} data-sku={p.sku}>
                      <td>
                        {nameOf(p)}
                        <br />
                        <small className="muted">{p.sku}</small>
                      </td>
                      <td className="num">{euro(p.recommended_cents)}</td>
                      <td className="num">{p.max_cents === null ? t('noMaximum') : euro(p.max_cents)}</td>
                      <td className="num">
                        {p.own_cents === null ? (
                          <span className="muted">{t('atRecommended')}</span>
                        ) : (
                          <>
                            <strong>{euro(p.own_cents)}</strong>
                            {p.own_cents !== p.recommended_cents && (
                              <>
                                <br />
                                <small className="muted">
                                  {p.own_cents < p.recommended_cents ? t('below') : t('above')}
                                </small>
                              </>
                            )}
                          </>
                        )}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="secondary"
                          aria-label={t('editOf', { name: nameOf(p) })}
                          onClick={() => {
                            setDone(null)
                            setEditing(p.sku)
                          }}
                        >
                          {t('edit')}
                        </button>
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        )}
        <MoreButton pages={pages} />
      </Section>
    </div>
  )
}

/** One article's price being edited: saved, refused above the maximum, or reset to the recommendation. */
function PriceForm({
  price,
  store,
  onDone,
  onCancel,
}: {
  price: StorePrice
  store: string
  onDone: (message: string) => void
  onCancel: () => void
}) {
  const t = useT(dict)
  const { api, me } = useSession()
  const [text, setText] = useState(centsInput(price.own_cents ?? price.recommended_cents))
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const path = { id: me.franchisee_id ?? '', location_id: store, sku: price.sku }
  const name = nameOf(price)

  async function save(e: FormEvent) {
    e.preventDefault()
    setError(null)
    const cents = parseEuros(text)
    if (cents === null || cents <= 0) return setProblem(t('notAnAmount'))
    if (price.max_cents !== null && cents > price.max_cents)
      return setProblem(t('aboveMaximum', { max: euro(price.max_cents) }))
    setProblem(null)
    setBusy(true)
    try {
      const saved = await ok(
        api.PUT('/api/v1/franchisees/{id}/stores/{location_id}/prices/{sku}', {
          params: { path },
          body: { amount_cents: cents },
        }),
      )
      onDone(t('saved', { name, price: euro(saved.price_cents) }))
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  async function reset() {
    setError(null)
    setBusy(true)
    try {
      const saved = await ok(
        api.DELETE('/api/v1/franchisees/{id}/stores/{location_id}/prices/{sku}', { params: { path } }),
      )
      onDone(t('resetDone', { name, price: euro(saved.price_cents) }))
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const hint = `${t('newPriceHint', { recommended: euro(price.recommended_cents) })} · ${
    price.max_cents === null ? t('noMaximumHint') : t('maxHint', { max: euro(price.max_cents) })
  }`
  return (
    <form className="inline-form" onSubmit={save} aria-label={t('editOf', { name })}>
      <Field
        label={`${t('newPrice')} — ${name}`}
        hint={hint}
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={problem ? true : undefined}
        autoFocus
      />
      <button type="submit" className="primary" disabled={busy}>
        {t('save')}
      </button>
      <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
        {t('cancel')}
      </button>
      {price.own_cents !== null && (
        <button type="button" className="secondary" onClick={() => void reset()} disabled={busy}>
          {t('reset')}
        </button>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <ErrorNote error={error} />
    </form>
  )
}
