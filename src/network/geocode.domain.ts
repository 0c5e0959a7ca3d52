import centroids from './postcode-centroids.data.json' with { type: 'json' }

type Centroids = Record<string, [number, number]>
const postcodes = centroids.postcodes as unknown as Centroids
const departments = centroids.departments as unknown as Centroids

/** Where a parcel goes: a French address, with its coordinates when the web shop knows them. */
export type DeliveryAddress = {
  name: string
  line1: string
  postcode: string
  city: string
  country: string
  lat?: number
  lon?: number
}

export interface Located {
  lat: number
  lon: number
  /** How the point was found: given with the address, the postcode's towns, or the department's. */
  precision: 'address' | 'postcode' | 'department'
}

/**
 * Where a French delivery address is, for routing: its own coordinates when the web shop sent them,
 * else the population-weighted centre of its postcode's towns, else of its department. Carriers price
 * by zone, so this is as precise as the choice between locations needs.
 */
export function locateAddress(address: { postcode: string; country?: string; lat?: number; lon?: number }) {
  if (address.lat !== undefined && address.lon !== undefined) {
    return { lat: address.lat, lon: address.lon, precision: 'address' } satisfies Located
  }
  if ((address.country ?? 'FR') !== 'FR') return null
  const pc = address.postcode.replace(/\s/g, '')
  const exact = postcodes[pc]
  if (exact) return { lat: exact[0], lon: exact[1], precision: 'postcode' } satisfies Located
  // Corsica's postcodes start with 20 but its departments are 2A and 2B.
  const dep = pc.startsWith('20') ? (Number(pc) < 20200 ? '2A' : '2B') : pc.slice(0, 2)
  const area = departments[dep]
  return area ? ({ lat: area[0], lon: area[1], precision: 'department' } satisfies Located) : null
}
