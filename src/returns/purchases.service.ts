import { sql } from 'drizzle-orm'
import { findCustomerByIdentity, loggedInCustomer, requireLogin } from '../customers/index.ts'
import { type Executor, rows } from '../db/database.ts'
import { orderNumberOfReceipt, receiptBarcode } from '../orders/index.ts'
import type { Actor } from '../shared/actor.ts'
import { invalidInput } from '../shared/errors.ts'
import { normaliseStoredValueCode } from '../stored-value/index.ts'

export interface PurchaseQuery {
  number?: string
  receipt?: string
  phone?: string
  email?: string
  card?: string
  payment_reference?: string
}

/**
 * Finds a purchase to take back or service, whatever channel sold it: by order number, by the
 * receipt's barcode, by the customer (phone, e-mail, loyalty card, typed any way) or by a payment
 * reference (card authorisation, gift card code). Store staff see purchases from every channel; a
 * web shop only its own channel's purchases of the customer logged in on it (X-Customer-Login), so
 * it cannot look up anyone else's by their e-mail or an order number.
 */
export async function findPurchases(
  q: Executor,
  actor: Actor,
  query: PurchaseQuery,
  limit: number,
  login?: string,
) {
  const given = Object.entries(query).filter(([, v]) => v !== undefined && v !== '')
  if (given.length !== 1) {
    throw invalidInput(
      'query',
      'search by exactly one of number, receipt, phone, email, card, payment_reference',
    )
  }
  const [field, value] = given[0] as [keyof PurchaseQuery, string]
  const onlyCustomer = actor.role === 'channel' ? await loggedInCustomer(q, actor, requireLogin(login)) : null
  if (actor.role === 'channel' && onlyCustomer === null) return []
  let where: ReturnType<typeof sql>
  if (field === 'number' || field === 'receipt') {
    const n =
      field === 'number'
        ? /^\d{1,12}$/.test(value.trim())
          ? Number(value)
          : null
        : orderNumberOfReceipt(value.trim())
    if (n === null)
      throw invalidInput(field, field === 'number' ? 'is not an order number' : 'is not a receipt barcode')
    where = sql`o.number = ${n}`
  } else if (field === 'payment_reference') {
    const ref = /^(GC|SC|VO)/i.test(value) ? normaliseStoredValueCode(value, field) : value.trim()
    where = sql`o.id IN (SELECT order_id FROM payment WHERE reference = ${ref} AND kind = 'capture')`
  } else {
    const customer = await findCustomerByIdentity(q, { [field]: value })
    if (!customer) return []
    where = sql`o.customer_id = ${customer.id}`
  }
  const found = await rows<{
    id: string
    number: number
    channel_id: string
    channel_code: string
    customer_id: string | null
    store_id: string | null
    status: string
    total_cents: number
    refunded_cents: number
    placed_at: Date | null
    lines: Array<{
      id: string
      line_no: number
      sku: string
      product_name: string
      quantity: number
      total_cents: number
      fulfilled_quantity: number
      returned_quantity: number
    }>
  }>(
    q,
    sql`SELECT o.id, o.number::int AS number, o.channel_id, c.code AS channel_code, o.customer_id, o.store_id, o.status,
               o.total_cents, o.refunded_cents, o.placed_at,
               (SELECT jsonb_agg(jsonb_build_object('id', l.id, 'line_no', l.line_no, 'sku', l.sku,
                         'product_name', l.product_name, 'quantity', l.quantity, 'total_cents', l.total_cents,
                         'fulfilled_quantity', l.fulfilled_quantity, 'returned_quantity', l.returned_quantity)
                       ORDER BY l.line_no)
                FROM order_line l WHERE l.order_id = o.id) AS lines
        FROM orders o JOIN channel c ON c.id = o.channel_id
        WHERE ${where} AND o.status NOT IN ('draft', 'expired')
          ${actor.role === 'channel' ? sql`AND o.channel_id = ${actor.channelId} AND o.customer_id = ${onlyCustomer}` : sql``}
        ORDER BY o.id DESC LIMIT ${limit}`,
  )
  return found.map((o) => ({
    id: o.id,
    number: String(o.number),
    receipt_barcode: receiptBarcode(o.number),
    channel: { id: o.channel_id, code: o.channel_code },
    customer_id: o.customer_id,
    store_id: o.store_id,
    status: o.status,
    total_cents: o.total_cents,
    refunded_cents: o.refunded_cents,
    placed_at: o.placed_at ? new Date(o.placed_at).toISOString() : null,
    lines: (o.lines ?? []).map((l) => ({
      ...l,
      returnable_quantity: l.fulfilled_quantity - l.returned_quantity,
    })),
  }))
}
