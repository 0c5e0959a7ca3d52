import type { Executor } from '../db/database.ts'
import type { CoherencePolicy, PricedSku } from './coherence.domain.ts'
import {
  type ChannelRef,
  channelRefs,
  cheapestCompetitors,
  parsePrices,
  policyRows,
  resolvePrices,
  type SkuRow,
  skuRows,
  toPolicy,
} from './offer.store.ts'

export interface SkuInContext extends PricedSku {
  productCode: string
  productName: string
  category: string
  policy: CoherencePolicy
}

export interface OfferContext {
  policies: Map<string, CoherencePolicy>
  channels: Map<string, ChannelRef>
  items: SkuInContext[]
}

/**
 * What the coherence checks read, in four set-based statements whatever the number of SKUs: the
 * policies, the channels and their lists, every policed SKU's channel prices and cost, and the
 * cheapest competitor per SKU and channel. Prices are the current ones, or those in force at `at`.
 */
export async function loadContext(
  q: Executor,
  opts: { skus?: string[]; after?: string; at?: Date } = {},
): Promise<OfferContext> {
  const policies = new Map((await policyRows(q)).map((r) => [r.category, toPolicy(r)]))
  const channels = new Map((await channelRefs(q)).map((c) => [c.id, c]))
  if (policies.size === 0) return { policies, channels, items: [] }
  const at = opts.at ?? new Date()
  const found = await skuRows(q, { categories: [...policies.keys()], skus: opts.skus, after: opts.after })
  const competitors = await cheapestCompetitors(q, at, opts.skus)
  const items = found.map((r) => toItem(r, channels, policies, competitors.get(r.sku) ?? []))
  if (opts.at && opts.skus) {
    // A scheduled change is checked against the prices that will be in force when it takes effect.
    const inForce = new Map(
      (await resolvePrices(q, opts.skus, opts.at)).map((p) => [`${p.price_list_id} ${p.sku}`, p.cents]),
    )
    for (const item of items) {
      for (const p of item.prices) p.cents = inForce.get(`${p.priceListId} ${item.sku}`) ?? p.cents
    }
  }
  return { policies, channels, items }
}

function toItem(
  r: SkuRow,
  channels: Map<string, ChannelRef>,
  policies: Map<string, CoherencePolicy>,
  competitors: PricedSku['competitors'],
): SkuInContext {
  return {
    sku: r.sku,
    productCode: r.product_code,
    productName: r.product_name,
    category: r.category,
    policy: policies.get(r.category)!,
    costCents: r.cost_cents,
    prices: parsePrices(r, channels),
    competitors,
  }
}
