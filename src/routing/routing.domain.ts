import { distanceKm } from '../shared/geo.domain.ts'
import { type CostModel, lowestRate, type ParcelRate, parcelCost } from './cost-model.domain.ts'
import { type ParcelPricing, reserve, solve } from './site-search.ts'

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
  /** Grams per unit: what the line adds to its parcel's weight when parcels are priced by weight. */
  weightG?: number
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
  /** The parcel's weight from its lines' unit weights (0 when the lines carry none). */
  weightG: number
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

/** A site as the engine carries it: its holdings stay in the flat arrays of `Compiled`. */
type SiteInfo = Omit<Site, 'cap'>

const NODE_BUDGET = 20_000

export interface RoutingProblem {
  sites: Site[]
  /** Units to allocate per SKU (what no eligible location can ship is already set aside). */
  need: Map<string, number>
  unallocated: RoutingDecision['unallocated']
  excluded: Excluded[]
  /** Parcels priced by weight: grams per unit of each SKU, the rates, and their lowest (in `fixed`). */
  parcel?: { weightOf: Map<string, number>; rates: readonly ParcelRate[]; base: number }
}

/**
 * The allocation problem as the engine reads it. An order has a handful of SKUs, so each gets a
 * position and every per-SKU quantity is an array indexed by it; sites are positions too, their
 * figures in typed arrays. No Map per site to build, no hashing in the search.
 */
interface Compiled {
  /** The order's distinct SKUs, in the order of their first line. */
  skus: string[]
  /** Grams per unit of each SKU position (its first line's weight). */
  grams: number[]
  /** Sites (eligible locations holding something useful), in the order their first stock row came. */
  n: number
  cands: RoutingCandidate[]
  dist: Float64Array
  fixed: Float64Array
  unit: Float64Array
  workload: Float64Array
  /** Units site i can ship of SKU q at `i * skus.length + q` (never more than the order asks). */
  held: Int32Array
  /** Units to allocate per SKU position. */
  need: number[]
  /** SKU positions in the order their first unit became allocatable (the order of `need` as a Map). */
  needOrder: number[]
  unallocated: RoutingDecision['unallocated']
  excluded: Excluded[]
}

/** The per-site arrays of `compile`, reused from one call to the next (see `reserve` for why). */
const siteWork = {
  dist: new Float64Array(512),
  fixed: new Float64Array(512),
  unit: new Float64Array(512),
  workload: new Float64Array(512),
  held: new Int32Array(2048),
  /** The first pass's fixed costs, each parcel priced at the whole order's weight. */
  wholeFixed: new Float64Array(512),
}

/**
 * The site each location became in the call in progress (`call` tells calls apart), by location
 * id. A Map built per call grew to ~600 entries (~60 KB) on every order; this one keeps an entry per
 * location id ever routed, which the network bounds, and reuses it. It only says which position a
 * location took in the current call: nothing about an order outlives its call.
 */
const slots = new Map<string, { call: number; site: number }>()
let calls = 0
/** Refused: the location may not ship (in `Compiled.excluded`). */
const REFUSED = -1

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
  const p = compile(lines, destination, network, stock, model)
  const k = p.skus.length
  const sites = Array.from({ length: p.n }, (_, i): Site => {
    const cap = new Map<string, number>()
    for (let q = 0; q < k; q++) {
      const units = p.held[i * k + q]!
      if (units > 0) cap.set(p.skus[q]!, units)
    }
    return { ...siteInfo(p, i), cap }
  })
  const need = new Map<string, number>()
  for (const q of p.needOrder) need.set(p.skus[q]!, p.need[q]!)
  const rates = model.parcelRates
  const parcel = rates?.length
    ? { weightOf: new Map(p.skus.map((sku, q) => [sku, p.grams[q]!])), rates, base: lowestRate(rates) }
    : undefined
  return { sites, need, unallocated: p.unallocated, excluded: p.excluded, ...(parcel ? { parcel } : {}) }
}

function siteInfo(p: Compiled, i: number): SiteInfo {
  return { c: p.cands[i]!, dist: p.dist[i]!, fixed: p.fixed[i]!, unit: p.unit[i]!, workload: p.workload[i]! }
}

function compile(
  lines: RoutingLine[],
  destination: { lat: number; lon: number },
  network: Map<string, RoutingCandidate>,
  stock: StockRow[],
  model: CostModel,
): Compiled {
  const skus: string[] = []
  const demand: number[] = []
  const grams: number[] = []
  for (const l of lines) {
    const q = skus.indexOf(l.sku)
    if (q < 0) {
      skus.push(l.sku)
      demand.push(l.quantity)
      grams.push(l.weightG ?? 0)
    } else demand[q]! += l.quantity
  }
  // Priced by weight, a parcel costs at least the table's lowest rate: that much is fixed per site.
  const parcelBase = model.parcelRates?.length ? lowestRate(model.parcelRates) : model.shipmentCents
  const k = skus.length
  // There are at most as many sites as stock rows.
  const dist = reserve(siteWork, 'dist', stock.length)
  const fixed = reserve(siteWork, 'fixed', stock.length)
  const unit = reserve(siteWork, 'unit', stock.length)
  const workload = reserve(siteWork, 'workload', stock.length)
  const held = reserve(siteWork, 'held', stock.length * k)
  const cands: RoutingCandidate[] = []
  const excluded: Excluded[] = []
  // Bounds `slots` should location ids keep changing: emptying it between calls loses nothing.
  if (slots.size > 100_000) slots.clear()
  const call = ++calls
  // Stock rows come grouped by SKU: remember the last SKU's position rather than look it up per row.
  let lastSku: string | undefined
  let q = -1
  for (const row of stock) {
    if (row.sku !== lastSku) {
      lastSku = row.sku
      q = skus.indexOf(row.sku)
    }
    if (q < 0) continue
    const c = network.get(row.locationId)
    if (!c) continue
    let slot = slots.get(c.id)
    if (slot?.call === call && slot.site === REFUSED) continue
    const d = demand[q]!
    const a = Math.min(d, row.available - (c.kind === 'store' ? model.keepForStoreUnits : 0))
    if (a <= 0) continue
    if (slot?.call !== call) {
      if (!slot) {
        slot = { call, site: REFUSED }
        slots.set(c.id, slot)
      }
      slot.call = call
      const why = ineligibility(c, model)
      if (why) {
        slot.site = REFUSED
        excluded.push({ code: c.code, name: c.name, reason: why })
        continue
      }
      const i = cands.length
      slot.site = i
      cands.push(c)
      // Its fixed cost (parcel, distance, workload, split penalty) and its unit preparation cost.
      dist[i] = distanceKm(c, destination)
      const load = c.dailyCapacity > 0 ? c.openTasks / c.dailyCapacity : c.kind === 'store' ? 1 : 0
      workload[i] =
        c.kind === 'store'
          ? load >= 1
            ? model.atCapacityPenaltyCents
            : Math.round(model.workloadPenaltyCents * load)
          : 0
      fixed[i] =
        parcelBase +
        Math.round(model.perKmCents * dist[i]!) +
        model.prepParcelCents[c.kind] +
        workload[i]! +
        model.splitPenaltyCents
      unit[i] = model.prepUnitCents[c.kind]
      held.fill(0, i * k, (i + 1) * k)
      if (workload[i]! >= model.atCapacityPenaltyCents) {
        excluded.push({
          code: c.code,
          name: c.name,
          reason: `at preparation capacity (${c.openTasks}/${c.dailyCapacity})`,
        })
      }
    }
    const at = slot.site * k + q
    held[at] = Math.min(d, held[at]! + a)
  }
  const n = cands.length
  const coverable = demand.map((d, q) => {
    let total = 0
    for (let at = q; at < n * k; at += k) total += held[at]!
    return Math.min(d, total)
  })
  const unallocated: RoutingDecision['unallocated'] = []
  const need = skus.map(() => 0)
  const needOrder: number[] = []
  for (const l of lines) {
    const q = skus.indexOf(l.sku)
    const left = coverable[q]!
    const take = Math.min(left, l.quantity)
    coverable[q] = left - take
    if (take > 0) {
      if (need[q] === 0) needOrder.push(q)
      need[q]! += take
    }
    if (take < l.quantity) {
      unallocated.push({
        index: l.index,
        sku: l.sku,
        quantity: l.quantity - take,
        reason: `no eligible location can ship ${l.quantity - take} more of ${l.sku}`,
      })
    }
  }
  return { skus, grams, n, cands, dist, fixed, unit, workload, held, need, needOrder, unallocated, excluded }
}

/** The cheapest way to ship an order's lines, with its cost breakdown and a plain-language explanation. */
export function routeDelivery(
  lines: RoutingLine[],
  destination: { lat: number; lon: number },
  network: Map<string, RoutingCandidate>,
  stock: StockRow[],
  model: CostModel,
): RoutingDecision & { excluded: Excluded[]; objectiveCents: number } {
  const p = compile(lines, destination, network, stock, model)
  // The search sees only the SKUs with units to allocate: usually all of them, in the same order.
  const skuAt = p.needOrder
  const k = skuAt.length
  let cap = p.held
  if (k !== p.skus.length || skuAt.some((q, j) => q !== j)) {
    cap = new Int32Array(p.n * k)
    for (let i = 0; i < p.n; i++) {
      for (let j = 0; j < k; j++) cap[i * k + j] = p.held[i * p.skus.length + skuAt[j]!]!
    }
  }
  const rates = model.parcelRates
  const parcel: ParcelPricing | undefined = rates?.length
    ? { weight: Float64Array.from(skuAt, (q) => p.grams[q]!), rates, base: lowestRate(rates) }
    : undefined
  const need = skuAt.map((q) => p.need[q]!)
  let start: number[] | undefined
  if (parcel) {
    // First pass: every parcel priced as if it carried the whole order. That over-prices a split,
    // so it finds the best consolidated allocation fast; the weighed search starts from its set.
    let grams = 0
    for (let j = 0; j < k; j++) grams += need[j]! * parcel.weight[j]!
    const whole = parcelCost(parcel.rates, grams) - parcel.base
    // In a buffer kept from call to call: `Float64Array.from` over ~450 sites allocated ~80 KB per
    // order (an iterator result and a boxed number per site), a minor GC every ~100 orders.
    const fixed = reserve(siteWork, 'wholeFixed', p.n)
    for (let i = 0; i < p.n; i++) fixed[i] = p.fixed[i]! + whole
    start = solve({ n: p.n, need, fixed, unit: p.unit, cap }, NODE_BUDGET).best?.set
  }
  const search = solve({ n: p.n, need, fixed: p.fixed, unit: p.unit, cap, parcel }, NODE_BUDGET, start)
  const shipments = search.best
    ? toShipments(
        search.best.set.map((i) => siteInfo(p, i)),
        search.best.take,
        skuAt.map((q) => p.skus[q]!),
        skuAt.map((q) => p.grams[q]!),
        lines,
        p.unallocated,
        model,
      )
    : []
  const totalCostCents = shipments.reduce((s, sh) => s + sh.cost.total_cents, 0)
  const decision: RoutingDecision = {
    shipments,
    totalCostCents,
    unallocated: p.unallocated,
    optimal: search.complete,
    explanation: [],
  }
  let warehouses = 0
  for (let i = 0; i < p.n; i++) if (p.cands[i]!.kind !== 'store') warehouses++
  decision.explanation = explain(decision, warehouses, p.excluded)
  return { ...decision, excluded: p.excluded, objectiveCents: search.best?.cost ?? 0 }
}

type Fill = Map<Site, Map<string, number>>

/**
 * Branch and bound over sets of sites (see `solve` in site-search.ts). Given a set, filling each SKU
 * from the cheapest-to-prepare site is optimal (unit costs do not depend on the SKU), so the search
 * is exact when it completes within its node budget. The objective counts every site's split
 * penalty; the shipped cost refunds it for the first parcel.
 */
export function solveProblem({ sites, need, parcel }: Pick<RoutingProblem, 'sites' | 'need' | 'parcel'>) {
  const skus = [...need.keys()]
  const k = skus.length
  const cap = new Int32Array(sites.length * k)
  sites.forEach((s, i) => {
    skus.forEach((sku, q) => {
      cap[i * k + q] = Math.min(need.get(sku)!, s.cap.get(sku) ?? 0)
    })
  })
  const search = solve(
    {
      n: sites.length,
      need: skus.map((sku) => need.get(sku)!),
      fixed: Float64Array.from(sites, (s) => s.fixed),
      unit: Float64Array.from(sites, (s) => s.unit),
      cap,
      parcel: parcel && {
        weight: Float64Array.from(skus, (sku) => parcel.weightOf.get(sku) ?? 0),
        rates: parcel.rates,
        base: parcel.base,
      },
    },
    NODE_BUDGET,
  )
  if (!search.best) return { best: null, complete: search.complete }
  const { set, take, cost } = search.best
  const fill: Fill = new Map()
  set.forEach((i, j) => {
    for (let q = 0; q < k; q++) {
      const t = take[j * k + q]!
      if (t === 0) continue
      const site = sites[i]!
      const m = fill.get(site) ?? new Map<string, number>()
      m.set(skus[q]!, t)
      fill.set(site, m)
    }
  })
  return { best: { set: set.map((i) => sites[i]!), fill, cost }, complete: search.complete }
}

/**
 * The shipments of an allocation: `take[j * K + q]` units of `skus[q]` from the j-th site of `set`,
 * spread over the order's lines.
 */
function toShipments(
  set: SiteInfo[],
  take: number[],
  skus: string[],
  grams: number[],
  lines: RoutingLine[],
  unallocated: RoutingDecision['unallocated'],
  model: CostModel,
): Shipment[] {
  const K = skus.length
  const left = [...take]
  const shipments = new Map<SiteInfo, Shipment>()
  for (const line of lines) {
    let qty =
      line.quantity - unallocated.filter((u) => u.index === line.index).reduce((s, u) => s + u.quantity, 0)
    const q = skus.indexOf(line.sku)
    for (let j = 0; j < set.length; j++) {
      if (qty === 0) break
      const t = Math.min(qty, left[j * K + q]!)
      if (t === 0) continue
      left[j * K + q]! -= t
      qty -= t
      const s = set[j]!
      const sh = shipments.get(s) ?? {
        locationId: s.c.id,
        code: s.c.code,
        name: s.c.name,
        kind: s.c.kind,
        distanceKm: Math.round(s.dist * 10) / 10,
        weightG: 0,
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
      sh.weightG += t * grams[q]!
      sh.cost.preparation_cents += t * s.unit
      shipments.set(s, sh)
    }
  }
  const list = [...shipments.values()].sort((a, b) => a.cost.distance_cents - b.cost.distance_cents)
  list.forEach((sh, i) => {
    // Each parcel pays the carrier's rate for its own weight.
    if (model.parcelRates?.length) sh.cost.shipment_cents = parcelCost(model.parcelRates, sh.weightG)
    sh.cost.split_cents = i === 0 ? 0 : model.splitPenaltyCents
    const c = sh.cost
    c.total_cents =
      c.shipment_cents + c.distance_cents + c.preparation_cents + c.workload_cents + c.split_cents
  })
  return list
}

const euros = (cents: number) => `${(cents / 100).toFixed(2)} €`

/** `warehouses`: how many sites are not stores (warehouses and dark stores). */
function explain(d: RoutingDecision, warehouses: number, excluded: Excluded[]): string[] {
  const out: string[] = []
  for (const sh of d.shipments) {
    const units = sh.lines.reduce((s, l) => s + l.quantity, 0)
    out.push(
      `${units} unit(s) ship from ${sh.name} (${sh.kind}, ${sh.distanceKm} km) for ${euros(sh.cost.total_cents)}.`,
    )
  }
  if (d.shipments.some((s) => s.kind === 'store')) {
    out.push(
      warehouses === 0
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
