import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { propertyRuns } from '../testing/property-runs.ts'
import { deliveryDate, type FeeRecord, quoteService, type ServiceRecord } from './delivery.domain.ts'
import { assertCoverage, assertZones, bandFor, type RateBand, type Zone, zoneOf } from './rates.domain.ts'
import { isValidTrackingNumber, s10CheckDigit, statusAfter, trackingNumber } from './tracking.domain.ts'

const zones: Zone[] = [
  { code: 'FR-M', name: 'Métropole', postcode_prefixes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] },
  { code: 'FR-20', name: 'Corse', postcode_prefixes: ['20'] },
  { code: 'DOM', name: 'Outre-mer', postcode_prefixes: ['97'] },
]

/** Contiguous bands from 0 to `max` for each zone, cut at the given weights. */
function table(cuts: number[], max: number, zoneCodes = zones.map((z) => z.code)): RateBand[] {
  const edges = [0, ...[...new Set(cuts)].filter((c) => c > 0 && c < max).sort((a, b) => a - b), max]
  return zoneCodes.flatMap((zone) =>
    edges.slice(1).map((up, i) => ({ zone, above_g: edges[i]!, up_to_g: up, cost_cents: 100 + i })),
  )
}

describe('rate tables', () => {
  it('a table covering every zone from 0 g to the maximum is accepted, and prices every weight', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 29_999 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 30_000 }),
        (cuts, weight) => {
          const rates = table(cuts, 30_000)
          assertCoverage('rates', zones, rates, 30_000)
          for (const zone of zones) {
            const band = bandFor(rates, zone.code, weight)
            expect(band).not.toBeNull()
            expect(band!.above_g < weight && weight <= band!.up_to_g).toBe(true)
          }
        },
      ),
      { numRuns: propertyRuns(200) },
    )
  })

  it('dropping any band of a covering table leaves a gap that is refused, naming the zone and the weights', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 29_999 }), { maxLength: 6 }), fc.nat(), (cuts, pick) => {
        const rates = table(cuts, 30_000)
        const dropped = rates[pick % rates.length]!
        const holed = rates.filter((r) => r !== dropped)
        let error: unknown
        try {
          assertCoverage('rates', zones, holed, 30_000)
        } catch (e) {
          error = e
        }
        expect(error).toMatchObject({
          code: 'invalid_input',
          details: { field: 'rates', zone: dropped.zone },
        })
      }),
      { numRuns: propertyRuns(200) },
    )
  })

  it('overlapping bands, a zone of nobody’s and a band past the maximum are refused', () => {
    const overlap = [...table([1000], 5000), { zone: 'FR-M', above_g: 500, up_to_g: 2000, cost_cents: 1 }]
    expect(() => assertCoverage('rates', zones, overlap, 5000)).toThrow(/overlap/)
    const stranger = [...table([], 5000), { zone: 'MARS', above_g: 0, up_to_g: 5000, cost_cents: 1 }]
    expect(() => assertCoverage('rates', zones, stranger, 5000)).toThrow(/MARS is not one of/)
    expect(() => assertCoverage('rates', zones, table([], 6000), 5000)).toThrow(/above the service's maximum/)
  })

  it('zones: the longest prefix wins; a prefix in two zones is refused', () => {
    expect(zoneOf(zones, '20000')?.code).toBe('FR-20')
    expect(zoneOf(zones, '97110')?.code).toBe('DOM')
    expect(zoneOf(zones, '69002')?.code).toBe('FR-M')
    expect(zoneOf(zones.slice(1), '69002')).toBeNull()
    expect(() => assertZones([...zones, { code: 'X', name: 'X', postcode_prefixes: ['20'] }])).toThrow(
      /prefix 20 is in zones FR-20 and X/,
    )
  })
})

const service: ServiceRecord = {
  id: 'csv_1',
  code: 'COLIS',
  name: 'Colis national',
  carrier: 'Poste',
  kind: 'home',
  trackingPrefix: 'CN',
  transitDays: 2,
  cutoffHour: 15,
  maxWeightG: 30_000,
  maxSizeMm: 3000,
  zones,
  rates: table([1000, 5000], 30_000),
  active: true,
}
const fee: FeeRecord = {
  serviceId: 'csv_1',
  bands: table([1000, 5000], 30_000).map(({ cost_cents, ...b }) => ({ ...b, fee_cents: cost_cents * 5 })),
  freeFromCents: 6000,
  freeCodes: ['LIVRAISON'],
  vatRateBp: 2000,
}

describe('delivery quotes', () => {
  it('a fee carries its VAT; it is waived above the threshold or with a code; a service not sold is no option', () => {
    const req = { postcode: '69002', weightG: 1200, basketCents: 3000, promotionCodes: [] }
    expect(quoteService(service, fee, req)).toMatchObject({ feeCents: 505, vatCents: 84, costCents: 101 })
    expect(quoteService(service, fee, { ...req, basketCents: 6000 })).toMatchObject({
      feeCents: 0,
      vatCents: 0,
      listFeeCents: 505,
      freeReason: 'basket_threshold',
    })
    expect(quoteService(service, fee, { ...req, promotionCodes: [' livraison '] })?.freeReason).toBe(
      'promotion',
    )
    expect(quoteService(service, undefined, req)).toBeNull()
    expect(quoteService({ ...service, active: false }, fee, req)).toBeNull()
    expect(quoteService(service, fee, { ...req, weightG: 30_001 })).toBeNull()
  })

  it('delivery days: before the cut-off it leaves that working day; after it, or at a weekend, the next one', () => {
    // Wednesday 4 March 2026, 11:00 and 16:00 in Paris (UTC+1).
    expect(deliveryDate(service, new Date('2026-03-04T10:00:00Z'))).toEqual({
      handover: '2026-03-04',
      delivery: '2026-03-06',
    })
    expect(deliveryDate(service, new Date('2026-03-04T15:00:00Z'))).toEqual({
      handover: '2026-03-05',
      delivery: '2026-03-09',
    })
    // Saturday: handed over on Monday.
    expect(deliveryDate({ transitDays: 1, cutoffHour: 15 }, new Date('2026-03-07T09:00:00Z'))).toEqual({
      handover: '2026-03-09',
      delivery: '2026-03-10',
    })
    // Summer time (UTC+2): 14:30 UTC is 16:30 in Paris, after the cut-off.
    expect(deliveryDate(service, new Date('2026-07-01T14:30:00Z')).handover).toBe('2026-07-02')
  })
})

describe('tracking numbers (UPU S10)', () => {
  it('computes the check digit the standard gives, and refuses a mistyped number', () => {
    expect(s10CheckDigit('12345678')).toBe(5)
    expect(trackingNumber('RA', 12345678)).toBe('RA123456785FR')
    expect(trackingNumber('CN', 10000001)).toBe('CN100000017FR')
    expect(isValidTrackingNumber('RA123456785FR')).toBe(true)
    expect(isValidTrackingNumber('RA123456784FR')).toBe(false)
    expect(isValidTrackingNumber('RA12345678FR')).toBe(false)
  })

  it('every number made is valid, and any other check digit is refused', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.integer({ min: 1, max: 9 }),
        (serial, shift) => {
          const n = trackingNumber('CN', serial)
          expect(isValidTrackingNumber(n)).toBe(true)
          const wrong = `${n.slice(0, 10)}${(Number(n[10]) + shift) % 10}FR`
          expect(isValidTrackingNumber(wrong)).toBe(false)
        },
      ),
      { numRuns: propertyRuns(300) },
    )
  })

  it('a late carrier event never takes a parcel back: delivered stays delivered', () => {
    expect(statusAfter('delivered', 'in_transit')).toBe('delivered')
    expect(statusAfter('in_transit', 'exception')).toBe('exception')
    expect(statusAfter('exception', 'out_for_delivery')).toBe('out_for_delivery')
    expect(statusAfter('shipped', 'returned_to_sender')).toBe('returned_to_sender')
  })
})
