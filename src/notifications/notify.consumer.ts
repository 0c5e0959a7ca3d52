import { inArray, sql } from 'drizzle-orm'
import { ticketForNotice } from '../aftersales/index.ts'
import { cachedChannel } from '../channels/index.ts'
import { rows, type Tx } from '../db/database.ts'
import { batchConsumer, type PublishedEvent } from '../events/index.ts'
import { returns } from '../returns/index.ts'
import { anonymiseMessagesOf, cancelQueued, moveMessages } from './messages.store.ts'
import {
  type Notice,
  type OrderContext,
  orderContexts,
  type QueuedNotice,
  queueNotices,
  storeOf,
} from './notices.service.ts'

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
 * pickup expiry, shipped, refunds, returns received, after-sales status changes. A batch consumer
 * (src/events/batch.ts): the event ids of a pass are recorded in one statement, the orders, returns,
 * lines and customers its events name are read once for the whole pass, and its messages written in
 * one insert, with the cursor, in one transaction. Each event writes its messages once (the messages
 * are unique per event, template and medium too). A merged profile's messages and preferences go to
 * the survivor; an erased customer's messages are anonymised. Those, and withdrawing a reminder once
 * the goods are collected, apply in the events' order between the notices before and after them.
 */
export const notifyCustomers = batchConsumer({
  id: 'notifications.notify',
  // Messages are what a customer waits for: a pass as soon as the relay has numbered new events in
  // this process, else every 200 ms (the relay's own interval).
  intervalS: 0.2,
  wakeAfter: ['events.sequence'],
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
  async applyBatch(tx, events) {
    let run: PublishedEvent[] = []
    for (const event of events) {
      const d = event.data as Data
      const ordered =
        event.type === 'customer.erased' ||
        event.type === 'customer.merged' ||
        event.type === 'pickup.collected' ||
        event.type === 'pickup.expired'
      if (!ordered) {
        run.push(event)
        continue
      }
      await queueNotices(tx, await noticesOf(tx, run))
      run = []
      if (event.type === 'customer.erased') await anonymiseMessagesOf(tx, d.customer_id as string)
      else if (event.type === 'customer.merged')
        await moveMessages(tx, d.merged_id as string, d.customer_id as string)
      else {
        await cancelQueued(tx, d.order_id as string, 'pickup_reminder')
        if (event.type === 'pickup.expired') run.push(event)
      }
    }
    await queueNotices(tx, await noticesOf(tx, run))
  },
})

/** What a run of events says to customers, from one read of each kind of thing they name. */
async function noticesOf(tx: Tx, events: readonly PublishedEvent[]): Promise<QueuedNotice[]> {
  if (events.length === 0) return []
  for (const e of events) if (e.type === 'order.placed') rememberDeliveryLines(e.data as Data)
  const shippedOrders = await deliveriesShipped(tx, events)
  const returnsOf = await returnsNamed(tx, events)
  const orderIds = new Set<string>()
  for (const e of events) {
    const d = e.data as Data
    if (e.type === 'return.received' || e.type === 'return.refunded') {
      const ret = returnsOf.get(d.return_id as string)
      if (ret) orderIds.add(ret.order_id)
    } else if (e.type === 'order.line_fulfilled') {
      if (shippedOrders.has(d.order_id as string)) orderIds.add(d.order_id as string)
    } else if (e.type !== 'ticket.status_changed' && typeof d.order_id === 'string') orderIds.add(d.order_id)
  }
  const contexts = await orderContexts(tx, [...orderIds])
  const out: QueuedNotice[] = []
  const shippedTold = new Set<string>()
  for (const event of events) {
    const d = event.data as Data
    const ctx = typeof d.order_id === 'string' ? contexts.get(d.order_id) : undefined
    let notices: Notice[] = []
    switch (event.type) {
      case 'order.placed':
        // Most till sales have no customer: nothing to tell them.
        notices = d.status === 'draft' || d.customer_id === null ? [] : await confirmation(tx, ctx)
        break
      case 'order.confirmed':
        notices = await confirmation(tx, ctx)
        break
      case 'order.cancelled':
        notices = refund(ctx, d.refunded_cents as number)
        break
      case 'order.line_cancelled':
        // A pickup given up is told by its own message, which says the goods are refunded.
        notices = d.reason === 'pickup_expired' ? [] : refund(ctx, d.refunded_cents as number)
        break
      case 'order.line_fulfilled':
        if (ctx?.order.customer_id && shippedOrders.has(ctx.order.id) && !shippedTold.has(ctx.order.id)) {
          shippedTold.add(ctx.order.id)
          // A task shipped in parcels names their carrier and tracking numbers; a hand-over without parcels does not.
          const tracking = (d.tracking_numbers as string[] | undefined)?.join(', ') || null
          notices = [
            {
              template: 'shipped',
              customerId: ctx.order.customer_id,
              subjectRef: ctx.order.id,
              data: { ...ctx.data, carrier: (d.carrier as string | undefined) ?? null, tracking },
            },
          ]
        }
        break
      case 'pickup.ready':
        notices = await pickupReady(tx, ctx, d.location_id as string, d.ready_until as string | null)
        break
      case 'pickup.expired':
        notices = await aboutOrder(tx, ctx, 'pickup_expired', d.location_id as string)
        break
      case 'return.received':
      case 'return.refunded': {
        const ret = returnsOf.get(d.return_id as string)
        if (ret) notices = await returnNotice(tx, ret, contexts.get(ret.order_id), event.type, d)
        break
      }
      case 'ticket.status_changed':
        notices = await ticketNotice(tx, d.ticket_id as string, d.to_status as string)
        break
    }
    for (const notice of notices) out.push({ eventId: event.id, notice })
  }
  return out
}

async function confirmation(tx: Tx, ctx: OrderContext | undefined): Promise<Notice[]> {
  if (!ctx?.order.customer_id) return []
  const channel = await cachedChannel(tx, ctx.order.channel_id)
  // A sale carried away from the till has its paper receipt: an e-mail only when the customer asked.
  const tillSale = channel.kind === 'store' && ctx.lines.every((l) => l.fulfilment === 'takeaway')
  return [
    {
      template: 'order_confirmation',
      customerId: ctx.order.customer_id,
      subjectRef: ctx.order.id,
      data: ctx.data,
      ...(tillSale ? { requires: 'e_receipt' as const } : {}),
    },
  ]
}

async function aboutOrder(
  tx: Tx,
  ctx: OrderContext | undefined,
  template: Notice['template'],
  locationId: string | null,
  extra: Data = {},
): Promise<Notice[]> {
  if (!ctx) return []
  const store = locationId ? await storeOf(tx, locationId) : ctx.data.store
  return [
    {
      template,
      customerId: ctx.order.customer_id,
      subjectRef: ctx.order.id,
      data: { ...ctx.data, store, ...extra },
    },
  ]
}

const refund = (ctx: OrderContext | undefined, cents: number): Notice[] =>
  ctx && cents > 0
    ? [
        {
          template: 'refund_issued',
          customerId: ctx.order.customer_id,
          subjectRef: ctx.order.id,
          data: { ...ctx.data, refund_cents: cents },
        },
      ]
    : []

async function pickupReady(
  tx: Tx,
  ctx: OrderContext | undefined,
  locationId: string,
  readyUntil: string | null,
) {
  const [ready] = await aboutOrder(tx, ctx, 'pickup_ready', locationId, { ready_until: readyUntil })
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
// read. A process that did not see it (another worker, a restart) reads the lines instead.
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

/**
 * The orders of a run whose delivery lines left with a customer to tell, and that were not told in the
 * last ten minutes: one read of the lines not known from their order's event, one of recent messages.
 */
async function deliveriesShipped(tx: Tx, events: readonly PublishedEvent[]): Promise<Set<string>> {
  const fulfilled = events
    .filter((e) => e.type === 'order.line_fulfilled')
    .map((e) => e.data as { order_id: string; line_id: string })
    .filter((d) => deliveryLines.get(d.order_id)?.has(d.line_id) !== false)
  if (fulfilled.length === 0) return new Set()
  const delivered = await rows<{ order_id: string }>(
    tx,
    sql`SELECT DISTINCT l.order_id FROM order_line l JOIN orders o ON o.id = l.order_id
        WHERE l.id IN (SELECT jsonb_array_elements_text(${JSON.stringify(fulfilled.map((d) => d.line_id))}::jsonb))
          AND l.fulfilment = 'delivery' AND o.customer_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM notification_message m WHERE m.subject_ref = l.order_id
                          AND m.template = 'shipped'
                          AND m.created_at > now() - make_interval(secs => ${SHIPPED_COALESCE_S}))`,
  )
  return new Set(delivered.map((r) => r.order_id))
}

interface ReturnRow {
  id: string
  number: string
  order_id: string
  customer_id: string | null
}

async function returnsNamed(tx: Tx, events: readonly PublishedEvent[]): Promise<Map<string, ReturnRow>> {
  const ids = events
    .filter((e) => e.type === 'return.received' || e.type === 'return.refunded')
    .map((e) => (e.data as Data).return_id as string)
  if (ids.length === 0) return new Map()
  const found = await tx
    .select({
      id: returns.id,
      number: returns.number,
      order_id: returns.orderId,
      customer_id: returns.customerId,
    })
    .from(returns)
    .where(inArray(returns.id, ids))
  return new Map(found.map((r) => [r.id, { ...r, number: String(r.number) }]))
}

async function returnNotice(
  tx: Tx,
  ret: ReturnRow,
  ctx: OrderContext | undefined,
  type: 'return.received' | 'return.refunded',
  d: Data,
): Promise<Notice[]> {
  const refundCents = type === 'return.refunded' ? (d.refunded_cents as number) : 0
  if (type === 'return.refunded' && !(refundCents > 0)) return []
  const extra = { return_number: ret.number, ...(refundCents > 0 ? { refund_cents: refundCents } : {}) }
  const notices =
    type === 'return.received'
      ? await aboutOrder(tx, ctx, 'return_received', d.location_id as string, extra)
      : await aboutOrder(tx, ctx, 'refund_issued', null, extra)
  return notices.map((n) => ({ ...n, customerId: ret.customer_id ?? n.customerId, subjectRef: ret.id }))
}

async function ticketNotice(tx: Tx, ticketId: string, status: string): Promise<Notice[]> {
  const ticket = await ticketForNotice(tx, ticketId)
  if (!ticket?.customer_id) return []
  const ctx = (await orderContexts(tx, [ticket.order_id])).get(ticket.order_id)
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
