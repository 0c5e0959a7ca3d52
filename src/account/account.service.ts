import { sql } from 'drizzle-orm'
import { deliveredAt, warrantyOf } from '../aftersales/index.ts'
import { visibleCustomer } from '../customers/index.ts'
import { type Executor, rows } from '../db/database.ts'
import { cachedLocations } from '../network/index.ts'
import { receiptBarcode } from '../orders/index.ts'
import type { Actor } from '../shared/actor.ts'
import { vatSummary } from '../shared/money.domain.ts'
import { type OrderHistoryRow, shipmentsOf, type TaskStepRow, trackingOf } from './account.domain.ts'
import { notFound } from './account.errors.ts'

interface PurchaseRow {
  id: string
  number: number
  channel_id: string
  channel_code: string
  channel_name: string
  channel_kind: string
  store_id: string | null
  status: string
  total_cents: number
  vat_cents: number
  refunded_cents: number
  placed_at: Date | null
  delivered_at: Date | string | null
  e_receipt_status: string | null
  e_receipt_sent_at: Date | string | null
  lines: Array<{
    id: string
    line_no: number
    sku: string
    product_name: string
    quantity: number
    unit_price_cents: number
    discount_cents: number
    total_cents: number
    vat_rate_bp: number
    vat_cents: number
    fulfilment: string
    pickup_location_id: string | null
    fulfilled_quantity: number
    cancelled_quantity: number
    returned_quantity: number
  }>
}

const purchaseColumns = sql`o.id, o.number::int AS number, o.channel_id, c.code AS channel_code,
  c.name AS channel_name, c.kind AS channel_kind, o.store_id, o.status, o.total_cents, o.vat_cents,
  o.refunded_cents, o.placed_at, ${deliveredAt(sql`o.id`)} AS delivered_at,
  er.status AS e_receipt_status, er.sent_at AS e_receipt_sent_at,
  (SELECT jsonb_agg(jsonb_build_object('id', l.id, 'line_no', l.line_no, 'sku', l.sku,
            'product_name', l.product_name, 'quantity', l.quantity, 'unit_price_cents', l.unit_price_cents,
            'discount_cents', l.discount_cents, 'total_cents', l.total_cents, 'vat_rate_bp', l.vat_rate_bp,
            'vat_cents', l.vat_cents, 'fulfilment', l.fulfilment, 'pickup_location_id', l.pickup_location_id,
            'fulfilled_quantity', l.fulfilled_quantity, 'cancelled_quantity', l.cancelled_quantity,
            'returned_quantity', l.returned_quantity) ORDER BY l.line_no)
   FROM order_line l WHERE l.order_id = o.id) AS lines`

/** The purchase's confirmation e-mail (a till sale's e-receipt), its latest if sent again. */
const eReceiptJoin = sql`LEFT JOIN LATERAL (
    SELECT m.status, m.sent_at FROM notification_message m
    WHERE m.subject_ref = o.id AND m.template = 'order_confirmation' AND m.channel = 'email'
    ORDER BY m.id DESC LIMIT 1) er ON true`

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

function purchaseView(customerId: string, o: PurchaseRow, now: Date) {
  const delivered = o.delivered_at === null ? null : new Date(o.delivered_at)
  return {
    id: o.id,
    number: String(o.number),
    receipt_barcode: receiptBarcode(o.number),
    channel: { id: o.channel_id, code: o.channel_code, name: o.channel_name, kind: o.channel_kind },
    store_id: o.store_id,
    status: o.status,
    placed_at: iso(o.placed_at),
    total_cents: o.total_cents,
    vat_cents: o.vat_cents,
    refunded_cents: o.refunded_cents,
    warranty: warrantyOf(delivered, now),
    e_receipt: {
      url: `/api/v1/customers/${customerId}/purchases/${o.id}/receipt`,
      emailed: o.e_receipt_status,
      emailed_at: iso(o.e_receipt_sent_at),
    },
    lines: (o.lines ?? []).map((l) => ({
      id: l.id,
      line_no: l.line_no,
      sku: l.sku,
      product_name: l.product_name,
      quantity: l.quantity,
      total_cents: l.total_cents,
      fulfilment: l.fulfilment,
      fulfilled_quantity: l.fulfilled_quantity,
      cancelled_quantity: l.cancelled_quantity,
      returned_quantity: l.returned_quantity,
      returnable_quantity: l.fulfilled_quantity - l.returned_quantity,
    })),
  }
}

/**
 * Every purchase of the customer, whatever channel sold it (store receipts included once the customer
 * was identified at the till or attached afterwards), newest first. A web shop or app reads those of
 * the customer logged in on it (`login`); any other customer answers 404.
 */
export async function customerPurchases(
  q: Executor,
  actor: Actor,
  id: string,
  login: string | undefined,
  limit: number,
  cursor?: string,
) {
  const customer = await visibleCustomer(q, actor, id, login)
  const found = await rows<PurchaseRow>(
    q,
    sql`SELECT ${purchaseColumns}
        FROM orders o JOIN channel c ON c.id = o.channel_id ${eReceiptJoin}
        WHERE o.customer_id = ${customer.id} AND o.status NOT IN ('draft', 'expired')
          ${cursor ? sql`AND o.id < ${cursor}` : sql``}
        ORDER BY o.customer_id, o.id DESC LIMIT ${limit + 1}`,
  )
  const now = new Date()
  return found.map((o) => purchaseView(id, o, now))
}

async function ownPurchase(
  q: Executor,
  actor: Actor,
  id: string,
  orderId: string,
  login: string | undefined,
) {
  const customer = await visibleCustomer(q, actor, id, login)
  const [order] = await rows<PurchaseRow & { pickup_code: string | null; delivery_address: unknown }>(
    q,
    sql`SELECT ${purchaseColumns}, o.pickup_code, o.delivery_address
        FROM orders o JOIN channel c ON c.id = o.channel_id ${eReceiptJoin}
        WHERE o.id = ${orderId} AND o.customer_id = ${customer.id} AND o.status NOT IN ('draft', 'expired')`,
  )
  // Someone else's order, or none: the same answer, so an account learns nothing of others.
  if (!order) throw notFound('purchase', orderId)
  return order
}

/**
 * One purchase as the customer follows it: its lines and warranty, the steps it went through (the
 * order's history and its preparation: preparing, shipped with the carrier and tracking number when
 * recorded, ready for pickup, collected…), the pickup code and store while it waits to be collected,
 * the parcels, and the returns and after-sales tickets it has.
 */
export async function customerPurchase(
  q: Executor,
  actor: Actor,
  id: string,
  orderId: string,
  login: string | undefined,
) {
  const order = await ownPurchase(q, actor, id, orderId, login)
  const [history, tasks, taskSteps, returns, tickets, locations] = await Promise.all([
    rows<OrderHistoryRow>(
      q,
      sql`SELECT type, created_at AS at FROM order_event WHERE order_id = ${order.id} ORDER BY order_id, id`,
    ),
    rows<{
      id: string
      kind: string
      location_id: string
      status: string
      expires_at: Date | null
      promised_at: Date
    }>(
      q,
      sql`SELECT id, kind, location_id, status, expires_at, promised_at FROM fulfilment_task
          WHERE order_id = ${order.id} ORDER BY id`,
    ),
    rows<TaskStepRow>(
      q,
      sql`SELECT t.id AS task_id, t.kind, t.location_id, e.to_status, e.created_at AS at, e.data
          FROM fulfilment_task t JOIN fulfilment_task_event e ON e.task_id = t.id
          WHERE t.order_id = ${order.id} ORDER BY e.id`,
    ),
    rows<{
      id: string
      number: number
      status: string
      method: string
      location_id: string
      refund_cents: number
      created_at: Date
    }>(
      q,
      sql`SELECT id, number::int AS number, status, method, location_id, refund_cents, created_at
          FROM "return" WHERE order_id = ${order.id} ORDER BY id`,
    ),
    rows<{
      id: string
      number: string
      kind: string
      status: string
      order_line_id: string
      created_at: Date
    }>(
      q,
      sql`SELECT id, number::text AS number, kind, status, order_line_id, created_at FROM service_ticket
          WHERE order_id = ${order.id} AND kind <> 'supplier_claim' ORDER BY id`,
    ),
    cachedLocations(q),
  ])
  const collect = tasks.find((t) => t.kind === 'collect' && t.status !== 'cancelled')
  const pickupStore = collect ? locations.get(collect.location_id) : undefined
  const waiting = collect !== undefined && !['collected', 'expired'].includes(collect.status)
  return {
    ...purchaseView(id, order, new Date()),
    tracking: {
      ...trackingOf(history, taskSteps),
      pickup:
        collect && pickupStore
          ? {
              status: collect.status,
              // The code opens the hand-over: said only while there is something to collect.
              code: waiting ? order.pickup_code : null,
              store: {
                id: pickupStore.id,
                code: pickupStore.code,
                name: pickupStore.name,
                address_line: pickupStore.addressLine,
                postcode: pickupStore.postcode,
                city: pickupStore.city,
                opening_hours: pickupStore.openingHours,
              },
              promised_at: new Date(collect.promised_at).toISOString(),
              collect_by: iso(collect.expires_at),
            }
          : null,
      shipments: shipmentsOf(tasks, taskSteps),
    },
    returns: returns.map((r) => ({
      id: r.id,
      number: String(r.number),
      status: r.status,
      method: r.method,
      location_id: r.location_id,
      refund_cents: r.refund_cents,
      created_at: iso(r.created_at)!,
    })),
    tickets: tickets.map((t) => ({ ...t, created_at: iso(t.created_at)! })),
  }
}

/**
 * The customer's copy of the receipt (the e-receipt), for a till sale as for an order: the store or
 * channel, the lines with their discounts, VAT per rate, what was paid and given back, and the
 * register and ticket number under which a till chained the sale.
 */
export async function customerReceipt(
  q: Executor,
  actor: Actor,
  id: string,
  orderId: string,
  login: string | undefined,
) {
  const order = await ownPurchase(q, actor, id, orderId, login)
  const [payments, tickets, locations] = await Promise.all([
    rows<{ kind: string; method: string; amount_cents: number; created_at: Date }>(
      q,
      sql`SELECT kind, method, amount_cents, created_at FROM payment WHERE order_id = ${order.id} ORDER BY id`,
    ),
    rows<{ register_id: string; seq: number; recorded_at: Date }>(
      q,
      sql`SELECT register_id, seq, recorded_at FROM fiscal_ticket
          WHERE order_id = ${order.id} AND kind = 'sale' ORDER BY recorded_at LIMIT 1`,
    ),
    cachedLocations(q),
  ])
  const store = order.store_id ? locations.get(order.store_id) : undefined
  const lines = order.lines ?? []
  return {
    order_id: order.id,
    number: String(order.number),
    receipt_barcode: receiptBarcode(order.number),
    channel: { code: order.channel_code, name: order.channel_name },
    store: store
      ? {
          name: store.name,
          address_line: store.addressLine,
          postcode: store.postcode,
          city: store.city,
        }
      : null,
    placed_at: iso(order.placed_at),
    till_ticket: tickets[0]
      ? { register_id: tickets[0].register_id, number: tickets[0].seq, at: iso(tickets[0].recorded_at)! }
      : null,
    lines: lines.map((l) => ({
      sku: l.sku,
      product_name: l.product_name,
      quantity: l.quantity,
      unit_price_cents: l.unit_price_cents,
      discount_cents: l.discount_cents,
      total_cents: l.total_cents,
      vat_rate: l.vat_rate_bp / 100,
    })),
    total_cents: order.total_cents,
    vat: vatSummary(
      lines.map((l) => ({ totalCents: l.total_cents, vatCents: l.vat_cents, vatRateBp: l.vat_rate_bp })),
    ).map((v) => ({ rate: v.rate_bp / 100, base_incl_cents: v.base_incl_cents, vat_cents: v.vat_cents })),
    payments: payments.map((p) => ({
      kind: p.kind,
      method: p.method,
      amount_cents: p.amount_cents,
      at: iso(p.created_at)!,
    })),
  }
}
