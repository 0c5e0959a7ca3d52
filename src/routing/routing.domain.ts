import { distanceKm } from '../inventory/availability.domain.ts'
import type { CostModel } from './cost-model.domain.ts'

export interface RoutingCandidate {
  id: string
  code: string
  name: string
  kind: 'warehouse' | 'store' | 'dark_store'
  ownership: 'owned' | 'franchised'
  lat: number
  lon: number
  fulfilmentModes: string[]
  /** Franchised stores choose whether they ship web orders. */
  shipFromStoreOptIn: boolean
  /** Open at routing time (a store only prepares parcels while open). */
  openNow: boolean
  openTasks: number
  dailyCapacity: number
}

/** Units a location can promise of a SKU: the order flow loads these for the order's SKUs only. */
export interface StockRow {
  locationId: string
  sku: string
  available: number
}

export interface RoutingLine {
  index: number
  sku: string
  quantity: number
}

export interface ShipmentCost {
  shipment_cents: number
  distance_cents: number
  preparation_cents: number
  workload_cents: number
  split_cents: number
  total_cents: number
}

export interface Shipment {
  locationId: string
  code: string
  name: string
  kind: RoutingCandidate['kind']
  distanceKm: number
  lines: Array<{ index: number; sku: string; quantity: number }>
  cost: ShipmentCost
}

export interface RoutingDecision {
  shipments: Shipment[]
  totalCostCents: number
  /** What could not be allocated anywhere, and why. */
  unallocated: Array<{ index: number; sku: string; quantity: number; reason: string }>
  /** True when the search proved the allocation is the cheapest; false when it stopped at its budget. */
  optimal: boolean
  explanation: string[]
}

export interface Excluded {
  code: string
  name: string
  reason: string
}

/** Whether a location may ship this channel's parcels now, or the reason it may not. */
export function ineligibility(c: RoutingCandidate, model: CostModel): string | null {
  if (!c.fulfilmentModes.includes('delivery')) return 'does not ship parcels'
  if (c.kind !== 'store') return null
  if (!model.shipFromStore) return 'this channel does not ship from stores'
  if (c.ownership === 'franchised' && !c.shipFromStoreOptIn)
    return 'franchised store not opted in to ship-from-store'
  if (!c.openNow) return 'store closed now'
  return null
}

export interface Site {
  c: RoutingCandidate
  dist: number
  /** Paid once if the site ships anything: parcel, distance, workload and the split penalty. */
  fixed: number
  unit: number
  workload: number
  cap: Map<string, number>
}

const NODE_BUDGET = 20_000

export interface RoutingProblem {
  sites: Site[]
  /** Units to allocate per SKU (what no eligible location can ship is already set aside). */
  need: Map<string, number>
  unallocated: RoutingDecision['unallocated']
  excluded: Excluded[]
}

/**
 * Turns an order and the network into the allocation problem: each eligible location that holds
 * something useful becomes a site with its fixed cost (parcel, distance, workload, split penalty)
 * and its unit preparation cost. Shared by the engine and by the exact reference solver.
 */
export function buildProblem(
  lines: RoutingLine[],
  destination: { lat: number; lon: number },
  network: Map<string, RoutingCandidate>,
  stock: StockRow[],
  model: CostModel,
): RoutingProblem {
  const demand = new Map<string, number>()
  for (const l of lines) demand.set(l.sku, (demand.get(l.sku) ?? 0) + l.quantity)
  const excluded: Excluded[] = []
  const sites = new Map<string, Site>()
  const refused = new Set<string>()
  for (const row of stock) {
    const d = demand.get(row.sku)
    const c = network.get(row.locationId)
    if (d === undefined || !c || refused.has(c.id)) continue
    const keep = c.kind === 'store' ? model.keepForStoreUnits : 0
    const a = Math.min(d, row.available - keep)
    if (a <= 0) continue
    let site = sites.get(c.id)
    if (!site) {
      const why = ineligibility(c, model)
      if (why) {
        refused.add(c.id)
        excluded.push({ code: c.code, name: c.name, reason: why })
        continue
      }
      site = newSite(c, destination, model)
      sites.set(c.id, site)
      if (site.workload >= model.atCapacityPenaltyCents) {
        excluded.push({
          code: c.code,
          name: c.name,
          reason: `at preparation capacity (${c.openTasks}/${c.dailyCapacity})`,
        })
      }
    }
    site.cap.set(row.sku, Math.min(d, (site.cap.get(row.sku) ?? 0) + a))
  }
  const list = [...sites.values()]
  const unallocated: RoutingDecision['unallocated'] = []
  const coverable = new Map<string, number>()
  for (const [sku, d] of demand) {
    const total = list.reduce((s, site) => s + (site.cap.get(sku) ?? 0), 0)
    coverable.set(sku, Math.min(d, total))
  }
  const need = new Map<string, number>()
  for (const l of lines) {
    const left = coverable.get(l.sku)!
    const take = Math.min(left, l.quantity)
    coverable.set(l.sku, left - take)
    if (take > 0) need.set(l.sku, (need.get(l.sku) ?? 0) + take)
    if (take < l.quantity) {
      unallocated.push({
        index: l.index,
        sku: l.sku,
        quantity: l.quantity - take,
        reason: `no eligible location can ship ${l.quantity - take} more of ${l.sku}`,
      })
    }
  }
  return { sites: list, need, unallocated, excluded }
}

function newSite(c: RoutingCandidate, destination: { lat: number; lon: number }, model: CostModel): Site {
  const dist = distanceKm(c, destination)
  const load = c.dailyCapacity > 0 ? c.openTasks / c.dailyCapacity : c.kind === 'store' ? 1 : 0
  const workload =
    c.kind === 'store'
      ? load >= 1
        ? model.atCapacityPenaltyCents
        : Math.round(model.workloadPenaltyCents * load)
      : 0
  const fixed =
    model.shipmentCents +
    Math.round(model.perKmCents * dist) +
    model.prepParcelCents[c.kind] +
    workload +
    model.splitPenaltyCents
  return { c, dist, fixed, unit: model.prepUnitCents[c.kind], workload, cap: new Map() }
}

/** The cheapest way to ship an order's lines, with its cost breakdown and a plain-language explanation. */
export function routeDelivery(
  lines: RoutingLine[],
  destination: { lat: number; lon: number },
  network: Map<string, RoutingCandidate>,
  stock: StockRow[],
  model: CostModel,
): RoutingDecision & { excluded: Excluded[]; objectiveCents: number } {
  const problem = buildProblem(lines, destination, network, stock, model)
  const search = solveProblem(problem)
  const shipments = search.best
    ? toShipments(search.best.set, search.best.fill, lines, problem.unallocated, model)
    : []
  const totalCostCents = shipments.reduce((s, sh) => s + sh.cost.total_cents, 0)
  const decision: RoutingDecision = {
    shipments,
    totalCostCents,
    unallocated: problem.unallocated,
    optimal: search.complete,
    explanation: [],
  }
  decision.explanation = explain(decision, problem.sites, problem.excluded)
  return { ...decision, excluded: problem.excluded, objectiveCents: search.best?.cost ?? 0 }
}

type Fill = Map<Site, Map<string, number>>

/** Cost of shipping `need` from exactly the sites of `set`, or null if they cannot cover it. */
function evaluate(set: Site[], need: Map<string, number>): { cost: number; fill: Fill } | null {
  const fill: Fill = new Map()
  let cost = 0
  const byUnit = [...set].sort((a, b) => a.unit - b.unit)
  for (const [sku, d] of need) {
    let left = d
    for (const s of byUnit) {
      if (left === 0) break
      const take = Math.min(left, s.cap.get(sku) ?? 0)
      if (take === 0) continue
      left -= take
      cost += take * s.unit
      const m = fill.get(s) ?? new Map<string, number>()
      m.set(sku, take)
      fill.set(s, m)
    }
    if (left > 0) return null
  }
  for (const s of fill.keys()) cost += s.fixed
  return { cost, fill }
}

/**
 * Branch and bound over sets of sites, cheapest fixed cost first. Given a set, filling each SKU from
 * the cheapest-to-prepare site is optimal (unit costs do not depend on the SKU), so the search is
 * exact when it completes within its node budget. The objective counts every site's split penalty;
 * the shipped cost refunds it for the first parcel.
 */
export function solveProblem({ sites, need }: Pick<RoutingProblem, 'sites' | 'need'>) {
  if (need.size === 0)
    return { best: { set: [] as Site[], fill: new Map() as Fill, cost: 0 }, complete: true }
  const useful = sites.filter((s) => [...need.keys()].some((sku) => s.cap.has(sku)))
  const unitFloor = [...need].reduce((sum, [sku, d]) => {
    const u = Math.min(...useful.filter((s) => s.cap.has(sku)).map((s) => s.unit))
    return sum + d * u
  }, 0)
  let best: { set: Site[]; fill: Fill; cost: number } | null = null
  // Any single site that covers everything gives a first bound (checked without allocating).
  const needList = [...need]
  const units = needList.reduce((sum, [, d]) => sum + d, 0)
  let single: Site | undefined
  for (const s of useful) {
    if (single && s.fixed + s.unit * units >= single.fixed + single.unit * units) continue
    if (needList.every(([sku, d]) => (s.cap.get(sku) ?? 0) >= d)) single = s
  }
  if (single) {
    const r = evaluate([single], need)!
    best = { set: [single], fill: r.fill, cost: r.cost }
  }
  best ??= greedyCover(useful, need)
  const sorted = withoutDominatedSingles(
    useful.filter((s) => !best || s.fixed + unitFloor < best.cost).sort((a, b) => a.fixed - b.fixed),
    need,
  )
  const skus = [...need.keys()]
  // suffix[i][k]: units of SKU k held by sites i… (can the rest of the list still cover the need?)
  const suffix: number[][] = Array.from({ length: sorted.length + 1 }, () => skus.map(() => 0))
  for (let i = sorted.length - 1; i >= 0; i--) {
    skus.forEach((sku, k) => {
      suffix[i]![k] = suffix[i + 1]![k]! + (sorted[i]!.cap.get(sku) ?? 0)
    })
  }
  let nodes = 0
  let complete = true
  const chosen: Site[] = []
  const remaining = new Map(need)
  const dfs = (from: number, fixedSum: number) => {
    for (let i = from; i < sorted.length; i++) {
      if (++nodes > NODE_BUDGET) {
        complete = false
        return
      }
      const s = sorted[i]!
      // Sites are sorted by fixed cost: if this one breaks the bound, every later one does too.
      if (best && fixedSum + s.fixed + unitFloor >= best.cost) return
      const coveredAlready = [...remaining.values()].every((d) => d === 0)
      // Once covered, only a site that prepares more cheaply than one already chosen can lower the cost.
      if (coveredAlready && !chosen.some((c) => c.unit > s.unit)) continue
      // Not covered yet: if even this site and all after it cannot cover the rest, nothing further can.
      if (!coveredAlready && skus.some((sku, k) => remaining.get(sku)! > suffix[i]![k]!)) return
      chosen.push(s)
      const taken: Array<[string, number]> = []
      for (const [sku, d] of remaining) {
        const t = Math.min(d, s.cap.get(sku) ?? 0)
        if (t > 0) {
          remaining.set(sku, d - t)
          taken.push([sku, t])
        }
      }
      const covered = [...remaining.values()].every((d) => d === 0)
      // Still uncovered: at least one more site is needed, and none is cheaper than the next one.
      const next = sorted[i + 1]
      if (!covered && (!next || (best && fixedSum + s.fixed + next.fixed + unitFloor >= best.cost))) {
        for (const [sku, t] of taken) remaining.set(sku, remaining.get(sku)! + t)
        chosen.pop()
        continue
      }
      if (covered) {
        const r = evaluate(chosen, need)
        if (r && (!best || r.cost < best.cost)) best = { set: [...chosen], fill: r.fill, cost: r.cost }
      }
      // Even once covered, another site may prepare units more cheaply: keep exploring under the bound.
      dfs(i + 1, fixedSum + s.fixed)
      for (const [sku, t] of taken) remaining.set(sku, remaining.get(sku)! + t)
      chosen.pop()
      if (!complete) return
    }
  }
  dfs(0, 0)
  return { best, complete }
}

/**
 * Drops sites holding a single one of the order's SKUs that no cheapest allocation needs. Such a
 * site B is dominated by any site A that costs no more (fixed and per unit) and holds at least as
 * many units of that SKU: an allocation using B but not some A can swap B for A at no extra cost,
 * and an allocation cannot use B with as many dominators as there are units to ship (every site
 * used ships at least one unit). Sites arrive sorted by fixed cost, so dominators come first.
 */
function withoutDominatedSingles(sortedByFixed: Site[], need: Map<string, number>): Site[] {
  const units = [...need.values()].reduce((a, b) => a + b, 0)
  // holders[sku][unit cost][c] = kept sites so far with that unit cost holding ≥ c units of sku
  const holders = new Map<string, Map<number, number[]>>()
  const kept: Site[] = []
  for (const b of sortedByFixed) {
    const held = [...b.cap.entries()].filter(([sku]) => need.has(sku))
    if (held.length === 1) {
      const [sku, c] = held[0]!
      let dominators = 0
      for (const [unit, counts] of holders.get(sku) ?? []) if (unit <= b.unit) dominators += counts[c] ?? 0
      if (dominators >= units) continue
    }
    kept.push(b)
    for (const [sku, c] of held) {
      const byUnit = holders.get(sku) ?? new Map<number, number[]>()
      const counts = byUnit.get(b.unit) ?? []
      for (let k = 1; k <= c; k++) counts[k] = (counts[k] ?? 0) + 1
      byUnit.set(b.unit, counts)
      holders.set(sku, byUnit)
    }
  }
  return kept
}

/** A first allocation to bound the search: repeatedly take the site with the lowest cost per unit it covers. */
function greedyCover(sites: Site[], need: Map<string, number>) {
  const remaining = new Map(need)
  const chosen: Site[] = []
  while ([...remaining.values()].some((d) => d > 0)) {
    let pick: Site | undefined
    let pickRatio = Number.POSITIVE_INFINITY
    for (const s of sites) {
      if (chosen.includes(s)) continue
      let units = 0
      for (const [sku, d] of remaining) units += Math.min(d, s.cap.get(sku) ?? 0)
      if (units === 0) continue
      const ratio = (s.fixed + s.unit * units) / units
      if (ratio < pickRatio) {
        pickRatio = ratio
        pick = s
      }
    }
    if (!pick) return null
    chosen.push(pick)
    for (const [sku, d] of remaining) remaining.set(sku, d - Math.min(d, pick.cap.get(sku) ?? 0))
  }
  const r = evaluate(chosen, need)
  return r ? { set: chosen, fill: r.fill, cost: r.cost } : null
}

function toShipments(
  set: Site[],
  fill: Fill,
  lines: RoutingLine[],
  unallocated: RoutingDecision['unallocated'],
  model: CostModel,
): Shipment[] {
  const left = new Map<Site, Map<string, number>>([...fill].map(([s, m]) => [s, new Map(m)]))
  const shipments = new Map<Site, Shipment>()
  for (const line of lines) {
    let qty =
      line.quantity - unallocated.filter((u) => u.index === line.index).reduce((s, u) => s + u.quantity, 0)
    for (const s of set) {
      if (qty === 0) break
      const m = left.get(s)
      const t = Math.min(qty, m?.get(line.sku) ?? 0)
      if (t === 0) continue
      m!.set(line.sku, m!.get(line.sku)! - t)
      qty -= t
      const sh = shipments.get(s) ?? {
        locationId: s.c.id,
        code: s.c.code,
        name: s.c.name,
        kind: s.c.kind,
        distanceKm: Math.round(s.dist * 10) / 10,
        lines: [],
        cost: {
          shipment_cents: model.shipmentCents,
          distance_cents: Math.round(model.perKmCents * s.dist),
          preparation_cents: model.prepParcelCents[s.c.kind],
          workload_cents: s.workload,
          split_cents: 0,
          total_cents: 0,
        },
      }
      sh.lines.push({ index: line.index, sku: line.sku, quantity: t })
      sh.cost.preparation_cents += t * s.unit
      shipments.set(s, sh)
    }
  }
  const list = [...shipments.values()].sort((a, b) => a.cost.distance_cents - b.cost.distance_cents)
  list.forEach((sh, i) => {
    sh.cost.split_cents = i === 0 ? 0 : model.splitPenaltyCents
    const c = sh.cost
    c.total_cents =
      c.shipment_cents + c.distance_cents + c.preparation_cents + c.workload_cents + c.split_cents
  })
  return list
}

const euros = (cents: number) => `${(cents / 100).toFixed(2)} €`

function explain(d: RoutingDecision, sites: Site[], excluded: Excluded[]): string[] {
  const out: string[] = []
  for (const sh of d.shipments) {
    const units = sh.lines.reduce((s, l) => s + l.quantity, 0)
    out.push(
      `${units} unit(s) ship from ${sh.name} (${sh.kind}, ${sh.distanceKm} km) for ${euros(sh.cost.total_cents)}.`,
    )
  }
  const warehouses = sites.filter((s) => s.c.kind !== 'store')
  if (d.shipments.some((s) => s.kind === 'store')) {
    out.push(
      warehouses.length === 0
        ? 'Shipped from a store: no warehouse holds these items.'
        : 'Shipped from a store: cheaper than the warehouses that hold the items, or they do not hold enough.',
    )
  }
  if (d.shipments.length > 1) {
    out.push(
      `Split into ${d.shipments.length} parcels: no single eligible location holds everything at a lower cost.`,
    )
  }
  for (const e of excluded.slice(0, 5)) out.push(`Not used: ${e.name} — ${e.reason}.`)
  if (excluded.length > 5) out.push(`…and ${excluded.length - 5} other location(s) not eligible.`)
  for (const u of d.unallocated) out.push(`Cannot ship ${u.quantity} × ${u.sku}: ${u.reason}.`)
  if (!d.optimal) out.push('Search stopped at its budget: the allocation is near-optimal.')
  return out
}
