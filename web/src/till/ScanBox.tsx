import { type KeyboardEvent, useEffect, useState } from 'react'
import { ApiError, type Availability, type Channel, ok, type Product, type Variant } from '../api/client'
import { euro } from '../format'
import { useT } from '../i18n'
import { useSession } from '../session'
import { ErrorNote, Field } from '../ui'
import type { BasketLine, LineStock } from './basket'
import { tillDict } from './dict'
import { findArticle, type OfflineArticle, type OfflineCatalogue, searchArticles } from './offline/catalogue'
import { offlineDict } from './offline/dict'
import { unreachable } from './offline/queue'

export type Article = Omit<BasketLine, 'quantity' | 'discountCents' | 'mode' | 'pickupStoreId' | 'stock'>

type Stock = LineStock

const EAN13 = /^\d{13}$/

/** "Cocotte — Blanc / 28 cm"; a product sold in one form (a book) is its name alone. */
export const variantName = (product: string, variant: string) =>
  variant && variant !== product ? `${product} — ${variant}` : product

/**
 * The scan field: a barcode scanner types the EAN-13 fast and ends with Enter, which adds the article
 * at once; anything else typed is a catalog search. Shows the price and where the article is in stock.
 */
export function ScanBox({
  storeChannel,
  webChannel,
  onAdd,
  inputRef,
  scanner,
  onStock,
  offline,
  aside,
}: {
  /** Shown beside the scan field (the till's product grid button). */
  aside?: React.ReactNode
  storeChannel: Channel
  webChannel: Channel | null
  onAdd(article: Article, scannedAt?: number): void
  inputRef: React.RefObject<HTMLInputElement | null>
  /** Set to the EAN look-up, for scans caught outside the field; it resolves false for an unknown code. */
  scanner?: React.RefObject<((ean: string, at: number, quiet?: boolean) => Promise<boolean>) | null>
  /** Where the added article is in stock, once the API has said. */
  onStock?(sku: string, stock: Stock): void
  /**
   * The till's offline side: while the server is out of reach, barcodes and searches are answered
   * from the store's kept catalogue; `onUnreachable` is told when a call gets no answer.
   */
  offline?: { online: boolean; catalogue: OfflineCatalogue | null; onUnreachable(err: unknown): void }
}) {
  const t = useT(tillDict)
  const o = useT(offlineDict)
  const [kept, setKept] = useState<OfflineArticle[] | null>(null)
  const fromKept = (a: OfflineArticle): Article => ({
    sku: a.sku,
    name: a.name,
    unitCents: a.unitCents,
    vatRate: a.vatRateBp / 100,
  })
  /** The kept article of a code, when the till is (or has just gone) offline. */
  const keptArticle = (code: string) =>
    offline?.catalogue ? findArticle(offline.catalogue, code) : undefined
  const { api, store } = useSession()
  const [text, setText] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [results, setResults] = useState<Product[] | null>(null)
  const [shown, setShown] = useState<{ article: Article; label: string; stock: Stock | null } | null>(null)

  // The till opens ready for the scanner.
  useEffect(() => inputRef.current?.focus(), [inputRef])

  const priceOf = (prices: Variant['prices']) =>
    prices.find((p) => p.price_list === storeChannel.price_list.code)?.amount_cents

  function article(
    v: { sku: string; name: string; prices: Variant['prices'] },
    product: string,
    vat: number,
  ) {
    const unitCents = priceOf(v.prices)
    if (unitCents === undefined) throw new Error(t('notSold'))
    return { sku: v.sku, name: variantName(product, v.name), unitCents, vatRate: vat }
  }

  async function showStock(item: Article) {
    setShown({ article: item, label: item.name, stock: null })
    const sku = item.sku
    const availability = (channel: string, extra: Record<string, string | number> = {}) =>
      ok(api.GET('/api/v1/availability', { params: { query: { channel, skus: sku, ...extra } } })).then(
        (a): Availability | undefined => a.items[0],
      )
    const near: Record<string, number> = store ? { lat: store.lat, lon: store.lon, max_locations: 6 } : {}
    // Stores nearest first (this one included, at 0 km), and what the web shop can deliver.
    const [nearby, online] = await Promise.all([
      availability(storeChannel.code, near),
      webChannel ? availability(webChannel.code) : Promise.resolve(undefined),
    ])
    const here = store ? (nearby?.locations.find((l) => l.location_id === store.id)?.available ?? 0) : null
    const stock: Stock = {
      here,
      nearby: (nearby?.locations ?? [])
        .filter((l) => l.location_id !== store?.id && l.kind === 'store' && l.available > 0)
        .slice(0, 3)
        .map((l) => ({ id: l.location_id, name: l.name, available: l.available })),
      online: online?.delivery_available ?? null,
    }
    setShown((s) => (s?.article.sku === sku ? { ...s, stock } : s))
    onStock?.(sku, stock)
  }

  function add(item: Article, scannedAt?: number) {
    onAdd(item, scannedAt)
    if (offline && !offline.online) {
      setShown(null)
      return
    }
    void showStock(item).catch((err) => {
      // Offline, where the article is in stock is not known: the sale goes on without it.
      if (offline && unreachable(err)) {
        offline.onUnreachable(err)
        setShown(null)
      } else setError(err)
    })
  }

  /** Adds a barcode's article from the kept catalogue; false when it has none. */
  function addKept(q: string, scannedAt: number, quiet: boolean): boolean {
    const found = keptArticle(q)
    if (found) {
      setResults(null)
      add(fromKept(found), scannedAt)
      return true
    }
    if (!quiet) setError(new Error(offline?.catalogue ? t('notFound', { q }) : o('noCatalogue')))
    return false
  }

  const findVariant = (ean: string) => api.GET('/api/v1/variants', { params: { query: { ean } } })

  /** Adds the article of a scanned EAN-13; false when no article has it (said on screen unless quiet). */
  async function scanEan(q: string, scannedAt: number, quiet = false): Promise<boolean> {
    setError(null)
    if (offline && !offline.online) return addKept(q, scannedAt, quiet)
    try {
      let v: Awaited<ReturnType<typeof findVariant>>
      try {
        v = await findVariant(q)
      } catch (err) {
        // No answer: the server or the network is gone; the kept catalogue answers.
        if (!offline) throw err
        offline.onUnreachable(new ApiError(0, 'network_unavailable', String(err)))
        return addKept(q, scannedAt, quiet)
      }
      if (v.response.status === 404) {
        if (!quiet) setError(new Error(t('notFound', { q })))
        return false
      }
      const variant = await ok(Promise.resolve(v))
      setResults(null)
      add(article(variant, variant.product_name, variant.vat_rate), scannedAt)
      return true
    } catch (err) {
      setError(err)
      return true
    }
  }
  if (scanner) scanner.current = scanEan

  async function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'Enter') return
    e.preventDefault()
    const scannedAt = performance.now()
    const q = text.trim()
    if (!q) return
    setError(null)
    setText('')
    try {
      if (EAN13.test(q)) {
        await scanEan(q, scannedAt)
      } else if (offline && !offline.online) {
        const found = offline.catalogue ? searchArticles(offline.catalogue, q) : []
        if (found.length === 0) throw new Error(offline.catalogue ? t('notFound', { q }) : o('noCatalogue'))
        setResults(null)
        setKept(found)
      } else {
        const page = await ok(
          api.GET('/api/v1/products', { params: { query: { q, channel: storeChannel.code, limit: 8 } } }),
        )
        if (page.data.length === 0) throw new Error(t('notFound', { q }))
        setResults(page.data)
      }
    } catch (err) {
      setError(err)
    }
  }

  return (
    <div className="scan">
      <div className={aside ? 'scan-row' : undefined}>
        <Field
          ref={inputRef}
          label={t('scan')}
          hint={t('scanHint')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          autoComplete="off"
          inputMode="search"
          data-testid="scan"
          data-scan-field
        />
        {aside}
      </div>
      <ErrorNote error={error} />
      {kept && offline && !offline.online && (
        <section aria-label={o('results')} className="results">
          <ul>
            {kept.map((a) => (
              <li key={a.sku}>
                <span>
                  {a.name} <small className="muted">{a.sku}</small>
                </span>
                <span>{euro(a.unitCents)}</span>
                <button
                  type="button"
                  className="secondary"
                  aria-label={`${t('add')} ${a.name}`}
                  onClick={() => {
                    add(fromKept(a))
                    setKept(null)
                    inputRef.current?.focus()
                  }}
                >
                  {t('add')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {results && (
        <section aria-label={t('results')} className="results">
          <ul>
            {results.flatMap((p) =>
              p.variants.map((v) => {
                const price = priceOf(v.prices)
                return (
                  <li key={v.sku}>
                    <span>
                      {variantName(p.name, v.name)} <small className="muted">{v.sku}</small>
                    </span>
                    <span>{price === undefined ? '—' : euro(price)}</span>
                    <button
                      type="button"
                      className="secondary"
                      disabled={price === undefined}
                      aria-label={`${t('add')} ${variantName(p.name, v.name)}`}
                      onClick={() => {
                        try {
                          add(article(v, p.name, p.vat_rate))
                          setResults(null)
                          inputRef.current?.focus()
                        } catch (err) {
                          setError(err)
                        }
                      }}
                    >
                      {t('add')}
                    </button>
                  </li>
                )
              }),
            )}
          </ul>
        </section>
      )}
      {shown && (
        <dl className="article" data-testid="article" aria-live="polite">
          <div className="wide">
            <dt>{t('article')}</dt>
            <dd title={shown.label}>{shown.label}</dd>
          </div>
          <div>
            <dt>{t('price')}</dt>
            <dd>{euro(shown.article.unitCents)}</dd>
          </div>
          {store && (
            <div>
              <dt>{t('stockHere')}</dt>
              <dd data-testid="stock-here">{shown.stock ? t('units', { n: shown.stock.here ?? 0 }) : '…'}</dd>
            </div>
          )}
          <div>
            <dt>{t('stockOnline')}</dt>
            <dd>{shown.stock ? t('units', { n: shown.stock.online ?? 0 }) : '…'}</dd>
          </div>
          <div className="nearby">
            <dt>{t('stockNearby')}</dt>
            <dd>
              {!shown.stock
                ? '…'
                : shown.stock.nearby.length === 0
                  ? t('none')
                  : shown.stock.nearby.map((n) => `${n.name} (${n.available})`).join(', ')}
            </dd>
          </div>
          {store && shown.stock?.here === 0 && (
            <div className="wide">
              <dd className="notice" role="status">
                {t('notHere')}
              </dd>
            </div>
          )}
        </dl>
      )}
    </div>
  )
}
