import { eq, sql } from 'drizzle-orm'
import { ticketForNotice } from '../aftersales/index.ts'
import { cachedChannel } from '../channels/index.ts'
import { rows, type Tx } from '../db/database.ts'
import type { EventConsumer, PublishedEvent } from '../events/index.ts'
import { orderLines, orders } from '../orders/index.ts'
import { returns } from '../returns/index.ts'
import { anonymiseMessagesOf, cancelQueued, moveMessages } from './messages.store.ts'
import { type Notice, orderContext, queueNotice, storeOf } from './notices.service.ts'

// A reminder goes a day before a pickup is given up, when that is at least an hour away.
const REMINDER_BEFORE_MS = 24 * 3_600_000
const REMINDER_MIN_LEAD_MS = 3_600_000
// Lines of one order leave together in one hand-over, each with its own event: one "shipped" message
// covers those within this window.
const SHIPPED_COALESCE_S = 600

type Data = Record<string, unknown>

/**
 * What the customer hears, a moment after each fact, off the order path: order confirmation (a till
 * sale carried away only when the customer asked for e-receipts), ready for pickup and its reminder,
 * pickup expiry, shipped, refunds, returns received, after-sales status changes. Each event writes its
 * messages once (the runner records the event id with them; the messages are unique per event,
 * template and medium too). A merged profile's messages and preferences go to the survivor; an
 * erased customer's messages are anonymised.
 */
export const notifyCustomers: EventConsumer = {
  id: 'notifications.notify',
  types: [
    'order.placed',
    'order.confirmed',
    'order.cancelled',
    'order.line_cancelled',
    'order.line_fulfilled',
    'pickup.ready',
    'pickup.collected',
    'pickup.expired',
    'return.received',
    'return.refunded',
    'ticket.status_changed',
    'customer.merged',
    'customer.erased',
  ],
  async apply(tx, event) {
    const d = event.data as Data
    if (event.type === 'customer.erased') {
      await anonymiseMessagesOf(tx, d.customer_id as string)
      return
    }
    if (event.type === 'customer.merged') {
      await moveMessages(tx, d.merged_id as string, d.customer_id as string)
      return
    }
    if (event.type === 'pickup.collected' || event.type === 'pickup.expired') {
      await cancelQueued(tx, d.order_id as string, 'pickup_reminder')
    }
    for (const notice of await noticesOf(tx, event)) await queueNotice(tx, event.id, notice)
  },
}

async function noticesOf(tx: Tx, event: PublishedEvent): Promise<Notice[]> {
  const d = event.data as Data
  switch (event.type) {
    case 'order.placed':
      rememberDeliveryLines(d)
      // Most till sales have no customer: nothing to read for them.
      return d.status === 'draft' || d.customer_id === null ? [] : confirmation(tx, d.order_id as string)
    case 'order.confirmed':
      return confirmation(tx, d.order_id as string)
    case 'order.cancelled':
      return refund(tx, d.order_id as string, d.refunded_cents as number)
    case 'order.line_cancelled':
      // A pickup given up is told by its own message, which says the goods are refunded.
      return d.reason === 'pickup_expired' ? [] : refund(tx, d.order_id as string, d.refunded_cents as number)
    case 'order.line_fulfilled':
      return shipped(tx, d.order_id as string, d.line_id as string, {
        carrier: (d.carrier as string | undefined) ?? null,
        tracking: (d.tracking_numbers as string[] | undefined)?.join(', ') ?? null,
      })
    case 'pickup.ready':
      return pickupReady(tx, d.order_id as string, d.location_id as string, d.ready_until as string | null)
    case 'pickup.expired':
      return aboutOrder(tx, d.order_id as string, 'pickup_expired', d.location_id as string)
    case 'return.received':
      return returnNotice(tx, d.return_id as string, 'return_received', d.location_id as string, 0)
    case 'return.refunded':
      return returnNotice(tx, d.return_id as string, 'refund_issued', null, d.refunded_cents as number)
    case 'ticket.status_changed':
      return ticketNotice(tx, d.ticket_id as string, d.to_status as string)
    default:
      return []
  }
}

async function confirmation(tx: Tx, orderId: string): Promise<Notice[]> {
  const ctx = await orderContext(tx, orderId)
  if (!ctx?.order.customer_id) return []
  const channel = await cachedChannel(tx, ctx.order.channel_id)
  // A sale carried away from the till has its paper receipt: an e-mail only when the customer asked.
  const tillSale = channel.kind === 'store' && ctx.lines.every((l) => l.fulfilment === 'takeaway')
  return [
    {
      template: 'order_confirmation',
      customerId: ctx.order.customer_id,
      subjectRef: orderId,
      data: ctx.data,
      ...(tillSale ? { requires: 'e_receipt' as const } : {}),
    },
  ]
}

async function aboutOrder(
  tx: Tx,
  orderId: string,
  template: Notice['template'],
  locationId: string | null,
  extra: Data = {},
): Promise<Notice[]> {
  const ctx = await orderContext(tx, orderId)
  if (!ctx) return []
  const store = locationId ? await storeOf(tx, locationId) : ctx.data.store
  return [
    {
      template,
      customerId: ctx.order.customer_id,
      subjectRef: orderId,
      data: { ...ctx.data, store, ...extra },
    },
  ]
}

async function refund(tx: Tx, orderId: string, cents: number) {
  return cents > 0 ? aboutOrder(tx, orderId, 'refund_issued', null, { refund_cents: cents }) : []
}

async function pickupReady(tx: Tx, orderId: string, locationId: string, readyUntil: string | null) {
  const [ready] = await aboutOrder(tx, orderId, 'pickup_ready', locationId, { ready_until: readyUntil })
  if (!ready) return []
  const remindAt = readyUntil ? new Date(Date.parse(readyUntil) - REMINDER_BEFORE_MS) : null
  const reminder =
    remindAt && remindAt.getTime() - Date.now() >= REMINDER_MIN_LEAD_MS
      ? [{ ...ready, template: 'pickup_reminder' as const, dueAt: remindAt }]
      : []
  return [ready, ...reminder]
}

// Every line of every sale is fulfilled, most of them carried away at a till: the order's own event,
// read just before in the same pass usually, says which lines are delivered, so those others cost no
// read. A process that did not see it (another worker, a restart) reads the line instead.
const deliveryLines = new Map<string, Set<string>>()
const REMEMBERED_ORDERS = 20_000

function rememberDeliveryLines(d: Data) {
  const lines = d.lines as Array<{ line_id: string; fulfilment: string }>
  deliveryLines.set(
    d.order_id as string,
    new Set(lines.filter((l) => l.fulfilment === 'delivery').map((l) => l.line_id)),
  )
  if (deliveryLines.size > REMEMBERED_ORDERS) deliveryLines.delete(deliveryLines.keys().next().value!)
}

async function shipped(
  tx: Tx,
  orderId: string,
  lineId: string,
  parcel: { carrier: string | null; tracking: string | null },
): Promise<Notice[]> {
  if (deliveryLines.get(orderId)?.has(lineId) === false) return []
  // Every line of every sale is fulfilled: one read tells those that are no customer's delivery.
  const [line] = await tx
    .select({ fulfilment: orderLines.fulfilment, customerId: orders.customerId })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(eq(orderLines.id, lineId))
  if (!line?.customerId || line.fulfilment !== 'delivery') return []
  const ctx = await orderContext(tx, orderId)
  if (!ctx?.order.customer_id) return []
  const [recent] = await rows(
    tx,
    sql`SELECT 1 FROM notification_message WHERE subject_ref = ${orderId} AND template = 'shipped'
          AND created_at > now() - make_interval(secs => ${SHIPPED_COALESCE_S}) LIMIT 1`,
  )
  if (recent) return []
  // A task shipped in parcels names their carrier and tracking numbers; a hand-over without parcels does not.
  const data = { ...ctx.data, carrier: parcel.carrier, tracking: parcel.tracking }
  return [{ template: 'shipped', customerId: ctx.order.customer_id, subjectRef: orderId, data }]
}

async function returnNotice(
  tx: Tx,
  returnId: string,
  template: 'return_received' | 'refund_issued',
  locationId: string | null,
  refundCents: number,
): Promise<Notice[]> {
  const [ret] = await tx
    .select({ number: returns.number, orderId: returns.orderId, customerId: returns.customerId })
    .from(returns)
    .where(eq(returns.id, returnId))
  if (!ret) return []
  const extra = {
    return_number: String(ret.number),
    ...(refundCents > 0 ? { refund_cents: refundCents } : {}),
  }
  if (template === 'refund_issued' && !(refundCents > 0)) return []
  const notices = await aboutOrder(tx, ret.orderId, template, locationId, extra)
  return notices.map((n) => ({ ...n, customerId: ret.customerId ?? n.customerId, subjectRef: returnId }))
}

async function ticketNotice(tx: Tx, ticketId: string, status: string): Promise<Notice[]> {
  const ticket = await ticketForNotice(tx, ticketId)
  if (!ticket?.customer_id) return []
  const ctx = await orderContext(tx, ticket.order_id)
  return [
    {
      template: 'ticket_status_changed',
      customerId: ticket.customer_id,
      subjectRef: ticketId,
      data: {
        currency: ctx?.order.currency ?? 'EUR',
        order_number: ctx?.data.order_number,
        ticket_number: ticket.number,
        ticket_status: status,
      },
    },
  ]
}
