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
  /** Locations listed per SKU (the first ones in the order above); every one when absent. */
  maxLocations?: number
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

/** What the channel may promise of a SKU: whether it lists it, and its promisable stock by location. */
export interface SkuStock {
  listed: boolean
  /** Locations holding promisable stock, and how much each holds (same order). */
  locationIds: readonly string[]
  quantities: readonly number[]
}

type Offer = Omit<SkuAvailability['locations'][number], 'available'> & { delivers: boolean }

/**
 * Availability of each requested SKU for a channel: which locations can serve it, how many, and
 * how far. A location counts for a channel when it offers at least one of the channel's modes.
 * `catalog` holds the known SKUs only. What a location offers (its modes for the channel, its
 * distance) is worked out once per location, not once per SKU and location.
 */
export function summariseAvailability(
  skus: string[],
  catalog: Map<string, SkuStock>,
  locations: Map<string, LocationRef>,
  query: AvailabilityQuery,
): SkuAvailability[] {
  const offers = new Map<string, Offer | null>()
  const offerOf = (locationId: string): Offer | null => {
    let offer = offers.get(locationId)
    if (offer !== undefined) return offer
    offer = null
    const loc = locations.get(locationId)
    if (loc && (!query.locationId || loc.id === query.locationId)) {
      const modes = loc.fulfilmentModes.filter(
        (m) => query.channelModes.includes(m) && (m !== 'delivery' || shipsParcels(loc)),
      )
      if (modes.length > 0) {
        offer = {
          location_id: loc.id,
          code: loc.code,
          name: loc.name,
          kind: loc.kind,
          modes,
          ...(query.position ? { distance_km: Math.round(distanceKm(query.position, loc) * 10) / 10 } : {}),
          delivers: modes.includes('delivery'),
        }
      }
    }
    offers.set(locationId, offer)
    return offer
  }

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
    // Every serving location counts in the totals; only the first `maxLocations` become entries
    // (with 200 stores, building, sorting and dropping 200 entries per SKU cost more than the query).
    const held: Array<{ offer: Offer; available: number }> = []
    for (let i = 0; i < item.locationIds.length; i++) {
      const available = item.quantities[i]!
      if (!(available > 0)) continue
      const offer = offerOf(item.locationIds[i]!)
      if (!offer) continue
      result.available += available
      if (offer.delivers) result.delivery_available += available
      held.push({ offer, available })
    }
    result.location_count = held.length
    const byCode = (a: Offer, b: Offer) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
    if (query.position) {
      held.sort((a, b) => (a.offer.distance_km ?? 0) - (b.offer.distance_km ?? 0) || byCode(a.offer, b.offer))
    } else held.sort((a, b) => b.available - a.available || byCode(a.offer, b.offer))
    const shown = query.maxLocations === undefined ? held.length : Math.min(held.length, query.maxLocations)
    for (let i = 0; i < shown; i++) {
      const { offer, available } = held[i]!
      result.locations.push({
        location_id: offer.location_id,
        code: offer.code,
        name: offer.name,
        kind: offer.kind,
        available,
        modes: offer.modes,
        ...(offer.distance_km !== undefined ? { distance_km: offer.distance_km } : {}),
      })
    }
    return result
  })
}
