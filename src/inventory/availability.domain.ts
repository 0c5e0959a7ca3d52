import { distanceKm } from '../shared/geo.domain.ts'
/** A stock row as the availability rules see it. */
export interface StockRow {
  locationId: string
  sku: string
  onHand: number
  reserved: number
  safetyStock: number
}

/**
 * What a remote channel may promise from a row: on hand − reserved − safety stock, never below 0.
 * Safety stock keeps units on the shelf for shoppers in the store.
 */
export function availableToPromise(row: StockRow): number {
  return Math.max(0, row.onHand - row.reserved - row.safetyStock)
}

/** What the till may sell from its own shelf: the customer holds the item, safety stock does not apply. */
export function availableAtShelf(row: StockRow): number {
  return Math.max(0, row.onHand - row.reserved)
}

export interface LocationRef {
  id: string
  code: string
  name: string
  kind: string
  lat: number
  lon: number
  fulfilmentModes: string[]
}

/**
 * Parcels leave from warehouses (and dark stores). Ship-from-store is a routing decision; until a
 * routing engine makes it, a store's stock is promised for collection and the till only.
 */
export function shipsParcels(loc: { kind: string; fulfilmentModes: string[] }): boolean {
  return loc.kind !== 'store' && loc.fulfilmentModes.includes('delivery')
}

export interface AvailabilityQuery {
  channelModes: string[]
  /** Only this location. */
  locationId?: string
  /** Sort locations by distance from here, nearest first. */
  position?: { lat: number; lon: number }
}

export interface SkuAvailability {
  sku: string
  known: boolean
  listed: boolean
  /** Sum over the locations that serve the channel (0 when not listed). */
  available: number
  /** Part of `available` that can be shipped to an address. */
  delivery_available: number
  /** Locations that can serve the SKU for the channel, listed or not in `locations`. */
  location_count: number
  locations: Array<{
    location_id: string
    code: string
    name: string
    kind: string
    available: number
    modes: string[]
    distance_km?: number
  }>
}

/** What the channel may promise of a SKU, as the availability read sums and ranks it. */
export interface SkuStock {
  listed: boolean
  /** Promisable units over the locations that serve the channel, and the part that ships parcels. */
  available: number
  deliveryAvailable: number
  /** Locations that serve the channel and hold some. */
  locationCount: number
  /** The first of them in the answer's order, and how much each holds (same order). */
  locationIds: readonly string[]
  quantities: readonly number[]
}

/** A location as the availability read ranks it: `rank` orders nearest (or by code) first. */
export interface AvailabilitySite {
  id: string
  /** Serves the channel (offers one of its modes, and is the location asked for, if one was). */
  serves: boolean
  delivers: boolean
  rank: number
}

type Offer = Omit<SkuAvailability['locations'][number], 'available'>

/**
 * What each location offers a channel: its modes for the channel (a location counts when it offers at
 * least one), whether it ships parcels, its distance from the shopper; and the rank that orders the
 * answer's locations, nearest first when a position is given (ties and no position: by code). Worked out
 * once per location and request, not once per SKU and location.
 */
export function rankSites(
  locations: Map<string, LocationRef>,
  query: AvailabilityQuery,
): { sites: AvailabilitySite[]; offers: Map<string, Offer> } {
  const offers = new Map<string, Offer>()
  const sites: AvailabilitySite[] = []
  for (const loc of locations.values()) {
    const modes =
      query.locationId && loc.id !== query.locationId
        ? []
        : loc.fulfilmentModes.filter(
            (m) => query.channelModes.includes(m) && (m !== 'delivery' || shipsParcels(loc)),
          )
    sites.push({ id: loc.id, serves: modes.length > 0, delivers: modes.includes('delivery'), rank: 0 })
    if (modes.length === 0) continue
    offers.set(loc.id, {
      location_id: loc.id,
      code: loc.code,
      name: loc.name,
      kind: loc.kind,
      modes,
      ...(query.position ? { distance_km: Math.round(distanceKm(query.position, loc) * 10) / 10 } : {}),
    })
  }
  const order = [...offers.values()].sort(
    (a, b) => (a.distance_km ?? 0) - (b.distance_km ?? 0) || a.code.localeCompare(b.code),
  )
  const rankOf = new Map(order.map((o, i) => [o.location_id, i]))
  for (const site of sites) site.rank = rankOf.get(site.id) ?? 0
  return { sites, offers }
}

/**
 * Availability of each requested SKU for a channel: whether it lists it, how many it may promise, how
 * many locations hold some, and the first of them with what they offer. `catalog` holds the known SKUs
 * only; `offers` come from `rankSites`.
 */
export function summariseAvailability(
  skus: string[],
  catalog: Map<string, SkuStock>,
  offers: Map<string, Offer>,
): SkuAvailability[] {
  return skus.map((sku) => {
    const item = catalog.get(sku)
    const result: SkuAvailability = {
      sku,
      known: item !== undefined,
      listed: item?.listed ?? false,
      available: 0,
      delivery_available: 0,
      location_count: 0,
      locations: [],
    }
    if (!item?.listed) return result
    result.available = item.available
    result.delivery_available = item.deliveryAvailable
    result.location_count = item.locationCount
    for (let i = 0; i < item.locationIds.length; i++) {
      const offer = offers.get(item.locationIds[i]!)
      if (offer) result.locations.push({ ...offer, available: item.quantities[i]! })
    }
    return result
  })
}
