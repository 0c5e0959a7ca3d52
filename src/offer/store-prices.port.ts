import type { Executor } from '../db/database.ts'

/** A franchised store's own price of a SKU, set by its franchisee, beside the brand's recommendation. */
export interface ObservedStorePrice {
  sku: string
  location_id: string
  store_code: string
  store_name: string
  franchisee_code: string
  price_cents: number
  recommended_cents: number | null
}

/**
 * Franchisees' own prices, seen from the coherence report: observed, never checked or corrected (a
 * franchisor may not impose resale prices). They are the franchise capability's, which sits above
 * the offer (it reads orders' facts): the composition (src/app/ports.ts) plugs them in; without it the
 * report observes none.
 */
export interface StorePricesSource {
  observed(q: Executor, skus: string[]): Promise<ObservedStorePrice[]>
  count(q: Executor, categories: string[]): Promise<number>
}

let source: StorePricesSource = { observed: async () => [], count: async () => 0 }

export function provideStorePrices(s: StorePricesSource) {
  source = s
}

export const storePrices = (): StorePricesSource => source
