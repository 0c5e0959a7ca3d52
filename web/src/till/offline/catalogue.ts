import type { Promotion } from '../../../../src/offer/promotions.domain.ts'
import type { Api, Channel, GetResult, Product } from '../../api/client'
import { ok } from '../../api/client'
import { all, get, put } from './idb'

/** An article as the till sells it offline: its barcode, name, price in this store and VAT. */
export interface OfflineArticle {
  sku: string
  ean: string
  name: string
  productId: string
  category: string
  vatRateBp: number
  /** Unit price TTC in this store: its cluster's price list, else the channel's. */
  unitCents: number
}

/** A running promotion as the promotion engine reads it, with its limits (dates as ISO text). */
export interface OfflinePromotion extends Omit<Promotion, 'startsAt' | 'endsAt'> {
  code: string
  startsAt: string | null
  endsAt: string | null
  limitTotal: number | null
  limitPerCustomer: number | null
  usedCount: number
}

/** The store's catalogue slice, kept in IndexedDB: what the till needs to sell without the server. */
export interface OfflineCatalogue {
  scope: string
  storeId: string
  channelId: string
  channelKind: string
  fetchedAt: string
  articles: OfflineArticle[]
  promotions: OfflinePromotion[]
}

/** Under this age the slice is not fetched again when the till opens. */
export const FRESH_MS = 15 * 60_000

export const catalogueScope = (storeId: string, channelId: string) => `${storeId}.${channelId}`

export function loadCatalogue(scope: string): Promise<OfflineCatalogue | undefined> {
  return get<OfflineCatalogue>('catalogue', scope)
}

/** The article of a barcode, or of a SKU. */
export function findArticle(c: OfflineCatalogue, code: string): OfflineArticle | undefined {
  return c.articles.find((a) => a.ean === code || a.sku === code)
}

/** Articles whose name, SKU or barcode holds every typed word (the till's search, offline). */
export function searchArticles(c: OfflineCatalogue, q: string, limit = 8): OfflineArticle[] {
  const words = q.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').split(/\s+/).filter(Boolean)
  const plain = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')
  return c.articles
    .filter((a) => {
      const text = plain(`${a.name} ${a.sku} ${a.ean}`)
      return words.every((w) => text.includes(w))
    })
    .slice(0, limit)
}

const variantName = (product: string, variant: string) =>
  variant && variant !== product ? `${product} — ${variant}` : product

/** The articles of one page of products, at the store's price (its cluster's list first). */
export function articlesOf(products: Product[], priceLists: string[]): OfflineArticle[] {
  return products.flatMap((p) =>
    p.variants.flatMap((v) => {
      const price = priceLists
        .map((list) => v.prices.find((x) => x.price_list === list)?.amount_cents)
        .find((x) => x !== undefined)
      if (price === undefined) return []
      return [
        {
          sku: v.sku,
          ean: v.ean,
          name: variantName(p.name, v.name),
          productId: p.id,
          category: p.category,
          vatRateBp: Math.round(p.vat_rate * 100),
          unitCents: price,
        },
      ]
    }),
  )
}

/**
 * Fetches the store's slice page by page (products its channel lists, with their barcodes and the
 * prices of its cluster and channel, the running promotions) and keeps it; the previous slice stays
 * until the new one is whole.
 */
export async function refreshCatalogue(
  api: Api,
  storeId: string,
  channel: Channel,
): Promise<OfflineCatalogue> {
  const [location, clusters] = await Promise.all([
    ok(api.GET('/api/v1/locations/{ref}', { params: { path: { ref: storeId } } })),
    ok(api.GET('/api/v1/offer/cluster-price-lists')).catch(() => ({ data: [] })),
  ])
  const cluster = location.cluster
    ? clusters.data.find((c) => c.channel_id === channel.id && c.cluster === location.cluster)
    : undefined
  const priceLists = [...(cluster ? [cluster.price_list] : []), channel.price_list.code]
  const articles: OfflineArticle[] = []
  let cursor: string | undefined
  do {
    const page = await ok(
      api.GET('/api/v1/products', {
        params: { query: { channel: channel.code, limit: 200, ...(cursor ? { cursor } : {}) } },
      }),
    )
    articles.push(...articlesOf(page.data, priceLists))
    cursor = page.next_cursor ?? undefined
  } while (cursor)
  // A franchised store sells at its franchisee's own prices where it set them.
  if (location.ownership === 'franchised') {
    const own = new Map<string, number>()
    cursor = undefined
    do {
      const page: GetResult<'/api/v1/stores/{location_id}/own-prices'> = await ok(
        api.GET('/api/v1/stores/{location_id}/own-prices', {
          params: { path: { location_id: storeId }, query: { limit: 200, ...(cursor ? { cursor } : {}) } },
        }),
      )
      for (const p of page.data) own.set(p.sku, p.price_cents)
      cursor = page.next_cursor ?? undefined
    } while (cursor)
    for (const a of articles) a.unitCents = own.get(a.sku) ?? a.unitCents
  }
  const promotions: OfflinePromotion[] = []
  cursor = undefined
  do {
    const page: GetResult<'/api/v1/promotions'> = await ok(
      api.GET('/api/v1/promotions', {
        params: { query: { live: true, limit: 200, ...(cursor ? { cursor } : {}) } },
      }),
    )
    for (const p of page.data) {
      if (!p.active) continue
      promotions.push({
        id: p.id,
        code: p.code,
        name: p.name,
        kind: p.kind,
        channels: p.channels,
        channelKinds: p.channel_kinds,
        startsAt: p.starts_at,
        endsAt: p.ends_at,
        target:
          p.target.kind === 'products'
            ? { kind: 'products', productIds: p.target.products }
            : p.target.kind === 'categories'
              ? { kind: 'categories', categories: p.target.categories }
              : { kind: 'basket' },
        priority: p.priority,
        stacking: p.stacking,
        percentBp: p.percent_bp ?? undefined,
        amountCents: p.amount_cents ?? undefined,
        fixedPriceCents: p.fixed_price_cents ?? undefined,
        buy: p.buy ?? undefined,
        get: p.get ?? undefined,
        nth: p.nth ?? undefined,
        thresholdCents: p.threshold_cents ?? undefined,
        voucherCode: p.voucher_code,
        limitTotal: p.limit_total,
        limitPerCustomer: p.limit_per_customer,
        usedCount: p.used_count,
      })
    }
    cursor = page.next_cursor ?? undefined
  } while (cursor)
  const slice: OfflineCatalogue = {
    scope: catalogueScope(storeId, channel.id),
    storeId,
    channelId: channel.id,
    channelKind: channel.kind,
    fetchedAt: new Date().toISOString(),
    articles,
    promotions,
  }
  await put('catalogue', slice)
  return slice
}

/** Every slice kept in this browser (one per store and channel signed in here). */
export const keptCatalogues = () => all<OfflineCatalogue>('catalogue')
