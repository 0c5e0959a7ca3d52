import { useMemo, useState } from 'react'
import { euro } from '../format'
import { type Dictionary, useT } from '../i18n'
import { categoryWords, labelOf } from '../labels'
import type { OfflineArticle, OfflineCatalogue } from './offline/catalogue'
import type { Article } from './ScanBox'

const dict: Dictionary<
  'open' | 'close' | 'title' | 'categories' | 'products' | 'variants' | 'back' | 'add' | 'loading' | 'sizes'
> = {
  fr: {
    open: 'Grille d’articles',
    close: 'Fermer la grille',
    title: 'Articles par rayon (sans code-barres)',
    categories: 'Rayons',
    products: 'Articles du rayon',
    variants: 'Déclinaisons de {name}',
    back: 'Retour au rayon',
    add: 'Ajouter {name}, {price}',
    loading: 'Le catalogue du magasin se charge…',
    sizes: '{n} déclinaisons',
  },
  en: {
    open: 'Product grid',
    close: 'Close the grid',
    title: 'Items by department (no barcode)',
    categories: 'Departments',
    products: 'Items of the department',
    variants: 'Variants of {name}',
    back: 'Back to the department',
    add: 'Add {name}, {price}',
    loading: 'The store’s catalogue is loading…',
    sizes: '{n} variants',
  },
}

interface Product {
  id: string
  name: string
  articles: OfflineArticle[]
}

/** "Cocotte — Blanc / 28 cm" is the Cocotte's "Blanc / 28 cm". */
const split = (name: string) => {
  const at = name.indexOf(' — ')
  return at < 0
    ? { product: name, variant: name }
    : { product: name.slice(0, at), variant: name.slice(at + 3) }
}

/**
 * Items without a barcode (or whose label is gone) picked on a grid, as on a tablet till: a
 * department, then a product, then its variant when it has several; a tap adds one to the basket.
 * Read from the store's kept catalogue: prices of its channel and cluster, offline too.
 */
export function ProductGrid({
  catalogue,
  onAdd,
  onClose,
}: {
  catalogue: OfflineCatalogue | null
  onAdd(article: Article): void
  onClose(): void
}) {
  const t = useT(dict)
  const c = useT(categoryWords)
  const [category, setCategory] = useState<string | null>(null)
  const [productId, setProductId] = useState<string | null>(null)

  const byCategory = useMemo(() => {
    const map = new Map<string, Map<string, Product>>()
    for (const a of catalogue?.articles ?? []) {
      const products = map.get(a.category) ?? new Map<string, Product>()
      map.set(a.category, products)
      const p = products.get(a.productId) ?? { id: a.productId, name: split(a.name).product, articles: [] }
      p.articles.push(a)
      products.set(a.productId, p)
    }
    return map
  }, [catalogue])
  const categories = [...byCategory.keys()].sort((a, b) =>
    labelOf(c, categoryWords, a).localeCompare(labelOf(c, categoryWords, b)),
  )
  const current = category ?? categories[0] ?? null
  const products = [...(current ? (byCategory.get(current)?.values() ?? []) : [])].sort((a, b) =>
    a.name.localeCompare(b.name),
  )
  const product = products.find((p) => p.id === productId) ?? null

  const add = (a: OfflineArticle) =>
    onAdd({ sku: a.sku, name: a.name, unitCents: a.unitCents, vatRate: a.vatRateBp / 100 })

  return (
    <section className="product-grid" aria-label={t('title')} data-testid="product-grid">
      <div className="row tight">
        <h3>{t('title')}</h3>
        <button type="button" className="secondary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {!catalogue && <p className="muted">{t('loading')}</p>}
      {/* biome-ignore lint/a11y/useSemanticElements: a row of tiles to tap, not a form’s fieldset */}
      <div role="group" aria-label={t('categories')} className="tiles departments">
        {categories.map((k) => (
          <button
            key={k}
            type="button"
            className={k === current ? 'tile primary' : 'tile secondary'}
            aria-pressed={k === current}
            onClick={() => {
              setCategory(k)
              setProductId(null)
            }}
          >
            {labelOf(c, categoryWords, k)}
          </button>
        ))}
      </div>
      {product ? (
        // biome-ignore lint/a11y/useSemanticElements: a row of tiles to tap, not a form’s fieldset
        <div role="group" aria-label={t('variants', { name: product.name })} className="tiles">
          <button type="button" className="tile secondary" onClick={() => setProductId(null)}>
            ← {t('back')}
          </button>
          {product.articles.map((a) => (
            <button
              key={a.sku}
              type="button"
              className="tile"
              aria-label={t('add', { name: a.name, price: euro(a.unitCents) })}
              onClick={() => add(a)}
            >
              <span>{split(a.name).variant}</span>
              <small>{euro(a.unitCents)}</small>
            </button>
          ))}
        </div>
      ) : (
        // biome-ignore lint/a11y/useSemanticElements: a row of tiles to tap, not a form’s fieldset
        <div role="group" aria-label={t('products')} className="tiles">
          {products.map((p) => {
            const only = p.articles.length === 1 ? p.articles[0] : undefined
            return (
              <button
                key={p.id}
                type="button"
                className="tile"
                aria-label={only ? t('add', { name: only.name, price: euro(only.unitCents) }) : undefined}
                onClick={() => (only ? add(only) : setProductId(p.id))}
              >
                <span>{p.name}</span>
                <small>{only ? euro(only.unitCents) : t('sizes', { n: p.articles.length })}</small>
              </button>
            )
          })}
        </div>
      )}
    </section>
  )
}

/** The button beside the scan field that opens (or closes) the grid. */
export function ProductGridToggle({ open, onToggle }: { open: boolean; onToggle(): void }) {
  const t = useT(dict)
  return (
    <button type="button" className="secondary grid-toggle" aria-expanded={open} onClick={onToggle}>
      {t('open')}
    </button>
  )
}
