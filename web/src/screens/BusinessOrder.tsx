import { type FormEvent, useEffect, useRef, useState } from 'react'
import { type GetResult, ok, type Variant } from '../api/client'
import { euro, percent } from '../format'
import { type Dictionary, useT } from '../i18n'
import { useSession } from '../session'
import { ErrorNote, Field, Loading, Section } from '../ui'

type AccountSummary = GetResult<'/api/v1/business/accounts'>['data'][number]
type Account = GetResult<'/api/v1/business/accounts/{id}'>
type PriceList = GetResult<'/api/v1/business/price-lists/{ref}'>
type Placed = {
  order_number: string
  total_cents: number
  total_excl_cents: number
  payment_terms: string
  open_cents: number
}

const dict: Dictionary<
  | 'title'
  | 'search'
  | 'searchHint'
  | 'find'
  | 'noAccount'
  | 'choose'
  | 'chooseOf'
  | 'account'
  | 'change'
  | 'identifiers'
  | 'vat'
  | 'address'
  | 'terms'
  | 'limit'
  | 'noLimit'
  | 'open'
  | 'available'
  | 'buyer'
  | 'noBuyer'
  | 'poRef'
  | 'items'
  | 'noPriceList'
  | 'item'
  | 'prices'
  | 'from'
  | 'vatRate'
  | 'qty'
  | 'qtyOf'
  | 'estimate'
  | 'estimateHint'
  | 'deliverTo'
  | 'place'
  | 'placing'
  | 'nothing'
  | 'placed'
  | 'placedTerms'
> = {
  fr: {
    title: 'Commande entreprise',
    search: 'Compte entreprise (nom, SIREN ou SIRET)',
    searchHint: 'Par exemple « Hôtel du Parc » ou 443061841.',
    find: 'Rechercher',
    noAccount: 'Aucun compte entreprise ne correspond.',
    choose: 'Choisir',
    chooseOf: 'Choisir le compte {name}',
    account: 'Compte',
    change: 'Changer de compte',
    identifiers: 'SIREN / SIRET',
    vat: 'N° de TVA intracommunautaire',
    address: 'Adresse de facturation',
    terms: 'Conditions de paiement',
    limit: 'Encours autorisé',
    noLimit: 'Sans plafond',
    open: 'Déjà dû (commandé, non payé)',
    available: 'Encore disponible',
    buyer: 'Acheteur',
    noBuyer: 'Ce compte n’a aucun acheteur : le siège doit en rattacher un avant toute commande.',
    poRef: 'N° de bon de commande du client (facultatif)',
    items: 'Articles au tarif professionnel',
    noPriceList:
      'Ce compte n’a pas de tarif professionnel : le siège doit lui en attribuer un avant une commande ici.',
    item: 'Article',
    prices: 'Prix unitaire HT',
    from: '{price} HT dès {n}',
    vatRate: 'TVA',
    qty: 'Quantité',
    qtyOf: 'Quantité — {name}',
    estimate: 'Total estimé : {excl} HT',
    estimateHint: 'Le montant TTC et l’encours sont vérifiés par le serveur à l’enregistrement.',
    deliverTo: 'Livraison à l’adresse du compte : {address}',
    place: 'Passer la commande',
    placing: 'Enregistrement…',
    nothing: 'Saisissez la quantité d’au moins un article.',
    placed: 'Commande n° {n} enregistrée : {total} TTC ({excl} HT).',
    placedTerms: 'Payable à {terms}. Le compte doit désormais {open}.',
  },
  en: {
    title: 'Business order',
    search: 'Business account (name, SIREN or SIRET)',
    searchHint: 'For instance “Hôtel du Parc” or 443061841.',
    find: 'Find',
    noAccount: 'No business account matches.',
    choose: 'Choose',
    chooseOf: 'Choose the account {name}',
    account: 'Account',
    change: 'Change account',
    identifiers: 'SIREN / SIRET',
    vat: 'Intra-EU VAT number',
    address: 'Billing address',
    terms: 'Payment terms',
    limit: 'Credit limit',
    noLimit: 'No limit',
    open: 'Already owed (ordered, unpaid)',
    available: 'Still available',
    buyer: 'Buyer',
    noBuyer: 'This account has no buyer: head office must attach one before any order.',
    poRef: 'Customer’s purchase order number (optional)',
    items: 'Items at the business price list',
    noPriceList:
      'This account has no business price list: head office must give it one before an order here.',
    item: 'Item',
    prices: 'Unit price excl. VAT',
    from: '{price} excl. VAT from {n}',
    vatRate: 'VAT',
    qty: 'Quantity',
    qtyOf: 'Quantity — {name}',
    estimate: 'Estimated total: {excl} excl. VAT',
    estimateHint:
      'The amount incl. VAT and the credit limit are checked by the server when the order is placed.',
    deliverTo: 'Delivered to the account’s address: {address}',
    place: 'Place the order',
    placing: 'Placing…',
    nothing: 'Type the quantity of at least one item.',
    placed: 'Order no. {n} placed: {total} incl. VAT ({excl} excl. VAT).',
    placedTerms: 'Payable at {terms}. The account now owes {open}.',
  },
}

/** The unit price excluding VAT for a quantity: the highest break it reaches. */
function unitPrice(breaks: PriceList['prices'], quantity: number): number | null {
  const reached = breaks
    .filter((b) => b.min_quantity <= quantity)
    .sort((a, b) => b.min_quantity - a.min_quantity)
  return reached[0]?.unit_price_excl_cents ?? null
}

/**
 * The call centre takes a business customer's order: the account found by name or SIREN, its buyer,
 * its B2B prices excluding VAT, its payment terms and what it may still owe under its credit limit.
 */
export function BusinessOrder() {
  const t = useT(dict)
  const { api, channel } = useSession()
  const [q, setQ] = useState('')
  const [found, setFound] = useState<AccountSummary[] | null>(null)
  const [account, setAccount] = useState<Account | null>(null)
  const [buyers, setBuyers] = useState<Array<{ id: string; name: string }>>([])
  const [buyer, setBuyer] = useState('')
  const [list, setList] = useState<PriceList | null>(null)
  const [items, setItems] = useState<Map<string, Variant>>(new Map())
  const [quantities, setQuantities] = useState<Record<string, string>>({})
  const [poRef, setPoRef] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [placed, setPlaced] = useState<Placed | null>(null)
  // One key per order as typed: a retry of the same order never places it twice.
  const attempt = useRef<{ body: string; key: string } | null>(null)

  async function search(e: FormEvent) {
    e.preventDefault()
    if (!q.trim()) return
    setError(null)
    try {
      const page = await ok(
        api.GET('/api/v1/business/accounts', { params: { query: { q: q.trim(), limit: 20 } } }),
      )
      setFound(page.data)
    } catch (err) {
      setError(err)
    }
  }

  async function choose(id: string) {
    setError(null)
    setPlaced(null)
    setQuantities({})
    try {
      const a = await ok(api.GET('/api/v1/business/accounts/{id}', { params: { path: { id } } }))
      setAccount(a)
      setFound(null)
      const people = await Promise.all(
        a.buyers.map((b) =>
          ok(api.GET('/api/v1/customers/{id}', { params: { path: { id: b.customer_id } } })).then((c) => ({
            id: c.id,
            name: `${c.first_name} ${c.last_name}`,
          })),
        ),
      )
      setBuyers(people)
      setBuyer(people[0]?.id ?? '')
    } catch (err) {
      setError(err)
    }
  }

  // The account's price list, and the articles it prices (their names, VAT rates).
  useEffect(() => {
    setList(null)
    setItems(new Map())
    const ref = account?.price_list_id
    if (!ref) return
    let stale = false
    ok(api.GET('/api/v1/business/price-lists/{ref}', { params: { path: { ref } } }))
      .then(async (l) => {
        if (stale) return
        setList(l)
        const skus = [...new Set(l.prices.map((p) => p.sku))].slice(0, 50)
        const variants = await Promise.all(
          skus.map((sku) =>
            ok(api.GET('/api/v1/variants', { params: { query: { sku } } })).catch(() => null),
          ),
        )
        if (!stale) setItems(new Map(variants.filter((v) => v !== null).map((v) => [v.sku, v])))
      })
      .catch((err) => {
        if (!stale) setError(err)
      })
    return () => {
      stale = true
    }
  }, [api, account?.price_list_id])

  const skus = list ? [...new Set(list.prices.map((p) => p.sku))].filter((s) => items.has(s)) : []
  const lines = skus
    .map((sku) => ({ sku, quantity: Number.parseInt(quantities[sku] ?? '', 10) }))
    .filter((l) => Number.isInteger(l.quantity) && l.quantity > 0)
  const estimate = lines.reduce((sum, l) => {
    const unit = unitPrice(list?.prices.filter((p) => p.sku === l.sku) ?? [], l.quantity)
    return sum + (unit ?? 0) * l.quantity
  }, 0)

  async function place(e: FormEvent) {
    e.preventDefault()
    if (!account || !channel) return
    if (lines.length === 0) {
      setError(new Error(t('nothing')))
      return
    }
    const body = {
      buyer_customer_id: buyer,
      channel: channel.code,
      ...(poRef.trim() ? { purchase_order_ref: poRef.trim() } : {}),
      lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity, fulfilment: 'delivery' as const })),
      delivery_address: {
        name: account.legal_name,
        line1: account.address_line1,
        postcode: account.postcode,
        city: account.city,
        country: account.country,
      },
    }
    const text = JSON.stringify(body)
    if (attempt.current?.body !== text) attempt.current = { body: text, key: crypto.randomUUID() }
    setBusy(true)
    setError(null)
    setPlaced(null)
    try {
      const order = await ok(
        api.POST('/api/v1/business/accounts/{id}/orders', {
          params: { path: { id: account.id }, header: { 'idempotency-key': attempt.current.key } },
          body,
        }),
      )
      attempt.current = null
      setPlaced(order)
      setQuantities({})
      setPoRef('')
      // The account's open amount has moved: read it again.
      setAccount(
        await ok(api.GET('/api/v1/business/accounts/{id}', { params: { path: { id: account.id } } })),
      )
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="business-order">
      <h1>{t('title')}</h1>
      {!account && (
        <Section title={t('account')} hideTitle>
          <form onSubmit={search} className="inline-form">
            <Field
              label={t('search')}
              hint={t('searchHint')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
            <button type="submit" className="primary">
              {t('find')}
            </button>
          </form>
          {found && found.length === 0 && <p className="muted">{t('noAccount')}</p>}
          {found && found.length > 0 && (
            <ul className="list" data-testid="business-accounts">
              {found.map((a) => (
                <li key={a.id} className="row">
                  <span>
                    <strong>{a.legal_name}</strong>
                    <span className="muted">
                      {' '}
                      — {a.siret ?? a.siren ?? ''} · {a.city}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('chooseOf', { name: a.legal_name })}
                    onClick={() => void choose(a.id)}
                  >
                    {t('choose')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}
      {!account && <ErrorNote error={error} />}
      {account && (
        <Section
          title={account.legal_name}
          actions={
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setAccount(null)
                setPlaced(null)
                setError(null)
              }}
            >
              {t('change')}
            </button>
          }
        >
          <dl className="facts" data-testid="business-account">
            <dt>{t('identifiers')}</dt>
            <dd>{[account.siren, account.siret].filter(Boolean).join(' / ') || '—'}</dd>
            <dt>{t('vat')}</dt>
            <dd>{account.vat_number ?? '—'}</dd>
            <dt>{t('address')}</dt>
            <dd>
              {account.address_line1}, {account.postcode} {account.city}
            </dd>
            <dt>{t('terms')}</dt>
            <dd data-testid="payment-terms">{account.payment_terms}</dd>
            <dt>{t('limit')}</dt>
            <dd data-testid="credit-limit">
              {account.credit_limit_cents === null ? t('noLimit') : euro(account.credit_limit_cents)}
            </dd>
            <dt>{t('open')}</dt>
            <dd data-testid="open-amount">{euro(account.open_cents)}</dd>
            {account.credit_available_cents !== null && (
              <>
                <dt>{t('available')}</dt>
                <dd data-testid="credit-available">{euro(account.credit_available_cents)}</dd>
              </>
            )}
          </dl>
        </Section>
      )}
      {account && (buyers.length === 0 || !account.price_list_id) && <ErrorNote error={error} />}
      {account && buyers.length === 0 && <p>{t('noBuyer')}</p>}
      {account && !account.price_list_id && <p>{t('noPriceList')}</p>}
      {account?.price_list_id && buyers.length > 0 && (
        <form onSubmit={place}>
          <Section title={t('items')}>
            {!list && <Loading />}
            {list && (
              <div className="scroll">
                <table data-testid="business-prices">
                  <thead>
                    <tr>
                      <th scope="col">{t('item')}</th>
                      <th scope="col">{t('prices')}</th>
                      <th scope="col" className="num">
                        {t('vatRate')}
                      </th>
                      <th scope="col">{t('qty')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {skus.map((sku) => {
                      const v = items.get(sku)!
                      const name = `${v.product_name} — ${v.name}`
                      return (
                        <tr key={sku}>
                          <td>
                            {name}
                            <br />
                            <small className="muted">{sku}</small>
                          </td>
                          <td>
                            {list.prices
                              .filter((p) => p.sku === sku)
                              .map((p) => (
                                <div key={p.min_quantity} className="nowrap">
                                  {t('from', { price: euro(p.unit_price_excl_cents), n: p.min_quantity })}
                                </div>
                              ))}
                          </td>
                          <td className="num nowrap">{percent(v.vat_rate)}</td>
                          <td>
                            <input
                              className="qty"
                              inputMode="numeric"
                              pattern="[0-9]*"
                              aria-label={t('qtyOf', { name })}
                              value={quantities[sku] ?? ''}
                              onChange={(e) => setQuantities({ ...quantities, [sku]: e.target.value })}
                            />
                          </td>
                        </tr>
                      )
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </Section>
          <div className="row">
            <div className="field">
              <label htmlFor="buyer">{t('buyer')}</label>
              <select id="buyer" value={buyer} onChange={(e) => setBuyer(e.target.value)}>
                {buyers.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </div>
            <Field
              label={t('poRef')}
              value={poRef}
              maxLength={100}
              onChange={(e) => setPoRef(e.target.value)}
            />
          </div>
          <p>
            {t('deliverTo', { address: `${account.address_line1}, ${account.postcode} ${account.city}` })}
          </p>
          <p data-testid="business-estimate">
            <strong>{t('estimate', { excl: euro(estimate) })}</strong>
            <br />
            <small className="muted">{t('estimateHint')}</small>
          </p>
          {/* Where the agent's eyes are after placing: the refusal or the order's number. */}
          <ErrorNote error={error} />
          {placed && (
            <div role="status" className="notice" data-testid="business-order-placed">
              <p>
                {t('placed', {
                  n: placed.order_number,
                  total: euro(placed.total_cents),
                  excl: euro(placed.total_excl_cents),
                })}
              </p>
              <p>{t('placedTerms', { terms: placed.payment_terms, open: euro(placed.open_cents) })}</p>
            </div>
          )}
          <button type="submit" className="primary big" disabled={busy || !channel}>
            {busy ? t('placing') : t('place')}
          </button>
        </form>
      )}
    </div>
  )
}
