/**
 * Effects of a change at a store, and of channels on each other: difference-in-differences,
 * multichannel customer value, and ROPO (research online, purchase offline). Pure functions.
 */

export interface StoreSeries {
  storeId: string
  /** Sales in cents before and after the launch date, over windows of the same length. */
  before: number
  after: number
}

export interface DiffInDiff {
  treated: StoreSeries
  comparison: StoreSeries[]
  /** Σ of the comparison stores (their growth is what the treated store would have done). */
  comparisonBefore: number
  comparisonAfter: number
  /** after / before of the comparison stores, e.g. 1.05 for +5 %. */
  comparisonGrowth: number | null
  /** What the treated store would have sold without the change: before × comparison growth. */
  counterfactualCents: number | null
  /** after − counterfactual: negative when the new service took sales from the store. */
  effectCents: number | null
  /** after / counterfactual − 1, in percent (two decimals). */
  effectPct: number | null
}

/**
 * Difference-in-differences on the ratio of two equal windows: the treated store's change against the
 * pooled change of comparable stores without the change. Pooling weighs each comparison store by its
 * size, so one small store's noise does not swing the counterfactual.
 */
export function diffInDiff(treated: StoreSeries, comparison: StoreSeries[]): DiffInDiff {
  const comparisonBefore = comparison.reduce((s, c) => s + c.before, 0)
  const comparisonAfter = comparison.reduce((s, c) => s + c.after, 0)
  const comparisonGrowth = comparisonBefore > 0 ? comparisonAfter / comparisonBefore : null
  const counterfactualCents = comparisonGrowth === null ? null : Math.round(treated.before * comparisonGrowth)
  const effectCents = counterfactualCents === null ? null : treated.after - counterfactualCents
  const effectPct =
    counterfactualCents === null || counterfactualCents === 0
      ? null
      : Math.round((treated.after / counterfactualCents - 1) * 10_000) / 100
  return {
    treated,
    comparison,
    comparisonBefore,
    comparisonAfter,
    comparisonGrowth: comparisonGrowth === null ? null : Math.round(comparisonGrowth * 10_000) / 10_000,
    counterfactualCents,
    effectCents,
    effectPct,
  }
}

export interface CustomerChannels {
  customerId: string
  /** Spend in cents per channel over the window. */
  spend: Record<string, number>
}

export interface MultichannelBucket {
  /** 1, 2 or 3 (three or more). */
  channels: 1 | 2 | 3
  customers: number
  sharePct: number
  salesCents: number
  /** Average spend per customer over a year (the window's spend scaled to 365 days). */
  valuePerYearCents: number
  /** valuePerYear against single-channel customers' (1 for the single-channel bucket). */
  vsSingleChannel: number | null
}

/** Customers who bought in one, two, three or more channels, and what each group is worth per year. */
export function multichannelShares(customers: CustomerChannels[], windowDays: number): MultichannelBucket[] {
  const acc = [1, 2, 3].map((channels) => ({ channels, customers: 0, sales: 0 }))
  for (const c of customers) {
    const used = Object.values(c.spend).filter((v) => v !== 0).length
    if (used === 0) continue
    const b = acc[Math.min(used, 3) - 1]!
    b.customers++
    b.sales += Object.values(c.spend).reduce((s, v) => s + v, 0)
  }
  return sharesFromBuckets(acc, windowDays)
}

/** The same from counts already made per bucket (by SQL): channels 1, 2 or 3 (three or more). */
export function sharesFromBuckets(
  buckets: Array<{ channels: number; customers: number; sales: number }>,
  windowDays: number,
): MultichannelBucket[] {
  const acc = [1, 2, 3].map((n) => {
    const b = buckets.filter((x) => Math.min(x.channels, 3) === n)
    return { customers: b.reduce((s, x) => s + x.customers, 0), sales: b.reduce((s, x) => s + x.sales, 0) }
  })
  const total = acc.reduce((s, b) => s + b.customers, 0)
  const perYear = (b: { customers: number; sales: number }) =>
    b.customers === 0 ? 0 : Math.round(((b.sales / b.customers) * 365) / windowDays)
  const single = perYear(acc[0]!)
  return acc.map((b, i) => ({
    channels: (i + 1) as 1 | 2 | 3,
    customers: b.customers,
    sharePct: total === 0 ? 0 : Math.round((b.customers / total) * 10_000) / 100,
    salesCents: b.sales,
    valuePerYearCents: perYear(b),
    vsSingleChannel: single === 0 || b.customers === 0 ? null : Math.round((perYear(b) / single) * 100) / 100,
  }))
}

export interface StorePurchase {
  orderId: string
  customerId: string
  storeId: string
  at: Date
}

export interface OnlineSignal {
  customerId: string
  kind: 'cart' | 'wishlist' | 'availability_check'
  /** The store an availability check was for; any store matches when null. */
  locationId: string | null
  at: Date
}

export interface RopoResult {
  purchases: number
  preceded: number
  sharePct: number
  /** Purchases preceded by each kind of signal (one purchase may count under several). */
  byKind: Record<OnlineSignal['kind'], number>
}

/**
 * A store purchase is "researched online" when the same customer had a web or app cart, a wishlist
 * entry, or checked this store's availability in the `windowDays` before it (not after, not the
 * same instant's order itself: signals strictly before the purchase).
 */
export function ropo(purchases: StorePurchase[], signals: OnlineSignal[], windowDays: number): RopoResult {
  const window = windowDays * 86_400_000
  const byCustomer = new Map<string, OnlineSignal[]>()
  for (const s of signals) {
    const list = byCustomer.get(s.customerId)
    if (list) list.push(s)
    else byCustomer.set(s.customerId, [s])
  }
  const byKind = { cart: 0, wishlist: 0, availability_check: 0 }
  let preceded = 0
  for (const p of purchases) {
    const t = p.at.getTime()
    const kinds = new Set<OnlineSignal['kind']>()
    for (const s of byCustomer.get(p.customerId) ?? []) {
      const st = s.at.getTime()
      if (st >= t || st < t - window) continue
      if (s.kind === 'availability_check' && s.locationId !== null && s.locationId !== p.storeId) continue
      kinds.add(s.kind)
    }
    if (kinds.size > 0) preceded++
    for (const k of kinds) byKind[k]++
  }
  return {
    purchases: purchases.length,
    preceded,
    sharePct: purchases.length === 0 ? 0 : Math.round((preceded / purchases.length) * 10_000) / 100,
    byKind,
  }
}

/** Average basket in cents (sales / orders), 0 without orders. */
export function basket(salesCents: number, orders: number): number {
  return orders === 0 ? 0 : Math.round(salesCents / orders)
}

/** a / b in percent with two decimals, 0 when b is 0. */
export function pct(a: number, b: number): number {
  return b === 0 ? 0 : Math.round((a / b) * 10_000) / 100
}
