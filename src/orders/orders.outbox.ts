import { type EventActor, type NewEvent, orderEvents, paymentEvents, pickupEvents } from '../events/index.ts'
import type { OrderPlan, PlannedPayment } from './orders.domain.ts'

// The events of the orders capability, built from the facts the services write: ids, statuses, cents
// and quantities only. Each is recorded by the statement or transaction that writes its fact.

/**
 * An order placed: `order.placed` with its lines, a `payment.captured` per tender taken, and
 * `order.completed` when a till sale is complete at once (its lines, all carried away, are in
 * `order.placed` as `takeaway`: no `order.line_fulfilled` is recorded for them).
 */
export function placedEvents(plan: OrderPlan, number: number, actor: EventActor): NewEvent[] {
  // The payload's schema refuses any other status.
  const status = plan.status as 'draft' | 'placed' | 'partially_fulfilled' | 'fulfilled' | 'completed'
  return [
    orderEvents.event('order.placed', {
      aggregateId: plan.id,
      actor,
      payload: {
        order_id: plan.id,
        number,
        status,
        channel_id: plan.channelId,
        store_id: plan.storeId,
        customer_id: plan.customerId,
        currency: plan.currency,
        total_cents: plan.totalCents,
        vat_cents: plan.vatCents,
        paid_cents: plan.paidCents,
        lines: plan.lines.map((l) => ({
          line_id: l.id,
          sku: l.sku,
          quantity: l.quantity,
          total_cents: l.totalCents,
          fulfilment: l.fulfilment,
          source_location_id: l.sourceLocationId,
          pickup_location_id: l.pickupLocationId,
        })),
      },
    }),
    ...paymentsEvents(plan.id, plan.payments, [], actor),
    ...(status === 'completed'
      ? [
          completedEvent(
            {
              id: plan.id,
              channel_id: plan.channelId,
              customer_id: plan.customerId,
              total_cents: plan.totalCents,
            },
            actor,
          ),
        ]
      : []),
  ]
}

/** A `payment.captured` per tender taken and a `payment.refunded` per refund, in that order. */
export function paymentsEvents(
  orderId: string,
  captures: readonly PlannedPayment[],
  refunds: readonly PlannedPayment[],
  actor: EventActor,
): NewEvent[] {
  return [
    ...captures.map((p) =>
      paymentEvents.event('payment.captured', {
        aggregateId: orderId,
        actor,
        payload: { order_id: orderId, payment_id: p.id, method: p.method, amount_cents: p.amountCents },
      }),
    ),
    ...refunds.map((p) =>
      paymentEvents.event('payment.refunded', {
        aggregateId: orderId,
        actor,
        payload: {
          order_id: orderId,
          payment_id: p.id,
          method: p.method,
          amount_cents: p.amountCents,
          return_id: p.returnId ?? null,
        },
      }),
    ),
  ]
}

export function completedEvent(
  order: { id: string; channel_id: string; customer_id: string | null; total_cents: number },
  actor: EventActor,
): NewEvent {
  return orderEvents.event('order.completed', {
    aggregateId: order.id,
    actor,
    payload: {
      order_id: order.id,
      channel_id: order.channel_id,
      customer_id: order.customer_id,
      total_cents: order.total_cents,
    },
  })
}

export function confirmedEvent(orderId: string, paidCents: number, actor: EventActor): NewEvent {
  return orderEvents.event('order.confirmed', {
    aggregateId: orderId,
    actor,
    payload: { order_id: orderId, paid_cents: paidCents },
  })
}

/** An order cancelled, with the units it took off each line now (none when the last went line by line). */
export function cancelledEvent(
  orderId: string,
  refundedCents: number,
  lines: ReadonlyArray<{ id: string; quantity: number }>,
  actor: EventActor,
): NewEvent {
  return orderEvents.event('order.cancelled', {
    aggregateId: orderId,
    actor,
    payload: {
      order_id: orderId,
      refunded_cents: refundedCents,
      lines: lines.filter((l) => l.quantity > 0).map((l) => ({ line_id: l.id, quantity: l.quantity })),
    },
  })
}

/** Units of a line cancelled and refunded (nobody could serve them, or they were not collected). */
export function lineCancelledEvent(
  orderId: string,
  line: { id: string; sku: string; cancelledQuantity: number },
  quantity: number,
  reason: 'line_cancelled' | 'pickup_expired',
  refundedCents: number,
  actor: EventActor,
): NewEvent {
  return orderEvents.event('order.line_cancelled', {
    aggregateId: orderId,
    actor,
    payload: {
      order_id: orderId,
      line_id: line.id,
      sku: line.sku,
      quantity,
      cancelled_quantity: line.cancelledQuantity + quantity,
      reason,
      refunded_cents: refundedCents,
    },
  })
}

/** Units of lines handed over or shipped: one `order.line_fulfilled` per line. */
export function lineFulfilledEvents(
  orderId: string,
  items: ReadonlyArray<{ orderLineId: string; quantity: number }>,
  lines: ReadonlyArray<{ id: string; sku: string; fulfilledQuantity: number; sourceLocationId: string }>,
  actor: EventActor,
  shipment?: Shipment,
): NewEvent[] {
  return items.map((item) => {
    const line = lines.find((l) => l.id === item.orderLineId)!
    return orderEvents.event('order.line_fulfilled', {
      aggregateId: orderId,
      actor,
      payload: {
        order_id: orderId,
        line_id: line.id,
        sku: line.sku,
        quantity: item.quantity,
        fulfilled_quantity: line.fulfilledQuantity + item.quantity,
        location_id: line.sourceLocationId,
        ...(shipment ? { carrier: shipment.carrier, tracking_numbers: shipment.trackingNumbers } : {}),
      },
    })
  })
}

/** The carrier and parcels that took a ship task's goods, told with the shipped lines. */
export interface Shipment {
  carrier: string
  trackingNumbers: string[]
}

export function pickupEvent(
  type: 'pickup.collected' | 'pickup.expired',
  orderId: string,
  locationId: string,
  actor: EventActor,
): NewEvent {
  return pickupEvents.event(type, {
    aggregateId: orderId,
    actor,
    payload: { order_id: orderId, location_id: locationId },
  })
}

export function pickupReadyEvent(
  orderId: string,
  locationId: string,
  readyUntil: Date | null,
  actor: EventActor,
): NewEvent {
  return pickupEvents.event('pickup.ready', {
    aggregateId: orderId,
    actor,
    payload: { order_id: orderId, location_id: locationId, ready_until: readyUntil?.toISOString() ?? null },
  })
}
