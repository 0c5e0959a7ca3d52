import type { Executor } from '../db/database.ts'

/** What the customer pays to have the order delivered by one carrier service, and what it costs the brand. */
export interface DeliveryFeeQuote {
  serviceCode: string
  serviceName: string
  carrier: string
  kind: 'home' | 'relay' | 'express'
  zone: string
  /** VAT included; 0 when waived. */
  feeCents: number
  vatCents: number
  vatRateBp: number
  /** The fee before it was waived. */
  listFeeCents: number
  freeReason: 'basket_threshold' | 'promotion' | null
  /** What the carrier charges the brand for one parcel, VAT excluded. */
  parcelCostCents: number
  /** The carrier's rates to this zone by weight band, VAT excluded: what each parcel of a split costs. */
  parcelRates: Array<{ upToG: number; costCents: number }>
}

export interface DeliveryFeeRequest {
  serviceCode: string
  postcode: string
  weightG: number
  /** The basket, VAT included, after promotions, before delivery. */
  basketCents: number
  promotionCodes: readonly string[]
}

/** Prices a delivery from a channel's fee tables, already loaded: pure, on the order's decision. */
export interface DeliveryPricer {
  quote(req: DeliveryFeeRequest): DeliveryFeeQuote | null
  /** Whether a voucher code is one of the channel's delivery promotions (it waives a fee, not a price). */
  isDeliveryCode(code: string): boolean
}

/**
 * Delivery fees, seen from the order: the fee is a line of the order's totals, so it is decided with
 * the order, before its one statement; but the carriers' rate tables are the shipping capability's,
 * which sits above orders (parcels are made from orders' tasks). The order names what it needs here
 * and the composition (src/app/ports.ts) plugs shipping in. Only an order that names a delivery
 * service asks: others pay nothing for it.
 */
export interface DeliveryFees {
  /** The pricer of a channel (its tables cached for a few seconds). */
  pricerFor(q: Executor, channelId: string): Promise<DeliveryPricer>
}

let provided: DeliveryFees | null = null

/** Called once by the composition, before any order is placed. */
export function provideDeliveryFees(fees: DeliveryFees) {
  provided = fees
}

export function deliveryFees(): DeliveryFees {
  if (!provided) {
    throw new Error('No delivery fees provided: the composition (src/app/ports.ts) must be loaded first.')
  }
  return provided
}
