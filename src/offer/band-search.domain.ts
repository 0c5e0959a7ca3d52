/**
 * Exact suggested prices without a MILP solver, for the usual policies (price points, or a range of
 * prices small enough to walk cent by cent). Same problem as suggest.domain.ts: one price per price
 * list on an allowed price point, floor ≤ p ≤ cap, direction pairs p_a ≤ p_b, and a spread between
 * the lowest and highest price; minimise the total absolute change.
 *
 * Why it is exact:
 * 1. Without the spread, the problem is an isotonic regression with separable convex costs
 *    (|p − target|, plus a steep penalty above a list's cap) over one ordered set of price points.
 *    Such a problem splits into one decision per gap between consecutive price points — which lists
 *    sit above the gap — each an upward-closed set of lists (if a ≤ b and a is above, so is b) of
 *    least total marginal cost. Marginal costs only change at the price points next to a target or
 *    at a bound, so walking those breakpoints is enough; with at most a handful of price lists, the
 *    upward-closed sets are enumerated outright. Convexity makes the least (smallest) optimal sets
 *    nested, so together they describe one price per list: the unconstrained optimum x*.
 * 2. The spread says every price lies in [lo, hi(lo)] for lo the lowest price. For a common box,
 *    the same split shows that x* clamped to the box is optimal inside it. Walking lo over every
 *    price point from the floor up to M (no optimum sets a price above M, see suggest.domain.ts)
 *    and keeping the cheapest clamp finds the optimum, or proves there is none.
 */

export interface BandList {
  currentCents: number
  floorCents: number | null
  capCents: number | null
}

/**
 * Above its cap a list's cost climbs this steeply per cent — steeply, not in one jump, so the cost
 * stays convex — and any price set that keeps under the caps costs less than one that does not.
 */
const BIG = 1e9

/** Cost walks larger than this (in price points) are left to the MILP solver. */
const MAX_POINTS = 60_000

export type BandResult = { kind: 'prices'; cents: number[] } | { kind: 'none' } | { kind: 'too_large' }

export function bandSearch(
  lists: BandList[],
  directions: Array<[number, number]>,
  spread: { maxBp: number | null; maxCents: number | null },
  endings: number[] | null,
  maxCents: number,
): BandResult {
  const k = lists.length
  if (k === 0) return { kind: 'prices', cents: [] }
  if (k > 12) return { kind: 'too_large' }
  const floor = Math.max(0, ...lists.map((l) => l.floorCents ?? 0))
  const grid = pricePoints(endings, floor, maxCents)
  if (grid === null) return { kind: 'too_large' }
  if (grid.length === 0) return { kind: 'none' }
  const cost = (l: number, v: number) => {
    const { currentCents, capCents } = lists[l]!
    const over = capCents !== null && v > capCents ? BIG * (v - capCents) : 0
    return Math.abs(v - currentCents) + over
  }

  // Breakpoints: the first and last price point, the points either side of each target and cap.
  const marks = new Set<number>([0, grid.length - 1])
  for (const l of lists) {
    for (const v of [l.currentCents, ...(l.capCents !== null ? [l.capCents] : [])]) {
      const i = firstAtOrAbove(grid, v)
      if (i < grid.length) marks.add(i)
      if (i > 0) marks.add(i - 1)
    }
  }
  const points = [...marks].sort((a, b) => a - b).map((i) => grid[i]!)
  const closed = upwardClosedSets(k, directions)
  const above = new Array<number>(k).fill(0)
  for (let g = 0; g + 1 < points.length; g++) {
    let best = 0
    let bestCost = 0
    let bestSize = 0
    for (const set of closed) {
      let c = 0
      for (let l = 0; l < k; l++) if (set & (1 << l)) c += cost(l, points[g + 1]!) - cost(l, points[g]!)
      const size = popcount(set)
      if (c < bestCost || (c === bestCost && size < bestSize)) {
        best = set
        bestCost = c
        bestSize = size
      }
    }
    for (let l = 0; l < k; l++) if (best & (1 << l)) above[l]! += 1
  }
  const unconstrained = above.map((n) => points[n]!)

  let bestPrices: number[] | null = null
  let bestTotal = Number.POSITIVE_INFINITY
  const consider = (prices: number[]) => {
    let total = 0
    for (let l = 0; l < k; l++) total += cost(l, prices[l]!)
    if (total < bestTotal) {
      bestTotal = total
      bestPrices = prices
    }
  }
  if (spread.maxBp === null && spread.maxCents === null) {
    consider(unconstrained)
  } else {
    for (const lo of grid) {
      let top = Number.POSITIVE_INFINITY
      if (spread.maxCents !== null) top = Math.min(top, lo + spread.maxCents)
      if (spread.maxBp !== null) top = Math.min(top, Math.floor((lo * (10_000 + spread.maxBp)) / 10_000))
      const hi = grid[firstAtOrAbove(grid, top + 1) - 1]!
      consider(unconstrained.map((v) => Math.min(hi, Math.max(lo, v))))
    }
  }
  if (bestPrices === null || bestTotal >= BIG) return { kind: 'none' }
  return { kind: 'prices', cents: bestPrices }
}

/** Allowed prices from `from` to `to`, ascending; null when there are too many to walk. */
function pricePoints(endings: number[] | null, from: number, to: number): number[] | null {
  if (to < from) return []
  if (!endings)
    return to - from > MAX_POINTS ? null : Array.from({ length: to - from + 1 }, (_, i) => from + i)
  const sorted = [...new Set(endings)].sort((a, b) => a - b)
  if (((to - from) / 100) * sorted.length > MAX_POINTS) return null
  const out: number[] = []
  for (let base = Math.floor(from / 100) * 100; base <= to; base += 100) {
    for (const e of sorted) {
      const v = base + e
      if (v >= from && v <= to) out.push(v)
    }
  }
  return out
}

/** Index of the first value ≥ v in an ascending array (its length when none). */
function firstAtOrAbove(values: number[], v: number): number {
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (values[mid]! < v) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Every set of lists closed upward under the direction pairs (a cheaper than b: a in → b in). */
function upwardClosedSets(k: number, directions: Array<[number, number]>): number[] {
  const out: number[] = []
  for (let set = 0; set < 1 << k; set++) {
    if (directions.every(([a, b]) => !(set & (1 << a)) || (set & (1 << b)) !== 0)) out.push(set)
  }
  return out
}

function popcount(n: number): number {
  let c = 0
  for (let x = n; x; x &= x - 1) c++
  return c
}
