import { type FormEvent, useCallback, useState } from 'react'
import { ok, type Product } from '../api/client'
import { useChannels } from '../channels'
import { euro, percent } from '../format'
import { type Dictionary, useT } from '../i18n'
import { categoryWords, labelOf } from '../labels'
import { navigate } from '../router'
import { useSession } from '../session'
import { Empty, ErrorNote, Field, Loading, MoreButton, Section, usePages } from '../ui'

const dict: Dictionary<
  | 'title'
  | 'search'
  | 'find'
  | 'product'
  | 'category'
  | 'vat'
  | 'variants'
  | 'stock'
  | 'stockOf'
  | 'count'
  | 'priceList'
> = {
  fr: {
    title: 'Catalogue',
    search: 'Nom, marque ou référence',
    find: 'Rechercher',
    product: 'Produit',
    category: 'Rayon',
    vat: 'TVA',
    variants: 'Déclinaisons et prix TTC par tarif',
    stock: 'Stock',
    stockOf: 'Voir le stock de {sku}',
    count: '{n} déclinaison(s)',
    priceList: 'Tarif {name}',
  },
  en: {
    title: 'Catalog',
    search: 'Name, brand or reference',
    find: 'Find',
    product: 'Product',
    category: 'Category',
    vat: 'VAT',
    variants: 'Variants and prices incl. VAT per price list',
    stock: 'Stock',
    stockOf: 'See the stock of {sku}',
    count: '{n} variant(s)',
    priceList: '{name} prices',
  },
}

/** The catalog page by page (never all of it), with each variant's price in every price list. */
export function Catalog() {
  const t = useT(dict)
  const ct = useT(categoryWords)
  const channels = useChannels()
  const priceList = (code: string) => {
    const name = channels.priceList(code)
    return name ? t('priceList', { name }) : code
  }
  const { api } = useSession()
  const [text, setText] = useState('')
  const [q, setQ] = useState<string | undefined>(undefined)
  const [open, setOpen] = useState<Product | null>(null)
  const load = useCallback(
    (cursor: string | undefined) =>
      ok(api.GET('/api/v1/products', { params: { query: { limit: 20, cursor, ...(q ? { q } : {}) } } })),
    [api, q],
  )
  const pages = usePages<Product>(load)

  function find(e: FormEvent) {
    e.preventDefault()
    setOpen(null)
    setQ(text.trim() || undefined)
  }

  return (
    <div className="catalog">
      <h1>{t('title')}</h1>
      <form onSubmit={find} className="inline-form">
        <Field label={t('search')} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="secondary">
          {t('find')}
        </button>
      </form>
      <div className="split">
        <Section title={t('title')}>
          <ErrorNote error={pages.error} />
          {pages.items.length === 0 && !pages.loading && <Empty />}
          <ul className="list">
            {pages.items.map((p) => (
              <li key={p.id} aria-current={p.id === open?.id ? 'true' : undefined}>
                <button type="button" className="link" onClick={() => setOpen(p)}>
                  {p.name}
                </button>{' '}
                <span className="muted">
                  {labelOf(ct, categoryWords, p.category)} · {t('count', { n: p.variants.length })}
                </span>
              </li>
            ))}
          </ul>
          {pages.loading && <Loading />}
          <MoreButton pages={pages} />
        </Section>
        {open && (
          <Section title={open.name}>
            <p>
              {open.brand} · {t('category')} {labelOf(ct, categoryWords, open.category)} · {t('vat')}{' '}
              {percent(open.vat_rate)}
            </p>
            <h3>{t('variants')}</h3>
            <div className="scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">SKU</th>
                    <th scope="col">EAN</th>
                    <th scope="col">{t('product')}</th>
                    {open.variants[0]?.prices.map((pr) => (
                      <th scope="col" key={pr.price_list} className="num">
                        {priceList(pr.price_list)}
                      </th>
                    ))}
                    <th scope="col">
                      <span className="sr-only">{t('stock')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {open.variants.map((v) => (
                    <tr key={v.sku}>
                      <td>{v.sku}</td>
                      <td>{v.ean}</td>
                      <td>{v.name}</td>
                      {v.prices.map((pr) => (
                        <td key={pr.price_list} className="num">
                          {euro(pr.amount_cents)}
                        </td>
                      ))}
                      <td>
                        <button
                          type="button"
                          className="link"
                          aria-label={t('stockOf', { sku: v.sku })}
                          onClick={() => navigate(`/stock?sku=${encodeURIComponent(v.sku)}`)}
                        >
                          {t('stock')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
        )}
      </div>
    </div>
  )
}
