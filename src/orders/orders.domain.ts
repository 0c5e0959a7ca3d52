import type { Static } from '@fastify/type-provider-typebox'
import type { FulfilmentMode } from '../channels/index.ts'
import type { StockHold } from '../inventory/index.ts'
import { type DeliveryAddress, locateAddress } from '../network/index.ts'
import type { PromotionRecord } from '../offer/index.ts'
import { maySell } from '../offer/index.ts'
import type { CostModel } from '../routing/index.ts'
import { type RoutingCandidate, routeDelivery, type StockRow } from '../routing/index.ts'
import { type Actor, mayDiscount } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import type { IdPrefix } from '../shared/ids.ts'
import { lineAmounts } from '../shared/money.domain.ts'
import type { Redemption } from '../stored-value/index.ts'
import { normaliseStoredValueCode } from '../stored-value/index.ts'
import { type DeliveryChoice, priceDelivery, withDelivery } from './delivery-fees.domain.ts'
import type { DeliveryPricer } from './delivery-fees.ts'
import type { PickupRouting, RoutingDecision } from './fulfilment/fulfilment.contract.ts'
import { splitAmounts } from './fulfilment/fulfilment.domain.ts'
import type { OrderStatus } from './order-process.domain.ts'
import { type AppliedPromotion, splitPromotedLine, withPromotions } from './order-promotions.domain.ts'
import { conflict, refused } from './orders.errors.ts'
import type { LinePromotion, PaymentMethod, TenderMethod } from './orders.schema.ts'

export type { FulfilmentMode, OrderStatus }

export interface OrderLineInput {
  sku: string
  quantity: number
  fulfilment: FulfilmentMode
  pickup_location_id?: string
  discount_cents?: number
}

export interface PaymentInput {
  method: TenderMethod
  amount_cents: number
  tendered_cents?: number
  reference?: string
}

export interface OrderInput {
  channel: string
  customer_id?: string
  store_id?: string
  /** The till of a store sale (its ticket is chained on this register). */
  register_id?: string
  draft?: boolean
  hold_minutes?: number
  lines: OrderLineInput[]
  delivery_address?: DeliveryAddress
  /** The carrier service of the delivery lines, whose fee the customer pays. */
  delivery?: { service: string; weight_g?: number; relay_point_id?: string }
  payments?: PaymentInput[]
  /** Voucher codes of promotions the customer gives. */
  promotion_codes?: string[]
  /** A till sale made offline, replayed (see offline.domain.ts). */
  offline?: { sold_at: string; ticket: string }
  /**
   * Sold on a business account's terms: nothing is paid now, the amount is invoiced and owed by the
   * account. Set by the business capability only (not part of the API's order body).
   */
  on_account?: boolean
}

export interface ChannelInfo {
  id: string
  code: string
  kind: string
  currency: string
  fulfilmentModes: string[]
  draftHoldMinutes: number
}

export interface SellableVariant {
  sku: string
  productName: string
  variantName: string
  vatRateBp: number
  priceCents: number | null
  listed: boolean
  /** The category lets a till order the product unlisted in its store, for delivery or pickup. */
  endlessAisle?: boolean
  /** What promotions target: the product and its category. */
  productId?: string
  category?: string
  /** Whether the selling store's cluster carries it (listing rules per store cluster). */
  clusterListed?: boolean
  /** Grams per unit as shipped; null or absent when the catalogue does not know it. */
  weightG?: number | null
}

/** A location as order planning sees it (stores for sales and pickups). */
export interface SourceCandidate {
  id: string
  code: string
  kind: string
  fulfilmentModes: string[]
}

export interface PlanContext {
  actor: Actor
  channel: ChannelInfo
  locations: Map<string, SourceCandidate>
  variants: Map<string, SellableVariant>
  /** Promisable stock of the delivery lines' SKUs, for routing them. */
  deliveryStock: StockRow[]
  /** Replenishment units on their way to a store and promised to nobody, soonest first. */
  incoming?: IncomingStock[]
  /** The network as routing sees it now (open, workload) and the channel's cost model. */
  routing: { network: Map<string, RoutingCandidate>; model: CostModel }
  now: Date
  newId: (prefix: IdPrefix) => string
  /** Promotions that may apply (active, not ended); the engine picks the live ones. */
  promotions?: PromotionRecord[]
  /** Pricing a basket before payment: the payments are not checked against what is due. */
  quote?: boolean
  /** The channel's delivery fees, loaded when the order names a delivery service. */
  deliveryPricer?: DeliveryPricer
  /**
   * Franchised stores' own prices (store → SKU → cents): a line collected at such a store, or sold at
   * its till, takes the store's price over the channel's.
   */
  storePrices?: Map<string, Map<string, number>>
}

export interface PlannedLine {
  id: string
  lineNo: number
  sku: string
  productName: string
  quantity: number
  unitPriceCents: number
  discountCents: number
  totalCents: number
  vatRateBp: number
  vatCents: number
  fulfilment: FulfilmentMode
  sourceLocationId: string
  pickupLocationId: string | null
  fulfilledQuantity: number
  /** The promotions in `discountCents`, with what each took off this line. */
  promotions: LinePromotion[]
}

export interface PlannedPayment {
  id: string
  /** A tender; `partner` only on a refund given back by the channel that collected the money. */
  method: PaymentMethod
  amountCents: number
  tenderedCents: number | null
  /** Card authorisation, gift card / credit note / voucher code; for a refund, the capture it gives back. */
  reference: string | null
  /** The return a refund pays back. */
  returnId?: string | null
}

export interface PlannedEvent {
  type: string
  fromStatus: OrderStatus | null
  toStatus: OrderStatus
}

/**
 * The routing decision of an order's delivery lines, as stored with the order and shown with it:
 * written once, as the API schema describes it.
 */
export type RoutingSummary = Static<typeof RoutingDecision>

export interface IncomingStock {
  transferId: string
  lineNo: number
  locationId: string
  sku: string
  quantity: number
  expectedAt: Date
}

/** Units of a transfer already on its way to the pickup store, kept for a pickup line. */
export interface IncomingClaim {
  transferId: string
  lineNo: number
  orderLineId: string
  sku: string
  quantity: number
  expectedAt: Date
}

/**
 * Transfers that bring pickup lines to their store when it lacks the stock (a later promise):
 * written once, as the API schema describes it.
 */
export type PickupRoutingSummary = Static<typeof PickupRouting>

export interface OrderPlan {
  id: string
  channelId: string
  customerId: string | null
  storeId: string | null
  status: OrderStatus
  currency: string
  totalCents: number
  vatCents: number
  paidCents: number
  deliveryAddress: DeliveryAddress | null
  draftExpiresAt: Date | null
  placedAt: Date | null
  lines: PlannedLine[]
  payments: PlannedPayment[]
  holds: StockHold[]
  events: PlannedEvent[]
  routing: RoutingSummary | null
  pickupRouting: PickupRoutingSummary | null
  /** Pickup lines served by units in transit to their store: no stock is held for them now. */
  incomingClaims: IncomingClaim[]
  /** Promotions the order uses, to count against their limits. */
  promotions: AppliedPromotion[]
}

/** Who may sell in which channel, from which store. */
export function assertMaySell(actor: Actor, channel: ChannelInfo, storeId: string | null) {
  switch (actor.role) {
    case 'admin':
      return
    case 'store_staff':
      if (channel.kind !== 'store') throw forbidden('Store staff sell through a store channel.')
      if (storeId !== actor.locationId) throw forbidden(`This key sells for store ${actor.locationId} only.`)
      return
    case 'channel':
    case 'call_centre':
      if (channel.id !== actor.channelId)
        throw forbidden(`This key sells through channel ${actor.channelId} only.`)
      return
    case 'franchisee':
      throw forbidden('A franchisee key reads statements; it does not sell.')
  }
}

/**
 * Turns an order request into everything to write: priced lines with VAT, where each line's stock
 * comes from, the stock holds, payments, status and the transitions to record. Pure: any rule it
 * breaks is thrown as an AppError naming the field, before anything is written.
 */
export function planOrder(input: OrderInput, ctx: PlanContext): OrderPlan {
  const { actor, channel } = ctx
  const storeId = input.store_id ?? (channel.kind === 'store' ? (actor.locationId ?? null) : null)
  if (channel.kind === 'store' && !storeId)
    throw invalidInput('store_id', 'a store sale needs the selling store')
  if (storeId) {
    const store = ctx.locations.get(storeId)
    if (!store || store.kind === 'warehouse') throw invalidInput('store_id', `${storeId} is not a store`)
  }
  assertMaySell(actor, channel, storeId)
  const draft = input.draft === true
  const orderId = ctx.newId('ord')

  let lines: PlannedLine[] = input.lines.map((l, i) => {
    const field = `lines/${i}`
    if (!channel.fulfilmentModes.includes(l.fulfilment)) {
      throw refused(
        'fulfilment_not_offered',
        `${field}/fulfilment: channel ${channel.code} does not offer ${l.fulfilment} (it offers ${channel.fulfilmentModes.join(', ')}).`,
        { field: `${field}/fulfilment` },
      )
    }
    const v = ctx.variants.get(l.sku)
    if (!v) throw invalidInput(`${field}/sku`, `no variant with SKU ${l.sku}`)
    if (!maySell(v.listed, v.endlessAisle ?? false, channel.kind, l.fulfilment)) {
      const aisle =
        channel.kind === 'store' && v.endlessAisle
          ? ' A till can order it for delivery or pickup elsewhere (endless aisle).'
          : ''
      throw refused(
        'not_in_assortment',
        `${field}/sku: ${l.sku} is not sold in channel ${channel.code}.${aisle}`,
        { field: `${field}/sku` },
      )
    }
    const fromThisShelf =
      l.fulfilment === 'takeaway' ||
      (l.fulfilment === 'reserve' && (l.pickup_location_id ?? storeId) === storeId)
    if (v.clusterListed === false && fromThisShelf && storeId) {
      const aisle = v.endlessAisle
        ? ' It can be ordered for delivery or pickup elsewhere (endless aisle).'
        : ''
      throw refused(
        'not_in_assortment',
        `${field}/sku: ${l.sku} is not carried by the stores of this store's cluster.${aisle}`,
        { field: `${field}/sku` },
      )
    }
    const { sourceLocationId, pickupLocationId } = lineLocations(l, field, storeId, ctx)
    const priceStore = pickupLocationId ?? storeId
    const unitPriceCents =
      (priceStore ? ctx.storePrices?.get(priceStore)?.get(l.sku) : undefined) ?? v.priceCents
    if (unitPriceCents === null) {
      throw refused('no_price', `${field}/sku: ${l.sku} has no price in channel ${channel.code}.`, {
        field: `${field}/sku`,
      })
    }
    const discountCents = l.discount_cents ?? 0
    if (discountCents > 0 && !mayDiscount(actor)) throw forbidden('Only staff may discount a line by hand.')
    if (discountCents > unitPriceCents * l.quantity) {
      throw invalidInput(`${field}/discount_cents`, 'is larger than the line amount')
    }
    const amounts = lineAmounts({
      unitPriceCents,
      quantity: l.quantity,
      discountCents,
      vatRateBp: v.vatRateBp,
    })
    return {
      id: ctx.newId('oln'),
      lineNo: i + 1,
      sku: l.sku,
      productName: v.variantName === v.productName ? v.productName : `${v.productName} — ${v.variantName}`,
      quantity: l.quantity,
      unitPriceCents,
      discountCents,
      ...amounts,
      vatRateBp: v.vatRateBp,
      fulfilment: l.fulfilment,
      sourceLocationId,
      pickupLocationId,
      fulfilledQuantity: l.fulfilment === 'takeaway' ? l.quantity : 0,
      promotions: [],
    }
  })
  const promoted = withPromotions(
    lines,
    new Map(
      [...ctx.variants.values()].map((v) => [
        v.sku,
        { productId: v.productId ?? '', category: v.category ?? '' },
      ]),
    ),
    {
      promotions: ctx.promotions ?? [],
      // A delivery promotion's code waives the delivery fee (priceDelivery), not a line's price.
      codes: (input.promotion_codes ?? []).filter((c) => !ctx.deliveryPricer?.isDeliveryCode(c)),
      channelId: channel.id,
      channelKind: channel.kind,
      customerId: input.customer_id ?? null,
      at: ctx.now,
    },
  )
  lines = promoted.lines

  const { summary: pickupRouting, claims: incomingClaims } = routePickups(lines, ctx)
  if (pickupRouting) lines = splitByAllocation(lines, allocationOf(pickupRouting.transfers), 'pickup', ctx)
  let routing: RoutingSummary | null = null
  const delivery: DeliveryChoice | null = input.delivery ? priceDelivery(input, lines, ctx) : null
  if (lines.some((l) => l.fulfilment === 'delivery')) {
    if (!input.delivery_address) throw invalidInput('delivery_address', 'is required for delivery lines')
    // What the order's other lines take from a location is not there for its deliveries.
    const taken = new Map<string, number>()
    for (const l of lines) {
      if (l.fulfilment === 'delivery') continue
      const key = `${l.sourceLocationId}|${l.sku}`
      taken.set(key, (taken.get(key) ?? 0) + l.quantity)
    }
    const stock = ctx.deliveryStock.map((st) => ({
      ...st,
      available: st.available - (taken.get(`${st.locationId}|${st.sku}`) ?? 0),
    }))
    // With a delivery service, every parcel costs its carrier's rate for its own weight (the zone's
    // bands): a split pays a rate per parcel. Without weights, each parcel at the order's rate.
    const model = delivery
      ? {
          ...ctx.routing.model,
          shipmentCents: delivery.quote.parcelCostCents,
          ...(delivery.weighed ? { parcelRates: delivery.quote.parcelRates } : {}),
        }
      : ctx.routing.model
    routing = routeDeliveries(lines, input.delivery_address, {
      ...ctx,
      deliveryStock: stock,
      routing: { ...ctx.routing, model },
    })
    if (delivery) routing = withDelivery(routing, delivery)
    lines = splitByAllocation(
      lines,
      allocationOf(routing.shipments.map((sh) => ({ from_location_id: sh.location_id, lines: sh.lines }))),
      'delivery',
      ctx,
    )
  }
  if (draft && lines.some((l) => l.fulfilment === 'takeaway')) {
    throw refused('takeaway_in_draft', 'A draft cannot take goods away; place the order directly.')
  }

  const feeCents = delivery?.quote.feeCents ?? 0
  const totalCents = lines.reduce((s, l) => s + l.totalCents, 0) + feeCents
  const vatCents = lines.reduce((s, l) => s + l.vatCents, 0) + (delivery?.quote.vatCents ?? 0)
  const payments = planPayments(
    input.payments ?? [],
    lines,
    channel,
    draft || input.on_account === true,
    ctx,
    feeCents,
  )
  const paidCents = payments.reduce((s, p) => s + p.amountCents, 0)
  const holdMinutes = input.hold_minutes ?? channel.draftHoldMinutes
  const draftExpiresAt = draft ? new Date(ctx.now.getTime() + holdMinutes * 60_000) : null

  const claimed = new Set(incomingClaims.map((c) => c.orderLineId))
  const holds: StockHold[] = lines
    .filter((l) => !claimed.has(l.id))
    .map((l) => ({
      mode: l.fulfilment === 'takeaway' ? 'sell' : 'reserve',
      locationId: l.sourceLocationId,
      sku: l.sku,
      quantity: l.quantity,
      orderId,
      orderLineId: l.id,
      reservationId: l.fulfilment === 'takeaway' ? undefined : ctx.newId('res'),
      expiresAt: draftExpiresAt,
      actor: actor.keyId,
    }))

  const { status, events } = initialStatus(lines, draft, paidCents === totalCents)
  return {
    id: orderId,
    channelId: channel.id,
    customerId: input.customer_id ?? null,
    storeId,
    status,
    currency: channel.currency,
    totalCents,
    vatCents,
    paidCents,
    deliveryAddress: input.delivery_address ?? null,
    draftExpiresAt,
    placedAt: draft ? null : ctx.now,
    lines,
    payments,
    holds,
    events,
    routing,
    pickupRouting,
    incomingClaims,
    promotions: promoted.applied,
  }
}

/**
 * Pickup lines whose store cannot give them from its own shelf are brought there: the routing
 * engine picks the cheapest locations to send them from, as if shipping to the store. A line is
 * served whole, from the store or from elsewhere. Null when every store holds its pickups.
 */
function routePickups(
  lines: PlannedLine[],
  ctx: PlanContext,
): { summary: PickupRoutingSummary | null; claims: IncomingClaim[] } {
  const left = new Map<string, number>()
  for (const s of ctx.deliveryStock) left.set(`${s.locationId}|${s.sku}`, s.available)
  const incoming = (ctx.incoming ?? []).map((i) => ({ ...i }))
  const claims: IncomingClaim[] = []
  const short = new Map<string, PlannedLine[]>()
  for (const l of lines) {
    if (l.fulfilment !== 'pickup') continue
    const key = `${l.pickupLocationId}|${l.sku}`
    const here = left.get(key) ?? 0
    if (here >= l.quantity) {
      left.set(key, here - l.quantity)
      continue
    }
    // Units already on their way to the store cost nothing more to bring: the soonest that covers it.
    const arriving = incoming.find(
      (i) => i.locationId === l.pickupLocationId && i.sku === l.sku && i.quantity >= l.quantity,
    )
    if (arriving) {
      arriving.quantity -= l.quantity
      claims.push({
        transferId: arriving.transferId,
        lineNo: arriving.lineNo,
        orderLineId: l.id,
        sku: l.sku,
        quantity: l.quantity,
        expectedAt: arriving.expectedAt,
      })
      continue
    }
    short.set(l.pickupLocationId!, [...(short.get(l.pickupLocationId!) ?? []), l])
  }
  const summary: PickupRoutingSummary | null =
    claims.length === 0 && short.size === 0 ? null : { transfers: [], explanation: [] }
  if (summary && claims.length > 0) {
    summary.incoming = claims.map((c) => ({
      transfer_id: c.transferId,
      line_no: c.lineNo,
      sku: c.sku,
      quantity: c.quantity,
      expected_at: c.expectedAt.toISOString(),
    }))
    for (const c of claims) {
      summary.explanation.push(
        `${c.quantity} × ${c.sku} kept from transfer ${c.transferId}, arriving in store ${c.expectedAt.toISOString().slice(0, 10)}.`,
      )
    }
  }
  if (!summary || short.size === 0) return { summary, claims }
  for (const [storeId, storeLines] of short) {
    const store = ctx.routing.network.get(storeId)
    if (!store) throw invalidInput('lines/pickup_location_id', `${storeId} is not a store`)
    const network = new Map(ctx.routing.network)
    network.delete(storeId)
    const d = routeDelivery(
      storeLines.map((l) => ({ index: l.lineNo - 1, sku: l.sku, quantity: l.quantity })),
      store,
      network,
      ctx.deliveryStock,
      ctx.routing.model,
    )
    if (d.unallocated.length > 0) {
      const first = d.unallocated[0]!
      throw conflict(
        'insufficient_stock',
        `Cannot bring ${first.quantity} × ${first.sku} to ${store.name} for pickup: ${first.reason}.`,
        {
          items: d.unallocated.map((u) => ({
            sku: u.sku,
            line: u.index,
            location_id: storeId,
            requested: lines.find((l) => l.lineNo === u.index + 1)!.quantity,
            available: 0,
            reason: u.reason,
          })),
          explanation: d.explanation,
        },
      )
    }
    for (const sh of d.shipments) {
      summary.transfers.push({
        from_location_id: sh.locationId,
        code: sh.code,
        name: sh.name,
        kind: sh.kind,
        to_location_id: storeId,
        distance_km: sh.distanceKm,
        lines: sh.lines.map((l) => ({ line_no: l.index + 1, sku: l.sku, quantity: l.quantity })),
      })
      summary.explanation.push(
        `${sh.lines.reduce((n, l) => n + l.quantity, 0)} unit(s) sent from ${sh.name} to ${store.name} for pickup: ` +
          'the store does not hold them.',
      )
    }
  }
  return { summary, claims }
}

type Allocation = Map<number, Array<{ locationId: string; quantity: number }>>

function allocationOf(
  sources: Array<{ from_location_id: string; lines: Array<{ line_no: number; quantity: number }> }>,
): Allocation {
  const parts: Allocation = new Map()
  for (const src of sources) {
    for (const l of src.lines) {
      const list = parts.get(l.line_no) ?? []
      list.push({ locationId: src.from_location_id, quantity: l.quantity })
      parts.set(l.line_no, list)
    }
  }
  return parts
}

/**
 * Where the delivery lines ship from: the routing engine's cheapest allocation over the eligible
 * network. Refused whole (409 insufficient_stock, with the engine's explanation) when some units
 * cannot be shipped from anywhere.
 */
function routeDeliveries(lines: PlannedLine[], address: DeliveryAddress, ctx: PlanContext): RoutingSummary {
  const destination = locateAddress(address)
  if (!destination) {
    throw invalidInput('delivery_address/postcode', 'cannot place this address: give its lat and lon')
  }
  const demands = lines
    .filter((l) => l.fulfilment === 'delivery')
    .map((l) => {
      const weightG = ctx.variants.get(l.sku)?.weightG
      return { index: l.lineNo - 1, sku: l.sku, quantity: l.quantity, ...(weightG ? { weightG } : {}) }
    })
  const d = routeDelivery(demands, destination, ctx.routing.network, ctx.deliveryStock, ctx.routing.model)
  if (d.unallocated.length > 0) {
    const first = d.unallocated[0]!
    throw conflict(
      'insufficient_stock',
      `Cannot deliver ${first.quantity} × ${first.sku}: ${first.reason}.`,
      {
        items: d.unallocated.map((u) => ({
          sku: u.sku,
          line: u.index,
          requested: lines[u.index]!.quantity,
          available: lines[u.index]!.quantity - u.quantity,
          unallocated: u.quantity,
          reason: u.reason,
        })),
        explanation: d.explanation,
      },
    )
  }
  return {
    destination,
    total_cost_cents: d.totalCostCents,
    optimal: d.optimal,
    shipments: d.shipments.map((sh) => ({
      location_id: sh.locationId,
      code: sh.code,
      name: sh.name,
      kind: sh.kind,
      distance_km: sh.distanceKm,
      lines: sh.lines.map((l) => ({ line_no: l.index + 1, sku: l.sku, quantity: l.quantity })),
      cost: { ...sh.cost },
    })),
    explanation: d.explanation,
    excluded: d.excluded,
  }
}

/**
 * A line served by several locations becomes one line per location (same line number), its money
 * split so the parts add up to the line to the cent.
 */
function splitByAllocation(
  lines: PlannedLine[],
  parts: Allocation,
  fulfilment: FulfilmentMode,
  ctx: PlanContext,
): PlannedLine[] {
  return lines.flatMap((line) => {
    const sources = line.fulfilment === fulfilment ? parts.get(line.lineNo) : undefined
    if (!sources) return [line]
    if (sources.length === 1) return [{ ...line, sourceLocationId: sources[0]!.locationId }]
    const quantities = sources.map((s) => s.quantity)
    const amounts =
      line.promotions.length > 0
        ? splitPromotedLine(line, quantities)
        : splitAmounts(line, quantities).map((a) => ({ ...a, promotions: [] }))
    return sources.map((s, i) => ({
      ...line,
      ...amounts[i]!,
      id: i === 0 ? line.id : ctx.newId('oln'),
      sourceLocationId: s.locationId,
    }))
  })
}

function lineLocations(l: OrderLineInput, field: string, storeId: string | null, ctx: PlanContext) {
  if (l.fulfilment === 'takeaway') {
    if (!storeId) throw invalidInput(`${field}/fulfilment`, 'takeaway is only possible in a store')
    if (l.pickup_location_id) throw invalidInput(`${field}/pickup_location_id`, 'does not apply to takeaway')
    return { sourceLocationId: storeId, pickupLocationId: null }
  }
  if (l.fulfilment === 'pickup' || l.fulfilment === 'reserve') {
    const pickupId = l.pickup_location_id ?? storeId
    if (!pickupId) throw invalidInput(`${field}/pickup_location_id`, `is required for ${l.fulfilment}`)
    const store = ctx.locations.get(pickupId)
    if (!store || store.kind === 'warehouse') {
      throw invalidInput(`${field}/pickup_location_id`, `${pickupId} is not a store`)
    }
    if (!store.fulfilmentModes.includes(l.fulfilment)) {
      throw refused(
        'fulfilment_not_offered',
        `${field}/pickup_location_id: ${store.code} does not offer ${l.fulfilment}.`,
        {
          field: `${field}/pickup_location_id`,
        },
      )
    }
    // Until transfers into the pickup store are planned, the pickup store serves from its own stock.
    return { sourceLocationId: pickupId, pickupLocationId: pickupId }
  }
  if (l.pickup_location_id) throw invalidInput(`${field}/pickup_location_id`, 'does not apply to delivery')
  return { sourceLocationId: '', pickupLocationId: null }
}

/**
 * What must be paid now: every line except reserve & collect, which is paid in the store at
 * collection. Payments must match it to the cent; cash may be over-tendered (change is given). A
 * draft, and an order on a business account's terms, pay nothing now.
 */
function planPayments(
  input: PaymentInput[],
  lines: PlannedLine[],
  channel: ChannelInfo,
  payLater: boolean,
  ctx: PlanContext,
  deliveryFeeCents: number,
): PlannedPayment[] {
  if (payLater && input.length > 0) {
    throw invalidInput('payments', 'a draft takes no payment; pay when confirming it')
  }
  // The delivery fee is paid with the order, like the goods it delivers.
  const due =
    lines.filter((l) => l.fulfilment !== 'reserve').reduce((s, l) => s + l.totalCents, 0) + deliveryFeeCents
  const payments = input.map((p, i) => checkTender(p, `payments/${i}`, channel.kind === 'store', ctx.newId))
  if (payLater || ctx.quote) return payments
  const paid = payments.reduce((s, p) => s + p.amountCents, 0)
  if (paid !== due) {
    throw refused(
      'payment_mismatch',
      `payments: ${formatCents(paid)} paid but ${formatCents(due)} is due now (reserve & collect lines are paid at collection).`,
      { field: 'payments', due_cents: due, paid_cents: paid },
    )
  }
  return payments
}

export function checkTender(
  p: PaymentInput,
  field: string,
  atTill: boolean,
  makeId: PlanContext['newId'],
): PlannedPayment {
  if (p.method === 'cash' && !atTill) {
    throw refused('cash_not_accepted', `${field}/method: cash is only taken at a store till.`, {
      field: `${field}/method`,
    })
  }
  if (p.tendered_cents !== undefined) {
    if (p.method !== 'cash') throw invalidInput(`${field}/tendered_cents`, 'only applies to cash')
    if (p.tendered_cents < p.amount_cents)
      throw invalidInput(`${field}/tendered_cents`, 'is less than the amount')
  }
  let reference = p.reference ?? null
  if (isStoredValue(p.method)) {
    if (!reference)
      throw invalidInput(`${field}/reference`, `the ${p.method.replace('_', ' ')} code is required`)
    reference = normaliseStoredValueCode(reference, `${field}/reference`)
  }
  return {
    id: makeId('pay'),
    method: p.method,
    amountCents: p.amount_cents,
    tenderedCents: p.tendered_cents ?? null,
    reference,
  }
}

export function isStoredValue(method: PaymentMethod): method is 'gift_card' | 'store_credit' | 'voucher' {
  return method === 'gift_card' || method === 'store_credit' || method === 'voucher'
}

/** The stored-value tenders among planned payments, to spend in the order's transaction. */
export function redemptions(payments: PlannedPayment[], field = 'payments'): Redemption[] {
  return payments.flatMap((p, i) =>
    isStoredValue(p.method)
      ? [
          {
            method: p.method,
            code: p.reference!,
            amountCents: p.amountCents,
            paymentId: p.id,
            field: `${field}/${i}`,
          },
        ]
      : [],
  )
}

/**
 * A till sale carried away is placed, fulfilled and completed at once; lines to deliver or collect
 * keep the order open until they leave the stock.
 */
function initialStatus(lines: PlannedLine[], draft: boolean, fullyPaid: boolean) {
  const events: PlannedEvent[] = []
  if (draft) {
    events.push({ type: 'draft_created', fromStatus: null, toStatus: 'draft' })
    return { status: 'draft' as OrderStatus, events }
  }
  events.push({ type: 'placed', fromStatus: null, toStatus: 'placed' })
  const takeaway = lines.filter((l) => l.fulfilment === 'takeaway').length
  if (takeaway === 0) return { status: 'placed' as OrderStatus, events }
  if (takeaway < lines.length) {
    events.push({ type: 'fulfilled_at_till', fromStatus: 'placed', toStatus: 'partially_fulfilled' })
    return { status: 'partially_fulfilled' as OrderStatus, events }
  }
  events.push({ type: 'fulfilled_at_till', fromStatus: 'placed', toStatus: 'fulfilled' })
  if (!fullyPaid) return { status: 'fulfilled' as OrderStatus, events }
  events.push({ type: 'completed', fromStatus: 'fulfilled', toStatus: 'completed' })
  return { status: 'completed' as OrderStatus, events }
}

export function formatCents(cents: number): string {
  return `${(cents / 100).toFixed(2)} €`
}
