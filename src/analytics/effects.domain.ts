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

/** One launch of a pooled study: the store that opened the service, and the stores compared with it over its own windows. */
export interface LaunchWindows {
  /** The store where the service opened: its sales before and after its own launch date (event time). */
  treated: StoreSeries
  /** Stores without the launch, over the same calendar windows as this launch. */
  comparison: StoreSeries[]
}

export interface PooledDiffInDiff {
  /** One difference-in-differences per launch, each against its own calendar windows. */
  stores: DiffInDiff[]
  /** Σ of the treated stores before and after their launches, and Σ of their counterfactuals. */
  before: number
  after: number
  counterfactualCents: number | null
  effectCents: number | null
  /** Σ after / Σ counterfactual − 1, in percent (two decimals). */
  effectPct: number | null
}

/**
 * Pooled difference-in-differences over several launches, each aligned on its own date: every treated
 * store's counterfactual is its before × the growth of the comparison stores over its own windows;
 * the pooled effect is Σ after / Σ counterfactual − 1 (so large stores weigh more, as in the single
 * store estimate). Launches without sales before, or without comparison sales, are left out of the sums.
 */
export function pooledDiffInDiff(launches: LaunchWindows[]): PooledDiffInDiff {
  const stores = launches.map((l) => diffInDiff(l.treated, l.comparison))
  let before = 0
  let after = 0
  let counterfactual = 0
  for (const d of stores) {
    if (d.counterfactualCents === null || d.treated.before <= 0) continue
    before += d.treated.before
    after += d.treated.after
    counterfactual += exactCounterfactual(d)
  }
  const used = counterfactual > 0
  return {
    stores,
    before,
    after,
    counterfactualCents: used ? Math.round(counterfactual) : null,
    effectCents: used ? after - Math.round(counterfactual) : null,
    effectPct: used ? round2((after / counterfactual - 1) * 100) : null,
  }
}

function exactCounterfactual(d: DiffInDiff): number {
  return d.comparisonBefore > 0 ? (d.treated.before * d.comparisonAfter) / d.comparisonBefore : 0
}

/** The raw pooled effect (a ratio − 1) of launches, or null: the placebo's inner loop. */
function pooledRatio(
  launches: Array<{ treated: StoreSeries; cBefore: number; cAfter: number }>,
): number | null {
  let after = 0
  let counterfactual = 0
  for (const l of launches) {
    if (l.cBefore <= 0 || l.treated.before <= 0) continue
    after += l.treated.after
    counterfactual += (l.treated.before * l.cAfter) / l.cBefore
  }
  return counterfactual > 0 ? after / counterfactual - 1 : null
}

export interface Placebo {
  /** Placebo studies run: stores without the launch, pretending they had it on the real launch dates. */
  runs: number
  /** Whether every possible assignment was run (else a seeded sample of them). */
  exhaustive: boolean
  /** Mean and standard deviation of the placebo effects, in percent: what noise alone gives. */
  meanPct: number
  sdPct: number
  /** 2.5th and 97.5th percentiles of the placebo effects. */
  lowPct: number
  highPct: number
  /** 95 % interval of the estimate: estimate − the placebo percentiles (null without an estimate). */
  intervalLowPct: number | null
  intervalHighPct: number | null
  /** Share of placebo effects at least as far from zero as the estimate (with the estimate itself counted). */
  pValue: number | null
}

export interface PlaceboOptions {
  /** Above this many possible assignments, draw this many at random (seeded: same answer each time). */
  maxRuns?: number
  seed?: number
}

/**
 * Placebo (permutation) inference for a pooled or single-store difference-in-differences: stores that
 * never had the launch are given the real launch dates in turn (k launches: k distinct stores, one per
 * date) and the same estimate is computed for them, against the other untreated stores. The spread of
 * these effects is what noise alone produces with stores of this network over these windows; the
 * estimate is distinguishable from noise when few placebo effects are as large.
 *
 * `untreated` holds, for each launch (same order as `launches`), the untreated stores' sales over that
 * launch's windows; every launch must list the same stores (the placebo candidates), in any order.
 */
export function placebo(
  launches: LaunchWindows[],
  estimatePct: number | null,
  options: PlaceboOptions = {},
): Placebo | null {
  const k = launches.length
  if (k === 0) return null
  const ids = launches[0]!.comparison.map((c) => c.storeId)
  // k placebo stores, and at least one left to compare them with.
  if (ids.length < k + 1) return null
  const byLaunch = launches.map((l) => {
    const m = new Map(l.comparison.map((c) => [c.storeId, c]))
    return ids.map((id) => m.get(id) ?? { storeId: id, before: 0, after: 0 })
  })
  const totals = byLaunch.map((list) => ({
    before: list.reduce((s, c) => s + c.before, 0),
    after: list.reduce((s, c) => s + c.after, 0),
  }))
  const n = ids.length
  const maxRuns = options.maxRuns ?? 20_000
  let possible = 1
  for (let i = 0; i < k; i++) possible *= n - i
  const effects: number[] = []
  const run = (chosen: number[]) => {
    const parts = chosen.map((store, i) => {
      // Each placebo store is compared with the untreated stores that are not placebo stores.
      let cBefore = totals[i]!.before
      let cAfter = totals[i]!.after
      for (const other of chosen) {
        cBefore -= byLaunch[i]![other]!.before
        cAfter -= byLaunch[i]![other]!.after
      }
      return { treated: byLaunch[i]![store]!, cBefore, cAfter }
    })
    const r = pooledRatio(parts)
    if (r !== null) effects.push(r * 100)
  }
  const exhaustive = possible <= maxRuns
  if (exhaustive) {
    const chosen: number[] = []
    const used = new Array<boolean>(n).fill(false)
    const walk = () => {
      if (chosen.length === k) return run(chosen)
      for (let s = 0; s < n; s++) {
        if (used[s]) continue
        used[s] = true
        chosen.push(s)
        walk()
        chosen.pop()
        used[s] = false
      }
    }
    walk()
  } else {
    const next = mulberry32(options.seed ?? 1)
    for (let r = 0; r < maxRuns; r++) {
      const pool = ids.map((_, i) => i)
      const chosen: number[] = []
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(next() * (n - i))
        ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
        chosen.push(pool[i]!)
      }
      run(chosen)
    }
  }
  if (effects.length === 0) return null
  effects.sort((a, b) => a - b)
  const mean = effects.reduce((s, x) => s + x, 0) / effects.length
  const sd = Math.sqrt(effects.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, effects.length - 1))
  const low = quantile(effects, 0.025)
  const high = quantile(effects, 0.975)
  const p =
    estimatePct === null
      ? null
      : (1 + effects.filter((x) => Math.abs(x) >= Math.abs(estimatePct)).length) / (1 + effects.length)
  return {
    runs: effects.length,
    exhaustive,
    meanPct: round2(mean),
    sdPct: round2(sd),
    lowPct: round2(low),
    highPct: round2(high),
    intervalLowPct: estimatePct === null ? null : round2(estimatePct - high),
    intervalHighPct: estimatePct === null ? null : round2(estimatePct - low),
    pValue: p === null ? null : Math.round(p * 10_000) / 10_000,
  }
}

/** Linear interpolation between the closest ranks of a sorted list. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}

/** A small seeded generator, so a sampled placebo gives the same interval on every call. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
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
