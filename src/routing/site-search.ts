/**
 * The search behind the routing engine: which set of sites ships an order at the lowest cost, given
 * each site's fixed cost (paid once if it ships anything), its unit preparation cost and what it
 * holds of each SKU. Plain arithmetic on flat arrays, with SKUs and sites as positions.
 */

import { leastRateFrom, leastSplitRates, type ParcelRate, parcelCost } from './cost-model.domain.ts'

/**
 * Parcels priced by weight: a site's fixed cost holds `base` (the table's lowest rate), and a site
 * that ships units weighing w pays `parcelCost(rates, w) - base` on top.
 */
export interface ParcelPricing {
  /** Grams per unit of SKU q. */
  weight: Float64Array
  rates: readonly ParcelRate[]
  base: number
}

/** What the search reads: K SKUs, n sites, site i holding `cap[i * K + q]` units of SKU q. */
export interface Flat {
  n: number
  /** Units to allocate per SKU, each > 0. */
  need: number[]
  fixed: Float64Array
  unit: Float64Array
  /** Never more than the need. */
  cap: Int32Array
  parcel?: ParcelPricing
}

/**
 * Work done by the searches since the counters were last reset: nodes of the branch and bound, sets
 * whose allocation was refined (`fillSet`), and allocations priced there (moves tried, and the ways
 * of sharing units between two sites). The benchmark reads them to compare
 * designs by work rather than by wall-clock time on a shared machine.
 */
export const searchWork = { nodes: 0, evaluations: 0, moves: 0 }

const subadditiveTables = new WeakMap<readonly ParcelRate[], boolean>()

/**
 * Whether two parcels always cost at least one holding both: checked where it can fail, on the
 * lightest weight of each band (1 g, then one gram above each band's limit) taken two by two.
 */
export function subadditive(rates: readonly ParcelRate[]): boolean {
  let known = subadditiveTables.get(rates)
  if (known === undefined) {
    const lows = [1, ...rates.slice(0, -1).map((r) => r.upToG + 1)]
    known = lows.every((a) =>
      lows.every((b) => parcelCost(rates, a) + parcelCost(rates, b) >= parcelCost(rates, a + b)),
    )
    subadditiveTables.set(rates, known)
  }
  return known
}

/** What a parcel of `weightG` costs above the lowest rate, already in the site's fixed cost. */
const surcharge = (parcel: ParcelPricing | undefined, weightG: number) =>
  parcel ? parcelCost(parcel.rates, weightG) - parcel.base : 0

/** The best set (site indices), the units its j-th site ships of SKU q (`take[j * K + q]`) and its cost. */
export interface Found {
  set: number[]
  take: number[]
  cost: number
}

/**
 * `work[key]`, first replaced by a larger buffer if it holds fewer than `size` elements. The engine
 * keeps its per-site arrays from one call to the next: a 5-line order over 1,000 locations has ~450
 * candidate sites, and allocating their arrays afresh (~270 KB per order) made a minor GC pause land
 * on ~2 % of calls, which set the p99. Routing is synchronous, so no two calls share a buffer at
 * once, and each call writes every element it reads: nothing carries over from one order to the next.
 */
export function reserve<K extends string, W extends Record<K, Float64Array | Int32Array>>(
  work: W,
  key: K,
  size: number,
): W[K] {
  const buf = work[key]
  if (buf.length >= size) return buf
  const Typed = buf.constructor as new (length: number) => W[K]
  const bigger = new Typed(Math.max(size, 2 * buf.length))
  work[key] = bigger
  return bigger
}

const work = {
  hold: new Int32Array(512),
  useful: new Int32Array(512),
  rho: new Float64Array(512),
  fixed: new Float64Array(256),
  unit: new Float64Array(256),
  cap: new Int32Array(1024),
  suffixCap: new Int32Array(1024),
  minRho: new Float64Array(1024),
  chosen: new Int32Array(256),
  ranked: new Int32Array(256),
  taken: new Int32Array(1024),
  ships: new Int32Array(256),
  take: new Int32Array(1024),
  fillGrams: new Float64Array(256),
  light: new Float64Array(512),
  plight: new Float64Array(256),
}

/**
 * ρ bounds are fractional: a bound only prunes when it clears the incumbent by more than
 * floating-point noise (an improving set is cheaper by far more than that, so none is kept out).
 */
const ROUNDING = 1e-6

/** Bounds on the rates of a split are worked out for up to this many parcels (none past it). */
const SPLIT_PARCELS = 6

/** With rates, how many sets the search keeps for a closer look at their allocation (see `solve`). */
const POOL = 8

/**
 * Exact branch and bound over sets of sites. Given a set, filling each SKU from the cheapest unit
 * cost first is optimal (unit costs do not depend on the SKU), so the search is exact when it
 * completes within `budget` nodes. Sites are enumerated as subsets in order of fixed cost, with three
 * bounds:
 * - fixed costs so far + this site's + every unit at its cheapest unit cost (sorted order makes this
 *   a stopping rule for the whole loop), and the same with the next site's when one more is needed;
 * - the chosen sites plus everything after them must hold the units still uncovered;
 * - ρ bound: a site s that ships x units (at most u_s, what it holds of the order) costs
 *   fixed_s + unit_s·x ≥ ρ_s·x with ρ_s = unit_s + fixed_s / u_s. So any completion of the chosen set
 *   costs at least their fixed costs plus, per SKU, the cheapest way to fill the need from the chosen
 *   sites at their unit cost and from the sites still to come at their ρ. This is what cuts the sets
 *   of stores the first bound cannot tell from a warehouse (benchmark worst case: 15,000 nodes → 1,500).
 * The bounds count the fixed cost of every chosen site: a set with a site that ships nothing costs
 * what its subset costs, and the subset is enumerated on its own, so they hold where they matter.
 *
 * With parcels priced by weight (`p.parcel`), fixed costs hold the lowest rate, so every bound stays
 * a lower bound, and a set's cost adds each parcel's rate for the weight it ships. The cheapest-first
 * fill is then only an upper bound of a set's cost: sets that beat the incumbent with it, and the
 * POOL sets with the lowest bounds under it, get `fillSet`'s allocation (exact for two sites, a local
 * optimum beyond), which is why the search is then near-exact (the benchmark measures its gap to the
 * exact program with rate bands).
 */
export function solve(p: Flat, budget: number, start?: number[]): { best: Found | null; complete: boolean } {
  const { n, need, fixed, unit, cap, parcel } = p
  const K = need.length
  if (K === 0) return { best: { set: [], take: [], cost: 0 }, complete: true }
  let units = 0
  let orderGrams = 0
  for (let q = 0; q < K; q++) {
    units += need[q]!
    if (parcel) orderGrams += need[q]! * parcel.weight[q]!
  }
  // hold[i]: units of the order site i could ship; useful: the sites holding any.
  const hold = reserve(work, 'hold', n)
  // In a buffer kept between calls, like the others (a growing array of ~450 sites was ~8 KB per call).
  const usefulAll = reserve(work, 'useful', n)
  let usefulCount = 0
  for (let i = 0; i < n; i++) {
    let u = 0
    for (let q = 0; q < K; q++) u += cap[i * K + q]!
    hold[i] = u
    if (u > 0) usefulAll[usefulCount++] = i
  }
  const useful = usefulAll.subarray(0, usefulCount)

  let best = Number.POSITIVE_INFINITY
  let bestSet: number[] = []
  // Any single site that covers everything gives a first bound; failing one, a greedy cover.
  let single = -1
  for (let u = 0; u < useful.length; u++) {
    const i = useful[u]!
    if (single >= 0 && fixed[i]! + unit[i]! * units >= fixed[single]! + unit[single]! * units) continue
    if (hold[i] === units) single = i
  }
  if (single >= 0) {
    best = fixed[single]! + unit[single]! * units + surcharge(parcel, orderGrams)
    bestSet = [single]
  } else {
    const greedy = greedyCover(p, useful)
    if (greedy) {
      best = costOf(p, greedy)
      bestSet = greedy
    }
  }
  // A set found by another search (the engine's first pass) bounds this one from the start.
  if (start && start.length > 0) {
    const cost = costOf(p, start)
    if (cost < best) {
      best = cost
      bestSet = start
    }
  }

  // Every unit at the cheapest unit cost among `sites` holding its SKU: no allocation pays less.
  const unitFloor = (sites: ArrayLike<number>) => {
    let sum = 0
    for (let q = 0; q < K; q++) {
      let u = Number.POSITIVE_INFINITY
      for (let j = 0; j < sites.length; j++) {
        const i = sites[j]!
        if (cap[i * K + q]! > 0 && unit[i]! < u) u = unit[i]!
      }
      sum += need[q]! * u
    }
    return sum
  }
  const floorAll = unitFloor(useful)
  // k or more parcels cost at least `least[k - 1]` together (see `leastSplitRates`; heavier than the
  // last band, with a subadditive table, at least the rate of the whole order): what the fixed costs
  // of k sites and the `light` surcharges already counted for them leave out of that is
  // `lift(k, light)`, added to the bounds that count only chosen sites.
  const least = parcel ? splitFloors(parcel, orderGrams) : null
  const lift = (k: number, light: number) =>
    least && k <= SPLIT_PARCELS ? Math.max(0, least[k - 1]! - k * parcel!.base - light) : 0
  const rho = reserve(work, 'rho', n)
  // light[i]: what site i's parcel costs above the lowest rate at least, whatever it ships: it ships
  // one unit at least, and the lightest it holds of the order sets the least band (0 without rates).
  const light = reserve(work, 'light', n)
  if (parcel) siteFloors(p, useful, hold, light, rho)
  else {
    for (let u = 0; u < useful.length; u++) {
      const i = useful[u]!
      light[i] = 0
      rho[i] = unit[i]! + fixed[i]! / hold[i]!
    }
  }
  // A site can only be in a cheaper set if its fixed cost, its own units at its unit cost and every
  // other unit at the lowest ρ of the other holders stay under the incumbent. The two lowest ρ per
  // SKU give "the lowest among the others" for every site.
  const rho1 = need.map(() => Number.POSITIVE_INFINITY)
  const rho1At = need.map(() => -1)
  const rho2 = need.map(() => Number.POSITIVE_INFINITY)
  for (let u = 0; u < useful.length; u++) {
    const i = useful[u]!
    for (let q = 0; q < K; q++) {
      if (cap[i * K + q] === 0) continue
      const r = rho[i]!
      if (r < rho1[q]!) {
        rho2[q] = rho1[q]!
        rho1[q] = r
        rho1At[q] = i
      } else if (r < rho2[q]!) rho2[q] = r
    }
  }
  const candidates = useful.filter((i) => {
    if (fixed[i]! + Math.max(light[i]!, lift(1, 0)) + floorAll >= best) return false
    let lb = fixed[i]! + light[i]!
    for (let q = 0; q < K; q++) {
      const others = rho1At[q] === i ? rho2[q]! : rho1[q]!
      const own = unit[i]! < others ? cap[i * K + q]! : 0
      lb += own * unit[i]! + (own < need[q]! ? (need[q]! - own) * others : 0)
    }
    return lb - ROUNDING < best
  })
  candidates.sort((a, b) => fixed[a]! - fixed[b]! || a - b)
  const order = withoutDominatedSingles(p, candidates)
  const m = order.length
  const floor = unitFloor(order)

  // The search works by position in `order`: what it reads, copied into position-indexed arrays.
  const pf = reserve(work, 'fixed', m)
  const pl = reserve(work, 'plight', m)
  const pu = reserve(work, 'unit', m)
  const pc = reserve(work, 'cap', m * K)
  for (let at = 0; at < m; at++) {
    const i = order[at]!
    pf[at] = fixed[i]!
    pl[at] = light[i]!
    pu[at] = unit[i]!
    for (let q = 0; q < K; q++) pc[at * K + q] = cap[i * K + q]!
  }
  // suffixCap[at * K + q]: units of SKU q held from position `at` on; minRho: their lowest ρ.
  const suffixCap = reserve(work, 'suffixCap', (m + 1) * K)
  const minRho = reserve(work, 'minRho', (m + 1) * K)
  suffixCap.fill(0, m * K, (m + 1) * K)
  minRho.fill(Number.POSITIVE_INFINITY, m * K, (m + 1) * K)
  for (let at = m - 1; at >= 0; at--) {
    const r = rho[order[at]!]!
    for (let q = 0; q < K; q++) {
      const c = pc[at * K + q]!
      suffixCap[at * K + q] = suffixCap[(at + 1) * K + q]! + c
      const after = minRho[(at + 1) * K + q]!
      minRho[at * K + q] = c > 0 && r < after ? r : after
    }
  }

  // The chosen positions, and the same sorted by unit cost (ties in the order chosen): the order in
  // which an allocation fills each SKU.
  const chosen = reserve(work, 'chosen', m)
  const ranked = reserve(work, 'ranked', m)
  let depth = 0
  // Units of each SKU the chosen sites cannot cover yet, and what each depth took off them.
  const rem = [...need]
  let uncovered = units
  const taken = reserve(work, 'taken', m * K)
  // ships[at] === stamp: position `at` ships something in the set being evaluated.
  const ships = reserve(work, 'ships', m)
  ships.fill(0, 0, m)
  let stamp = 0
  const fillWork = { take: reserve(work, 'take', m * K), grams: reserve(work, 'fillGrams', m) }

  const push = (at: number) => {
    chosen[depth] = at
    let r = depth
    while (r > 0 && pu[ranked[r - 1]!]! > pu[at]!) {
      ranked[r] = ranked[r - 1]!
      r--
    }
    ranked[r] = at
    for (let q = 0; q < K; q++) {
      const t = Math.min(rem[q]!, pc[at * K + q]!)
      taken[depth * K + q] = t
      rem[q]! -= t
      uncovered -= t
    }
    depth++
  }
  const pop = () => {
    depth--
    const at = chosen[depth]!
    let r = 0
    while (ranked[r] !== at) r++
    for (; r < depth; r++) ranked[r] = ranked[r + 1]!
    for (let q = 0; q < K; q++) {
      const t = taken[depth * K + q]!
      rem[q]! += t
      uncovered += t
    }
  }
  // Cost of the chosen set: each SKU filled from the cheapest unit cost first; a site that ends up
  // shipping nothing costs nothing. With rates, this first fill is only an upper bound of the set's
  // cost (`fillSet` may find a cheaper allocation); `fillUnits` is its unit cost, the least the set's
  // units can cost.
  let fillUnits = 0
  const evaluate = () => {
    stamp++
    let cost = 0
    const grams = fillWork.grams
    for (let r = 0; r < depth; r++) grams[r] = 0
    for (let q = 0; q < K; q++) {
      let left = need[q]!
      for (let r = 0; r < depth && left > 0; r++) {
        const at = ranked[r]!
        const t = Math.min(left, pc[at * K + q]!)
        if (t === 0) continue
        left -= t
        cost += t * pu[at]!
        ships[at] = stamp
        if (parcel) grams[r]! += t * parcel.weight[q]!
      }
      if (left > 0) return Number.POSITIVE_INFINITY
    }
    fillUnits = cost
    if (parcel) {
      for (let r = 0; r < depth; r++) {
        const at = ranked[r]!
        if (ships[at] === stamp) cost += pf[at]! + parcelCost(parcel.rates, grams[r]!) - parcel.base
      }
      return cost
    }
    for (let r = 0; r < depth; r++) if (ships[chosen[r]!] === stamp) cost += pf[chosen[r]!]!
    return cost
  }
  // With rates, the sets worth a closer look: those whose lower bound is under the incumbent though
  // their first fill is not, at most POOL of them (the lowest bounds), looked at once the search ends.
  const pool: Array<{ set: number[]; lower: number }> = []
  const consider = (lower: number) => {
    if (lower >= best) return
    if (pool.length === POOL) {
      let worst = 0
      for (let e = 1; e < POOL; e++) if (pool[e]!.lower > pool[worst]!.lower) worst = e
      if (pool[worst]!.lower <= lower) return
      pool[worst] = { set: Array.from(chosen.subarray(0, depth)), lower }
    } else pool.push({ set: Array.from(chosen.subarray(0, depth)), lower })
  }
  // The set's cheapest allocation found by `fillSet` (the chosen positions in `ranked` order).
  const refine = () => fillSet(ranked, depth, K, need, pc, pu, pf, parcel!, fillWork)

  // The unit side of the ρ bound, for sets made of the chosen sites and some from position `next` on.
  const unitsBound = (next: number) => {
    let sum = 0
    for (let q = 0; q < K; q++) {
      const r = minRho[next * K + q]!
      let left = need[q]!
      for (let j = 0; j < depth && left > 0; j++) {
        const at = ranked[j]!
        if (pu[at]! >= r) break
        const t = Math.min(left, pc[at * K + q]!)
        left -= t
        sum += t * pu[at]!
      }
      if (left > 0) {
        // No unit left costs less than r: the chosen sites not used yet cost more, the rest ρ ≥ r.
        if (r === Number.POSITIVE_INFINITY) return r
        sum += left * r
      }
    }
    return sum
  }

  let nodes = 0
  let complete = true
  // fixedSum: fixed costs of the chosen sites with their `light` surcharges; lightSum: those surcharges.
  const dfs = (from: number, fixedSum: number, lightSum: number) => {
    for (let i = from; i < m; i++) {
      searchWork.nodes++
      if (++nodes > budget) {
        complete = false
        return
      }
      const f = pf[i]!
      // Sites are sorted by fixed cost: if this one breaks the bound, every later one does too
      // (its own `light` is left out here: it does not grow with the fixed cost).
      const lifted = lift(depth + 1, lightSum)
      if (fixedSum + f + floor + lifted >= best) return
      const l = pl[i]!
      if (fixedSum + f + Math.max(l, lifted) + floor >= best) continue
      if (uncovered === 0) {
        // Once covered, only a site that prepares more cheaply than one already chosen can lower the cost.
        if (!(pu[ranked[depth - 1]!]! > pu[i]!)) continue
      } else {
        // Not covered yet: if even this site and all after it cannot cover the rest, nothing further can.
        for (let q = 0; q < K; q++) if (rem[q]! > suffixCap[i * K + q]!) return
      }
      push(i)
      const withI = fixedSum + f + l
      const prune =
        // Still uncovered: at least one more site is needed, and none is cheaper than the next one.
        (uncovered > 0 &&
          (i + 1 === m || withI + pf[i + 1]! + floor + lift(depth + 1, lightSum + l) >= best)) ||
        withI + unitsBound(i + 1) - ROUNDING >= best
      if (!prune) {
        if (uncovered === 0) {
          let cost = evaluate()
          if (parcel) {
            // Improving on the incumbent: worth the closer look now, its cost bounds the rest of the search.
            if (cost < best) cost = refine()
            else consider(withI + fillUnits + lift(depth, lightSum + l))
          }
          if (cost < best) {
            best = cost
            bestSet = Array.from(chosen.subarray(0, depth), (at) => order[at]!)
          }
        }
        // Even once covered, another site may prepare units more cheaply: keep exploring under the bound.
        dfs(i + 1, withI, lightSum + l)
      }
      pop()
      if (!complete) return
    }
  }
  dfs(0, 0, 0)
  // The pooled sets, lowest bound first, while a bound stays under the incumbent.
  pool.sort((a, b) => a.lower - b.lower)
  for (const entry of pool) {
    if (entry.lower >= best) break
    while (depth > 0) pop()
    for (const at of entry.set) push(at)
    const cost = refine()
    if (cost < best) {
      best = cost
      bestSet = entry.set.map((at) => order[at]!)
    }
  }
  if (bestSet.length === 0) return { best: null, complete }
  return { best: { set: bestSet, take: allocate(p, bestSet), cost: best }, complete }
}

/** The set's sites by unit cost, ties in the set's order: the order in which each SKU is filled. */
const byUnit = (set: number[], unit: Float64Array) => [...set].sort((a, b) => unit[a]! - unit[b]!)

/** Units each site of `set` ships (`take[j * K + q]`, j its place in the set), cheapest unit cost first. */
function allocate({ need, unit, cap, fixed, parcel }: Flat, set: number[]): number[] {
  const K = need.length
  const take = new Array<number>(set.length * K).fill(0)
  const ranked = byUnit(set, unit)
  if (parcel) {
    const w = { take: new Int32Array(set.length * K), grams: new Float64Array(set.length) }
    fillSet(ranked, ranked.length, K, need, cap, unit, fixed, parcel, w)
    ranked.forEach((i, r) => {
      for (let q = 0; q < K; q++) take[set.indexOf(i) * K + q] = w.take[r * K + q]!
    })
    return take
  }
  for (let q = 0; q < K; q++) {
    let left = need[q]!
    for (const i of ranked) {
      if (left === 0) break
      const t = Math.min(left, cap[i * K + q]!)
      take[set.indexOf(i) * K + q] = t
      left -= t
    }
  }
  return take
}

/** Cost of shipping the need from exactly the sites of `set`, or +∞ if they cannot cover it. */
function costOf({ need, fixed, unit, cap, parcel }: Flat, set: number[]): number {
  const K = need.length
  if (parcel) {
    const w = { take: new Int32Array(set.length * K), grams: new Float64Array(set.length) }
    return fillSet(byUnit(set, unit), set.length, K, need, cap, unit, fixed, parcel, w)
  }
  const ships = new Set<number>()
  let cost = 0
  const ranked = byUnit(set, unit)
  for (let q = 0; q < K; q++) {
    let left = need[q]!
    for (const i of ranked) {
      if (left === 0) break
      const t = Math.min(left, cap[i * K + q]!)
      if (t === 0) continue
      left -= t
      cost += t * unit[i]!
      ships.add(i)
    }
    if (left > 0) return Number.POSITIVE_INFINITY
  }
  for (const i of ships) cost += fixed[i]!
  return cost
}

/**
 * Drops sites holding a single one of the order's SKUs that no cheapest allocation needs. Such a
 * site B is dominated by any site A that costs no more (fixed and per unit) and holds at least as
 * many units of that SKU: an allocation using B but not some A can swap B for A at no extra cost,
 * and an allocation cannot use B with as many dominators as there are units to ship (every site
 * used ships at least one unit). Sites arrive sorted by fixed cost, so dominators come first.
 */
function withoutDominatedSingles({ need, unit, cap }: Flat, sortedByFixed: ArrayLike<number>): number[] {
  const K = need.length
  const units = need.reduce((a, b) => a + b, 0)
  // holders[q][unit cost][c] = kept sites so far with that unit cost holding ≥ c units of SKU q
  const holders = need.map(() => new Map<number, number[]>())
  const kept: number[] = []
  for (let j = 0; j < sortedByFixed.length; j++) {
    const b = sortedByFixed[j]!
    let only = -1
    let count = 0
    for (let q = 0; q < K; q++) {
      if (cap[b * K + q]! > 0) {
        only = q
        count++
      }
    }
    if (count === 1) {
      const c = cap[b * K + only]!
      let dominators = 0
      for (const [u, counts] of holders[only]!) if (u <= unit[b]!) dominators += counts[c] ?? 0
      if (dominators >= units) continue
    }
    kept.push(b)
    for (let q = 0; q < K; q++) {
      const c = cap[b * K + q]!
      if (c === 0) continue
      const byUnitCost = holders[q]!
      const counts = byUnitCost.get(unit[b]!) ?? []
      for (let x = 1; x <= c; x++) counts[x] = (counts[x] ?? 0) + 1
      byUnitCost.set(unit[b]!, counts)
    }
  }
  return kept
}

/** A first allocation to bound the search: repeatedly take the site with the lowest cost per unit it covers. */
function greedyCover({ need, fixed, unit, cap }: Flat, sites: ArrayLike<number>): number[] | null {
  const K = need.length
  const remaining = [...need]
  let left = need.reduce((a, b) => a + b, 0)
  const chosen: number[] = []
  while (left > 0) {
    let pick = -1
    let pickRatio = Number.POSITIVE_INFINITY
    for (let j = 0; j < sites.length; j++) {
      const i = sites[j]!
      if (chosen.includes(i)) continue
      let units = 0
      for (let q = 0; q < K; q++) units += Math.min(remaining[q]!, cap[i * K + q]!)
      if (units === 0) continue
      const ratio = (fixed[i]! + unit[i]! * units) / units
      if (ratio < pickRatio) {
        pickRatio = ratio
        pick = i
      }
    }
    if (pick < 0) return null
    chosen.push(pick)
    for (let q = 0; q < K; q++) {
      const t = Math.min(remaining[q]!, cap[pick * K + q]!)
      remaining[q]! -= t
      left -= t
    }
  }
  return chosen
}

/** `leastSplitRates` for the order's weight, or failing it (goods over the last band) the whole order's rate when the table is subadditive. */
function splitFloors(parcel: ParcelPricing, grams: number): number[] | null {
  const least = leastSplitRates(parcel.rates, grams, SPLIT_PARCELS)
  if (least) return least
  return subadditive(parcel.rates)
    ? new Array<number>(SPLIT_PARCELS).fill(parcelCost(parcel.rates, grams))
    : null
}

/**
 * With rates, what each useful site costs at least beyond its fixed cost and units, whatever it ships:
 * `light[i]`, the least parcel for the lightest unit it holds of the order, above the lowest rate (it
 * ships one unit at least); and `rho[i]`, the least it costs per unit shipped, over every count x of
 * units it could ship: its fixed cost, x units at its unit cost and the least parcel for the x
 * lightest units it holds, divided by x.
 */
function siteFloors(
  { need, fixed, unit, cap, parcel }: Flat,
  useful: Int32Array,
  hold: Int32Array,
  light: Float64Array,
  rho: Float64Array,
) {
  const K = need.length
  const { weight, rates, base } = parcel!
  const byWeight = Array.from({ length: K }, (_, q) => q).sort((a, b) => weight[a]! - weight[b]!)
  for (let u = 0; u < useful.length; u++) {
    const i = useful[u]!
    let grams = 0
    let x = 0
    let least = Number.POSITIVE_INFINITY
    let first = -1
    for (const q of byWeight) {
      const c = cap[i * K + q]!
      for (let t = 0; t < c; t++) {
        x++
        grams += weight[q]!
        const over = leastRateFrom(rates, grams) - base
        if (first < 0) first = over
        const per = (fixed[i]! + over + unit[i]! * x) / x
        if (per < least) least = per
      }
    }
    light[i] = first
    rho[i] = x === hold[i] ? least : unit[i]! + fixed[i]! / hold[i]!
  }
}

/** Past this many ways of sharing the units between two sites, `fillPair` leaves them to `fillSet`. */
const PAIR_SPLITS = 1024

/**
 * The cheapest allocation between two sites, every way of sharing each SKU's units priced: with 5
 * lines of 1–3 units, at most 4^5 = 1,024 ways (null past `PAIR_SPLITS`). Each way is one step of an
 * odometer over the units the first site ships of each SKU, its weight and unit count kept as it turns.
 */
function fillPair(
  ranked: ArrayLike<number>,
  K: number,
  need: readonly number[],
  cap: Int32Array,
  unit: Float64Array,
  fixed: Float64Array,
  parcel: ParcelPricing,
  w: { take: Int32Array; grams: Float64Array },
): number | null {
  const a = ranked[0]!
  const b = ranked[1]!
  const lo = new Int32Array(K)
  const hi = new Int32Array(K)
  let ways = 1
  let units = 0
  let grams = 0
  for (let q = 0; q < K; q++) {
    lo[q] = Math.max(0, need[q]! - cap[b * K + q]!)
    hi[q] = Math.min(need[q]!, cap[a * K + q]!)
    if (lo[q]! > hi[q]!) return Number.POSITIVE_INFINITY
    ways *= hi[q]! - lo[q]! + 1
    units += need[q]!
    grams += need[q]! * parcel.weight[q]!
  }
  if (ways > PAIR_SPLITS) return null
  const x = Int32Array.from(lo)
  let nA = 0
  let gA = 0
  for (let q = 0; q < K; q++) {
    nA += lo[q]!
    gA += lo[q]! * parcel.weight[q]!
  }
  const { rates, base } = parcel
  let best = Number.POSITIVE_INFINITY
  const bestX = new Int32Array(K)
  for (let way = 0; way < ways; way++) {
    searchWork.moves++
    let cost = unit[a]! * nA + unit[b]! * (units - nA)
    if (nA > 0) cost += fixed[a]! + parcelCost(rates, gA) - base
    if (nA < units) cost += fixed[b]! + parcelCost(rates, grams - gA) - base
    if (cost < best) {
      best = cost
      bestX.set(x)
    }
    for (let q = 0; q < K; q++) {
      if (x[q]! < hi[q]!) {
        x[q]!++
        nA++
        gA += parcel.weight[q]!
        break
      }
      nA -= x[q]! - lo[q]!
      gA -= (x[q]! - lo[q]!) * parcel.weight[q]!
      x[q] = lo[q]!
    }
  }
  const { take } = w
  w.grams[0] = 0
  w.grams[1] = 0
  for (let q = 0; q < K; q++) {
    take[q] = bestX[q]!
    take[K + q] = need[q]! - bestX[q]!
    w.grams[0]! += take[q]! * parcel.weight[q]!
    w.grams[1]! += take[K + q]! * parcel.weight[q]!
  }
  return best
}

/** Past this many combinations of parcels keeping each SKU whole, `fillSet` tries only the first fill. */
const WHOLE_COMBINATIONS = 256

/**
 * How a set of sites ships the need when parcels are priced by weight, and its cost. Filling each SKU
 * from the cheapest unit cost first is no longer always best: a parcel just over a rate band pays a
 * band more than a few units prepared elsewhere (11.8 kg from a warehouse is a 30 kg parcel; 9.5 kg
 * there and 2.3 kg from another is a 10 kg and a 5 kg parcel, cheaper together), and between sites of
 * the same unit cost, which one takes a SKU decides every parcel's band. So:
 * 1. every way of keeping each SKU whole is priced: each SKU goes first to one site of the set holding
 *    it (its other units, if that site holds too few, cheapest unit cost first): 2 sites and 5 SKUs
 *    make at most 32 ways, and the cheapest is kept;
 * 2. from it, units move between the set's parcels while a move lowers the cost (one SKU's units from
 *    one parcel to another at a time), which splits a SKU where that pays.
 * A local optimum still: moving two SKUs at once can be needed (the benchmark measures the gap).
 * `ranked` holds the sites by unit cost (indices into cap, unit and fixed); `w.take[r * K + q]`
 * receives the units of SKU q the r-th of them ships.
 */
export function fillSet(
  ranked: ArrayLike<number>,
  count: number,
  K: number,
  need: readonly number[],
  cap: Int32Array,
  unit: Float64Array,
  fixed: Float64Array,
  parcel: ParcelPricing,
  w: { take: Int32Array; grams: Float64Array },
): number {
  const { take, grams } = w
  searchWork.evaluations++
  // What a site's parcel costs for `g` grams (nothing when it ships nothing).
  const siteCost = (r: number, g: number, ships: boolean) =>
    ships ? fixed[ranked[r]!]! + parcelCost(parcel.rates, g) - parcel.base : 0
  // The allocation with SKU q going first to the `first[q]`-th site, the rest cheapest unit cost first.
  const first = new Int8Array(K)
  const fill = () => {
    take.fill(0, 0, count * K)
    grams.fill(0, 0, count)
    let cost = 0
    for (let q = 0; q < K; q++) {
      let left = need[q]!
      for (let step = -1; step < count && left > 0; step++) {
        const r = step < 0 ? first[q]! : step
        if (step === first[q]) continue
        const t = Math.min(left, cap[ranked[r]! * K + q]! - take[r * K + q]!)
        if (t <= 0) continue
        left -= t
        take[r * K + q]! += t
        grams[r]! += t * parcel.weight[q]!
        cost += t * unit[ranked[r]!]!
      }
      if (left > 0) return Number.POSITIVE_INFINITY
    }
    for (let r = 0; r < count; r++) if (shipsAfter(r, 0)) cost += siteCost(r, grams[r]!, true)
    return cost
  }
  const shipsAfter = (r: number, minusUnits: number) => {
    let u = -minusUnits
    for (let q = 0; q < K; q++) u += take[r * K + q]!
    return u > 0
  }
  if (count === 2) {
    const exact = fillPair(ranked, K, need, cap, unit, fixed, parcel, w)
    if (exact !== null) return exact
  }
  // 1. Each SKU whole where a site holds it all: the sites each SKU may go to first (those holding
  // any of it; one choice when a single site does), enumerated as an odometer.
  const choices: number[][] = []
  let combinations = 1
  for (let q = 0; q < K; q++) {
    const holders: number[] = []
    for (let r = 0; r < count; r++) if (cap[ranked[r]! * K + q]! > 0) holders.push(r)
    choices.push(holders.length > 0 ? holders : [0])
    combinations *= choices[q]!.length
  }
  const digit = new Int8Array(K)
  let bestCost = Number.POSITIVE_INFINITY
  const bestFirst = new Int8Array(K)
  if (combinations > WHOLE_COMBINATIONS) {
    for (let q = 0; q < K; q++) bestFirst[q] = choices[q]![0]!
  } else {
    for (let c = 0; c < combinations; c++) {
      for (let q = 0; q < K; q++) first[q] = choices[q]![digit[q]!]!
      const cost = fill()
      if (cost < bestCost) {
        bestCost = cost
        bestFirst.set(first)
      }
      for (let q = 0; q < K; q++) {
        if (++digit[q]! < choices[q]!.length) break
        digit[q] = 0
      }
    }
  }
  first.set(bestFirst)
  if (fill() === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY
  // 2. Best single move at a time; each lowers the cost, so this ends (bounded as a guard).
  if (count > 1) {
    for (let round = 0; round < 4 * K * count; round++) {
      let bestDelta = -1e-9
      let mq = -1
      let ma = -1
      let mb = -1
      let mt = 0
      for (let q = 0; q < K; q++) {
        const wq = parcel.weight[q]!
        for (let a = 0; a < count; a++) {
          const has = take[a * K + q]!
          if (has === 0) continue
          const ia = ranked[a]!
          const aBefore = siteCost(a, grams[a]!, true)
          for (let b = 0; b < count; b++) {
            if (b === a) continue
            const ib = ranked[b]!
            const room = cap[ib * K + q]! - take[b * K + q]!
            const bShips = shipsAfter(b, 0)
            const bBefore = siteCost(b, grams[b]!, bShips)
            for (let t = 1; t <= Math.min(has, room); t++) {
              searchWork.moves++
              const delta =
                t * (unit[ib]! - unit[ia]!) +
                siteCost(a, grams[a]! - t * wq, shipsAfter(a, t)) -
                aBefore +
                siteCost(b, grams[b]! + t * wq, true) -
                bBefore
              if (delta < bestDelta) {
                bestDelta = delta
                mq = q
                ma = a
                mb = b
                mt = t
              }
            }
          }
        }
      }
      if (mq < 0) break
      take[ma * K + mq]! -= mt
      take[mb * K + mq]! += mt
      grams[ma]! -= mt * parcel.weight[mq]!
      grams[mb]! += mt * parcel.weight[mq]!
    }
  }
  let total = 0
  for (let r = 0; r < count; r++) {
    for (let q = 0; q < K; q++) total += take[r * K + q]! * unit[ranked[r]!]!
    total += siteCost(r, grams[r]!, shipsAfter(r, 0))
  }
  return total
}
