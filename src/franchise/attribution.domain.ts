import { distanceKm } from '../shared/geo.domain.ts'

/**
 * The rules that can attribute an online sale to a store, tried in the order the retailer chose;
 * the first that names a store wins and is recorded with the order.
 */
export const attributionRules = [
  'collecting_store',
  'selling_store',
  'delivery_catchment',
  'home_store',
  'shipping_store',
] as const
export type AttributionRule = (typeof attributionRules)[number]

export const defaultRuleOrder: AttributionRule[] = [...attributionRules]

/** A store's catchment area: the addresses nearest to it, a drawn radius, or a list of postcodes. */
export type Catchment =
  | { kind: 'nearest' }
  | { kind: 'radius'; radius_km: number }
  | { kind: 'postcodes'; postcodes: string[] }

export interface NetworkStore {
  id: string
  name: string
  lat: number
  lon: number
  ownership: 'owned' | 'franchised'
  /** The franchisee running it under contract; null for owned stores and unassigned ones. */
  franchiseeId: string | null
  catchment: Catchment
}

export interface AttributionLine {
  id: string
  fulfilment: 'takeaway' | 'delivery' | 'pickup' | 'reserve'
  sourceLocationId: string
  pickupLocationId: string | null
  totalCents: number
}

export interface Place {
  lat: number
  lon: number
  postcode: string
}

export interface OrderForAttribution {
  /** The store where the sale was made (till, endless aisle), if any. */
  storeId: string | null
  lines: AttributionLine[]
  /** Where the delivery goes, placed; null without a delivery. */
  delivery: Place | null
  /** Where the customer lives, placed; null without a known address. */
  home: Place | null
}

export interface Attribution {
  storeId: string
  rule: AttributionRule
  reason: string
}

/** Online sales only: goods carried away at a till are the store's own sale, never a commission. */
export function commissionableLines<L extends { fulfilment: string }>(lines: L[]): L[] {
  return lines.filter((l) => l.fulfilment !== 'takeaway')
}

/** The store of the line worth the most among those matching, first line on a tie. */
function heaviestStore(lines: AttributionLine[], storeOf: (l: AttributionLine) => string | null) {
  const value = new Map<string, number>()
  for (const l of lines) {
    const id = storeOf(l)
    if (id) value.set(id, (value.get(id) ?? 0) + l.totalCents)
  }
  let best: string | null = null
  for (const [id, v] of value) if (best === null || v > value.get(best)!) best = id
  return best
}

const km = (d: number) => `${d.toFixed(1)} km`

/**
 * The store whose catchment holds a place: a store listing the postcode first, then a drawn radius
 * holding it (the nearest such store), then the nearest store keeping the default catchment, within
 * `nearestMaxKm` (beyond, nobody's catchment).
 */
export function catchmentStore(
  place: Place,
  stores: NetworkStore[],
  nearestMaxKm: number,
): { store: NetworkStore; how: string } | null {
  const pc = place.postcode.replace(/\s/g, '')
  const listed = stores.find((s) => s.catchment.kind === 'postcodes' && s.catchment.postcodes.includes(pc))
  if (listed) return { store: listed, how: `postcode ${pc} is in the catchment list of ${listed.name}` }
  let radius: { store: NetworkStore; d: number } | null = null
  let nearest: { store: NetworkStore; d: number } | null = null
  for (const s of stores) {
    const d = distanceKm(place, s)
    if (s.catchment.kind === 'radius' && d <= s.catchment.radius_km && (!radius || d < radius.d))
      radius = { store: s, d }
    if (s.catchment.kind === 'nearest' && (!nearest || d < nearest.d)) nearest = { store: s, d }
  }
  if (radius) {
    const r = radius.store.catchment as { radius_km: number }
    return {
      store: radius.store,
      how: `${km(radius.d)} from ${radius.store.name}, within its ${r.radius_km} km radius`,
    }
  }
  if (nearest && nearest.d <= nearestMaxKm)
    return { store: nearest.store, how: `${km(nearest.d)} away, ${nearest.store.name} is the nearest store` }
  return null
}

/**
 * Which store an order is attributed to, by the first rule of `rules` that names one, with why.
 * Null when no rule applies (a till sale carried away, an address in nobody's catchment). The store
 * may be owned: the sale then stays with the brand and earns no commission.
 */
export function attribute(
  order: OrderForAttribution,
  stores: NetworkStore[],
  rules: readonly AttributionRule[],
  nearestMaxKm: number,
): Attribution | null {
  const byId = new Map(stores.map((s) => [s.id, s]))
  const lines = commissionableLines(order.lines)
  if (lines.length === 0) return null
  const name = (id: string) => byId.get(id)?.name ?? id
  for (const rule of rules) {
    const found = apply(rule)
    if (found) return { ...found, rule }
  }
  return null

  function apply(rule: AttributionRule): { storeId: string; reason: string } | null {
    switch (rule) {
      case 'collecting_store': {
        const collected = lines.filter((l) => l.fulfilment === 'pickup' || l.fulfilment === 'reserve')
        const id = heaviestStore(collected, (l) => l.pickupLocationId)
        return id ? { storeId: id, reason: `collected in ${name(id)}` } : null
      }
      case 'selling_store':
        return order.storeId && byId.has(order.storeId)
          ? {
              storeId: order.storeId,
              reason: `ordered at the till of ${name(order.storeId)} (endless aisle)`,
            }
          : null
      case 'delivery_catchment': {
        if (!order.delivery || !lines.some((l) => l.fulfilment === 'delivery')) return null
        const c = catchmentStore(order.delivery, stores, nearestMaxKm)
        return c ? { storeId: c.store.id, reason: `delivered in its catchment: ${c.how}` } : null
      }
      case 'home_store': {
        if (!order.home) return null
        const c = catchmentStore(order.home, stores, nearestMaxKm)
        return c ? { storeId: c.store.id, reason: `the customer's home store: ${c.how}` } : null
      }
      case 'shipping_store': {
        const shipped = lines.filter((l) => l.fulfilment === 'delivery' && byId.has(l.sourceLocationId))
        const id = heaviestStore(shipped, (l) => l.sourceLocationId)
        return id ? { storeId: id, reason: `shipped from ${name(id)} (ship-from-store)` } : null
      }
    }
  }
}
