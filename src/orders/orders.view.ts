import type { Static } from '@fastify/type-provider-typebox'
import { rateToPercent, vatSummary } from '../shared/money.domain.ts'
import { deliveryFeeLine, deliveryFeeView } from './delivery-fees.domain.ts'
import type { TaskSummary as TaskSummarySchema } from './fulfilment/fulfilment.contract.ts'
import type { PlannedTask } from './fulfilment/fulfilment.domain.ts'
import type { Order, OrderSummary } from './orders.contract.ts'
import type { OrderPlan, PickupRoutingSummary, RoutingSummary } from './orders.domain.ts'
import type { PaymentMethod } from './orders.schema.ts'
import type { EventRow, LineRow, OrderRow, PaymentRow } from './orders.store.ts'
import { receiptBarcode } from './receipt.domain.ts'

/** The order as the API shows it, identical whether built from a fresh plan or read back. */
export type OrderView = Static<typeof Order>

/** A preparation task as an order shows it: written once, as the API schema describes it. */
export type TaskSummary = Static<typeof TaskSummarySchema>

export function plannedTaskView(t: PlannedTask): TaskSummary {
  return {
    id: t.id,
    location_id: t.locationId,
    kind: t.kind,
    status: t.status,
    promised_at: t.promisedAt.toISOString(),
    lines: t.lines.map((l) => ({
      order_line_id: l.orderLineId,
      sku: l.sku,
      quantity: l.quantity,
      rejected_quantity: 0,
    })),
  }
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

function breakdown(lines: Array<{ total_cents: number; vat_cents: number; vat_rate_bp: number }>) {
  return vatSummary(
    lines.map((l) => ({ totalCents: l.total_cents, vatCents: l.vat_cents, vatRateBp: l.vat_rate_bp })),
  ).map((r) => ({
    rate: rateToPercent(r.rate_bp),
    base_incl_cents: r.base_incl_cents,
    vat_cents: r.vat_cents,
  }))
}

function lineView(l: LineRow) {
  return {
    id: l.id,
    line_no: l.line_no,
    sku: l.sku,
    product_name: l.product_name,
    quantity: l.quantity,
    unit_price_cents: l.unit_price_cents,
    discount_cents: l.discount_cents,
    total_cents: l.total_cents,
    vat_rate: rateToPercent(l.vat_rate_bp),
    vat_cents: l.vat_cents,
    fulfilment: l.fulfilment,
    source_location_id: l.source_location_id,
    pickup_location_id: l.pickup_location_id,
    fulfilled_quantity: l.fulfilled_quantity,
    cancelled_quantity: l.cancelled_quantity,
    returned_quantity: l.returned_quantity,
    promotions: l.promotions ?? [],
  }
}

function promotionsOf(lines: LineRow[]) {
  const byId = new Map<string, OrderView['promotions'][number]>()
  for (const l of lines) {
    for (const p of l.promotions ?? []) {
      const seen = byId.get(p.promotion_id)
      if (seen) seen.discount_cents += p.cents
      else
        byId.set(p.promotion_id, {
          promotion_id: p.promotion_id,
          code: p.code,
          name: p.name,
          discount_cents: p.cents,
        })
    }
  }
  return [...byId.values()]
}

function paymentView(p: Omit<PaymentRow, 'order_id' | 'created_at'>) {
  return {
    id: p.id,
    kind: p.kind,
    // Written from the payment methods only (the column's enum); read back as text.
    method: p.method as PaymentMethod,
    amount_cents: p.amount_cents,
    tendered_cents: p.tendered_cents,
    change_due_cents: p.tendered_cents === null ? null : p.tendered_cents - p.amount_cents,
    reference: p.reference,
  }
}

export const orderView = {
  fromRows(
    o: OrderRow,
    lines: LineRow[],
    payments: PaymentRow[],
    events?: EventRow[],
    tasks?: TaskSummary[],
  ): OrderView {
    return {
      id: o.id,
      number: String(o.number),
      receipt_barcode: receiptBarcode(o.number),
      channel: { id: o.channel_id, code: o.channel_code },
      customer_id: o.customer_id,
      store_id: o.store_id,
      status: o.status,
      currency: o.currency,
      total_cents: o.total_cents,
      vat_cents: o.vat_cents,
      paid_cents: o.paid_cents,
      refunded_cents: o.refunded_cents,
      balance_due_cents: balanceDue(o),
      vat_breakdown: breakdown([...lines, ...deliveryFeeLine(o.routing as RoutingSummary | null)]),
      delivery_address: (o.delivery_address as OrderView['delivery_address']) ?? null,
      delivery_fee: deliveryFeeView(o.routing as RoutingSummary | null),
      draft_expires_at: iso(o.draft_expires_at),
      placed_at: iso(o.placed_at),
      lines: lines.map(lineView),
      promotions: promotionsOf(lines),
      payments: payments.map(paymentView),
      routing: (o.routing as RoutingSummary | null) ?? null,
      pickup_routing: (o.pickup_routing as PickupRoutingSummary | null) ?? null,
      pickup_code: o.pickup_code,
      ...(tasks ? { tasks } : {}),
      ...(events
        ? {
            events: events.map((e) => ({
              type: e.type,
              from_status: e.from_status,
              to_status: e.to_status,
              actor: e.actor,
              at: iso(e.created_at)!,
            })),
          }
        : {}),
      created_at: iso(o.created_at)!,
      updated_at: iso(o.updated_at)!,
    }
  },

  fromPlan(
    plan: OrderPlan,
    number: number,
    channelCode: string,
    tasks: PlannedTask[],
    pickupCode: string | null,
  ): OrderView {
    const now = new Date()
    const lines: LineRow[] = plan.lines.map((l) => ({
      id: l.id,
      line_no: l.lineNo,
      sku: l.sku,
      product_name: l.productName,
      quantity: l.quantity,
      unit_price_cents: l.unitPriceCents,
      discount_cents: l.discountCents,
      total_cents: l.totalCents,
      vat_rate_bp: l.vatRateBp,
      vat_cents: l.vatCents,
      fulfilment: l.fulfilment,
      source_location_id: l.sourceLocationId,
      pickup_location_id: l.pickupLocationId,
      fulfilled_quantity: l.fulfilledQuantity,
      cancelled_quantity: 0,
      returned_quantity: 0,
      promotions: l.promotions,
    }))
    const payments: PaymentRow[] = plan.payments.map((p) => ({
      id: p.id,
      order_id: plan.id,
      kind: 'capture',
      // Written from the payment methods only (the column's enum); read back as text.
      method: p.method as PaymentMethod,
      amount_cents: p.amountCents,
      tendered_cents: p.tenderedCents,
      reference: p.reference,
      created_at: now,
    }))
    return orderView.fromRows(
      {
        id: plan.id,
        number,
        channel_id: plan.channelId,
        channel_code: channelCode,
        customer_id: plan.customerId,
        store_id: plan.storeId,
        status: plan.status,
        currency: plan.currency,
        total_cents: plan.totalCents,
        vat_cents: plan.vatCents,
        paid_cents: plan.paidCents,
        refunded_cents: 0,
        delivery_address: plan.deliveryAddress,
        draft_expires_at: plan.draftExpiresAt,
        placed_at: plan.placedAt,
        routing: plan.routing,
        pickup_routing: plan.pickupRouting,
        pickup_code: pickupCode,
        created_at: now,
        updated_at: now,
      },
      lines,
      payments,
      undefined,
      tasks.map(plannedTaskView),
    )
  },
}

/** What the customer still owes: nothing on a cancelled or expired order. */
function balanceDue(o: OrderRow): number {
  if (o.status === 'cancelled' || o.status === 'expired') return 0
  return Math.max(0, o.total_cents - o.paid_cents)
}

/** An order as a customer's list of orders shows it: what they bought, where, and what it cost. */
export function orderSummary(o: OrderView): Static<typeof OrderSummary> {
  return {
    id: o.id,
    number: o.number,
    channel_code: o.channel.code,
    status: o.status,
    total_cents: o.total_cents,
    paid_cents: o.paid_cents,
    refunded_cents: o.refunded_cents,
    store_id: o.store_id,
    lines: o.lines.map((l) => ({
      sku: l.sku,
      product_name: l.product_name,
      quantity: l.quantity,
      total_cents: l.total_cents,
      fulfilment: l.fulfilment,
    })),
    created_at: o.created_at,
  }
}
