import type { Static } from '@fastify/type-provider-typebox'
import type { DeliveryAddress } from '../network/index.ts'
import { invalidInput } from '../shared/errors.ts'
import { rateToPercent } from '../shared/money.domain.ts'
import type { DeliveryFeeQuote, DeliveryPricer } from './delivery-fees.ts'
import type { DeliveryChoice as DeliveryChoiceSchema } from './fulfilment/fulfilment.contract.ts'
import { refused } from './orders.errors.ts'

/** The delivery an order chose, priced: what the routing and the totals take from it. */
export interface DeliveryChoice {
  quote: DeliveryFeeQuote
  weightG: number
  /** Every delivered unit's weight is known (the catalogue's): each parcel is priced at its own weight. */
  weighed: boolean
  relayPointId: string | null
}

type Stored = Static<typeof DeliveryChoiceSchema>

/** A parcel the web shop did not weigh is priced in the first band of its zone. */
const UNWEIGHED_G = 1

const euros = (cents: number) => `${(cents / 100).toFixed(2)} €`

/**
 * Prices the order's delivery service for its delivery lines: the basket (VAT included, after
 * promotions) decides whether the channel's free threshold waives the fee; a promotion code the
 * channel lists waives it too. Refused when the channel does not sell the service there.
 */
export function priceDelivery(
  input: {
    delivery?: { service: string; weight_g?: number; relay_point_id?: string }
    delivery_address?: DeliveryAddress
    promotion_codes?: string[]
  },
  lines: ReadonlyArray<{ fulfilment: string; totalCents: number; sku: string; quantity: number }>,
  ctx: { deliveryPricer?: DeliveryPricer; variants: ReadonlyMap<string, { weightG?: number | null }> },
): DeliveryChoice {
  const asked = input.delivery!
  if (!lines.some((l) => l.fulfilment === 'delivery')) {
    throw invalidInput('delivery', 'names a delivery service but no line is delivered')
  }
  if (!input.delivery_address) throw invalidInput('delivery_address', 'is required for delivery lines')
  if (!ctx.deliveryPricer) throw new Error('planOrder: the delivery pricer was not loaded')
  // The weight the web shop sends wins; else the catalogue's unit weights of the delivered lines.
  let catalogueG = 0
  let weighed = true
  for (const l of lines) {
    if (l.fulfilment !== 'delivery') continue
    const unit = ctx.variants.get(l.sku)?.weightG
    if (unit) catalogueG += unit * l.quantity
    else weighed = false
  }
  const weightG = asked.weight_g ?? (weighed ? catalogueG : UNWEIGHED_G)
  const quote = ctx.deliveryPricer.quote({
    serviceCode: asked.service,
    postcode: input.delivery_address.postcode,
    weightG,
    basketCents: lines.reduce((s, l) => s + l.totalCents, 0),
    promotionCodes: input.promotion_codes ?? [],
  })
  if (!quote) {
    throw refused(
      'delivery_not_available',
      `delivery/service: ${asked.service} is not sold here for postcode ${input.delivery_address.postcode} at ${weightG} g; quote the options with GET /api/v1/delivery-options.`,
      { field: 'delivery/service' },
    )
  }
  if (quote.kind === 'relay' && !asked.relay_point_id) {
    throw invalidInput(
      'delivery/relay_point_id',
      `is required: ${quote.serviceName} delivers to relay points`,
    )
  }
  return { quote, weightG, weighed, relayPointId: quote.kind === 'relay' ? asked.relay_point_id! : null }
}

/**
 * The routing decision with the delivery counted in: each shipment is a parcel at the carrier's
 * rate, set against the fee the customer pays without its VAT.
 */
export function withDelivery<
  R extends { shipments: Array<{ cost: Record<string, number> }>; explanation: string[] },
>(routing: R, d: DeliveryChoice): R & { delivery: Stored } {
  const parcels = routing.shipments.length
  // Weighed parcels were priced one by one by the routing (each at its own weight band).
  const carrierCost = d.weighed
    ? routing.shipments.reduce((s, sh) => s + (sh.cost.shipment_cents ?? 0), 0)
    : parcels * d.quote.parcelCostCents
  const net = d.quote.feeCents - d.quote.vatCents
  const delivery: Stored = {
    service_code: d.quote.serviceCode,
    service_name: d.quote.serviceName,
    carrier: d.quote.carrier,
    kind: d.quote.kind,
    zone: d.quote.zone,
    relay_point_id: d.relayPointId,
    weight_g: d.weightG,
    fee_cents: d.quote.feeCents,
    fee_vat_cents: d.quote.vatCents,
    fee_vat_rate_bp: d.quote.vatRateBp,
    list_fee_cents: d.quote.listFeeCents,
    free_reason: d.quote.freeReason,
    parcel_cost_cents: d.quote.parcelCostCents,
    carrier_cost_cents: carrierCost,
    margin_cents: net - carrierCost,
  }
  const paid =
    d.quote.feeCents === 0
      ? `delivery is free to the customer (${d.quote.freeReason === 'promotion' ? 'promotion' : 'basket above the free threshold'})`
      : `the customer pays ${euros(d.quote.feeCents)} (${euros(net)} before VAT)`
  const rate = d.weighed && parcels > 1 ? 'each at its weight' : `at ${euros(d.quote.parcelCostCents)}`
  const line = `${d.quote.serviceName}: ${parcels} parcel${parcels > 1 ? 's' : ''} ${rate} cost ${euros(carrierCost)}; ${paid}.`
  return { ...routing, delivery, explanation: [...routing.explanation, line] }
}

/** The fee as the order shows it, from what its routing stored. */
export function deliveryFeeView(routing: { delivery?: Stored } | null) {
  const d = routing?.delivery
  if (!d) return null
  return {
    service_code: d.service_code,
    service_name: d.service_name,
    relay_point_id: d.relay_point_id,
    total_cents: d.fee_cents,
    vat_rate: rateToPercent(d.fee_vat_rate_bp),
    vat_cents: d.fee_vat_cents,
    list_cents: d.list_fee_cents,
    free_reason: d.free_reason,
  }
}

/** The fee as a line of the VAT breakdown (none when free). */
export function deliveryFeeLine(routing: { delivery?: Stored } | null) {
  const d = routing?.delivery
  if (!d || d.fee_cents === 0) return []
  return [{ total_cents: d.fee_cents, vat_cents: d.fee_vat_cents, vat_rate_bp: d.fee_vat_rate_bp }]
}

/**
 * The documented refund rules of the delivery fee (docs/shipping.md):
 * - nothing of the order was delivered (every unit cancelled before it left): the fee is refunded whole;
 * - every delivered unit comes back (withdrawal within 14 days, art. L221-24 Code de la consommation):
 *   the fee is refunded too, as the law has the initial delivery costs refunded;
 * - part of the order kept: the fee stays paid.
 * The fee is refunded by the cancellation or return that gives back the last delivered unit kept, so
 * once: `before` and `after` are the delivery lines' units given back before and after it.
 */
export function deliveryFeeRefund(
  routing: { delivery?: Stored } | null,
  before: ReadonlyArray<LineUnits>,
  after: ReadonlyArray<LineUnits>,
): number {
  const fee = routing?.delivery?.fee_cents ?? 0
  if (fee === 0) return 0
  return somethingKept(before) && !somethingKept(after) ? fee : 0
}

export interface LineUnits {
  fulfilment: string
  quantity: number
  /** Units cancelled or returned. */
  givenBack: number
}

const somethingKept = (lines: ReadonlyArray<LineUnits>) =>
  lines.some((l) => l.fulfilment === 'delivery' && l.givenBack < l.quantity)
