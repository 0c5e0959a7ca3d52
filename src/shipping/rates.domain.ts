import { invalidInput } from '../shared/errors.ts'

/** An area a carrier prices alike: the postcodes starting with one of its prefixes. */
export interface Zone {
  code: string
  name: string
  postcode_prefixes: string[]
}

/** A weight band of a zone: parcels heavier than `above_g` and up to `up_to_g` grams. */
export interface WeightBand {
  zone: string
  above_g: number
  up_to_g: number
}

/** What the carrier charges the brand for a band, VAT excluded. */
export interface RateBand extends WeightBand {
  cost_cents: number
}

/** What a channel charges its customer for a band, VAT included. */
export interface FeeBand extends WeightBand {
  fee_cents: number
}

/**
 * The zone of a postcode: the zone whose prefix is the longest that starts it (`20` Corsica beats
 * nothing, `971` Guadeloupe beats `97`). Null when the service does not go there.
 */
export function zoneOf(zones: readonly Zone[], postcode: string): Zone | null {
  const pc = postcode.replace(/\s/g, '')
  let best: Zone | null = null
  let bestLength = -1
  for (const zone of zones) {
    for (const prefix of zone.postcode_prefixes) {
      if (pc.startsWith(prefix) && prefix.length > bestLength) {
        best = zone
        bestLength = prefix.length
      }
    }
  }
  return best
}

/** Zones have distinct codes, and no prefix is claimed by two zones. */
export function assertZones(zones: readonly Zone[]): void {
  if (zones.length === 0) throw invalidInput('zones', 'a service serves at least one zone')
  const codes = new Set<string>()
  const prefixes = new Map<string, string>()
  zones.forEach((zone, i) => {
    if (codes.has(zone.code)) throw invalidInput(`zones/${i}/code`, `zone ${zone.code} is listed twice`)
    codes.add(zone.code)
    if (zone.postcode_prefixes.length === 0) {
      throw invalidInput(`zones/${i}/postcode_prefixes`, `zone ${zone.code} has no postcode prefix`)
    }
    for (const prefix of zone.postcode_prefixes) {
      const other = prefixes.get(prefix)
      if (other) {
        throw invalidInput(
          `zones/${i}/postcode_prefixes`,
          `prefix ${prefix} is in zones ${other} and ${zone.code}; give it to one`,
        )
      }
      prefixes.set(prefix, zone.code)
    }
  })
}

/**
 * A band table covers every zone from 0 g to the maximum weight with no gap and no overlap: each
 * zone's bands, sorted, start at 0, each starts where the previous ends, and the last ends at the
 * maximum. A gap refused here is a checkout that can never fail to price a parcel.
 */
export function assertCoverage(
  field: string,
  zones: readonly Zone[],
  bands: readonly WeightBand[],
  maxWeightG: number,
): void {
  const known = new Set(zones.map((z) => z.code))
  bands.forEach((band, i) => {
    if (!known.has(band.zone)) {
      throw invalidInput(`${field}/${i}/zone`, `zone ${band.zone} is not one of the service's zones`)
    }
    if (band.up_to_g <= band.above_g) {
      throw invalidInput(`${field}/${i}/up_to_g`, `must be above above_g (${band.above_g})`)
    }
  })
  for (const zone of zones) {
    const mine = bands.filter((b) => b.zone === zone.code).sort((a, b) => a.above_g - b.above_g)
    if (mine.length === 0) {
      throw invalidInput(field, `zone ${zone.code} has no band: parcels there could not be priced`, {
        zone: zone.code,
        gap: { above_g: 0, up_to_g: maxWeightG },
      })
    }
    let covered = 0
    for (const band of mine) {
      if (band.above_g > covered) {
        throw invalidInput(
          field,
          `zone ${zone.code} has a gap: no band for parcels above ${covered} g up to ${band.above_g} g`,
          { zone: zone.code, gap: { above_g: covered, up_to_g: band.above_g } },
        )
      }
      if (band.above_g < covered) {
        throw invalidInput(
          field,
          `zone ${zone.code}: the bands above ${band.above_g} g and below ${covered} g overlap`,
          { zone: zone.code },
        )
      }
      covered = band.up_to_g
    }
    if (covered < maxWeightG) {
      throw invalidInput(
        field,
        `zone ${zone.code} has a gap: no band for parcels above ${covered} g up to ${maxWeightG} g (the service's maximum)`,
        { zone: zone.code, gap: { above_g: covered, up_to_g: maxWeightG } },
      )
    }
    if (covered > maxWeightG) {
      throw invalidInput(
        field,
        `zone ${zone.code}: a band goes up to ${covered} g, above the service's maximum of ${maxWeightG} g`,
        { zone: zone.code },
      )
    }
  }
}

/** The band of a zone that holds a weight (a parcel of 0 g weighs as the first band). */
export function bandFor<B extends WeightBand>(bands: readonly B[], zone: string, weightG: number): B | null {
  const w = Math.max(1, weightG)
  return bands.find((b) => b.zone === zone && b.above_g < w && w <= b.up_to_g) ?? null
}

/** Girth rule: the longest side plus twice the sum of the two others. */
export function lengthPlusGirthMm(size: { length_mm: number; width_mm: number; height_mm: number }): number {
  const [a, b, c] = [size.length_mm, size.width_mm, size.height_mm].sort((x, y) => y - x) as [
    number,
    number,
    number,
  ]
  return a + 2 * (b + c)
}
