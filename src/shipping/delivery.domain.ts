import { vatIncluded } from '../shared/money.domain.ts'
import { bandFor, type FeeBand, type RateBand, type Zone, zoneOf } from './rates.domain.ts'

/** A carrier service as quoting and labelling need it. */
export interface ServiceRecord {
  id: string
  code: string
  name: string
  carrier: string
  kind: 'home' | 'relay' | 'express'
  trackingPrefix: string
  transitDays: number
  cutoffHour: number
  maxWeightG: number
  maxSizeMm: number
  zones: Zone[]
  rates: RateBand[]
  active: boolean
}

/** A channel's price of a service for its customers. */
export interface FeeRecord {
  serviceId: string
  bands: FeeBand[]
  freeFromCents: number | null
  freeCodes: string[]
  vatRateBp: number
}

export interface QuoteRequest {
  postcode: string
  weightG: number
  /** The basket, VAT included, before delivery. */
  basketCents: number
  promotionCodes: string[]
}

export type FreeReason = 'basket_threshold' | 'promotion' | null

export interface DeliveryQuote {
  service: ServiceRecord
  zone: string
  /** What the customer pays, VAT included, and its VAT. */
  feeCents: number
  vatCents: number
  vatRateBp: number
  /** The fee before it was waived, when it was. */
  listFeeCents: number
  freeReason: FreeReason
  /** What the carrier charges the brand, VAT excluded. */
  costCents: number
}

/**
 * What one service costs the customer and the brand for a parcel: null when the service does not
 * serve the postcode or carry the weight, or when the channel does not sell it. The fee is waived
 * above the channel's basket threshold, or with one of its promotion codes.
 */
export function quoteService(
  service: ServiceRecord,
  fee: FeeRecord | undefined,
  req: QuoteRequest,
): DeliveryQuote | null {
  if (!service.active || !fee) return null
  if (req.weightG > service.maxWeightG) return null
  const zone = zoneOf(service.zones, req.postcode)
  if (!zone) return null
  // Both tables were refused on save if a zone or weight was not covered: a band is always found.
  const rate = bandFor(service.rates, zone.code, req.weightG)
  const band = bandFor(fee.bands, zone.code, req.weightG)
  if (!rate || !band) return null
  const codes = new Set(req.promotionCodes.map((c) => c.trim().toUpperCase()))
  const freeReason: FreeReason =
    fee.freeFromCents !== null && req.basketCents >= fee.freeFromCents
      ? 'basket_threshold'
      : fee.freeCodes.some((c) => codes.has(c.toUpperCase()))
        ? 'promotion'
        : null
  const feeCents = freeReason ? 0 : band.fee_cents
  return {
    service,
    zone: zone.code,
    feeCents,
    vatCents: vatIncluded(feeCents, fee.vatRateBp),
    vatRateBp: fee.vatRateBp,
    listFeeCents: band.fee_cents,
    freeReason,
    costCents: rate.cost_cents,
  }
}

/** Every service a channel sells for this parcel, cheapest for the customer first, then fastest. */
export function quoteAll(
  services: readonly ServiceRecord[],
  fees: ReadonlyMap<string, FeeRecord>,
  req: QuoteRequest,
): DeliveryQuote[] {
  return services
    .map((s) => quoteService(s, fees.get(s.id), req))
    .filter((q): q is DeliveryQuote => q !== null)
    .sort((a, b) => a.feeCents - b.feeCents || a.service.transitDays - b.service.transitDays)
}

const PARIS = 'Europe/Paris'

/** The calendar day and hour in Paris of an instant. */
function parisDay(at: Date): { day: Date; hour: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: PARIS,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at)
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value)
  return { day: new Date(Date.UTC(get('year'), get('month') - 1, get('day'))), hour: get('hour') }
}

const isWorkingDay = (d: Date) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6
const nextDay = (d: Date) => new Date(d.getTime() + 86_400_000)

/**
 * The day a parcel ready at `readyAt` is delivered: handed over that working day before the
 * service's cut-off (else the next working day), then carried `transitDays` working days (Monday to
 * Friday). Answered as a calendar date, YYYY-MM-DD.
 */
export function deliveryDate(service: Pick<ServiceRecord, 'transitDays' | 'cutoffHour'>, readyAt: Date) {
  const { day, hour } = parisDay(readyAt)
  let handover = day
  if (!isWorkingDay(handover) || hour >= service.cutoffHour) {
    handover = nextDay(handover)
    while (!isWorkingDay(handover)) handover = nextDay(handover)
  }
  let delivered = handover
  for (let left = service.transitDays; left > 0; ) {
    delivered = nextDay(delivered)
    if (isWorkingDay(delivered)) left--
  }
  return { handover: handover.toISOString().slice(0, 10), delivery: delivered.toISOString().slice(0, 10) }
}
