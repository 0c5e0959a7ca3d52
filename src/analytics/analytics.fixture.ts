import { sql } from 'drizzle-orm'
import type { Executor } from '../db/database.ts'
import { newId } from '../shared/ids.ts'

export interface PastLine {
  sku: string
  quantity: number
  totalCents: number
  fulfilment: 'takeaway' | 'delivery' | 'pickup' | 'reserve'
  source: string
  pickup?: string
}

export interface PastSale {
  channel: string
  store?: string
  customer?: string
  at: string
  status?: 'completed' | 'cancelled'
  lines: PastLine[]
  /** Lines (by index) returned, with the day they came back. */
  returned?: { line: number; quantity: number; refundCents: number; at: string }
}

/**
 * Orders of the past written straight into the order tables, with their events (as the order path and
 * the returns would have), so an analytics test controls every date and every cent.
 */
export async function insertPastSales(db: Executor, sales: PastSale[]): Promise<string[]> {
  const orders = sales.map((s) => ({ ...s, id: newId('ord'), lineIds: s.lines.map(() => newId('oln')) }))
  const o = orders.map((s) => ({
    id: s.id,
    channel_id: s.channel,
    customer_id: s.customer ?? null,
    store_id: s.store ?? null,
    status: s.status ?? 'completed',
    total: s.lines.reduce((t, l) => t + l.totalCents, 0),
    at: s.at,
  }))
  const l = orders.flatMap((s) =>
    s.lines.map((line, i) => ({
      id: s.lineIds[i],
      order_id: s.id,
      line_no: i + 1,
      sku: line.sku,
      quantity: line.quantity,
      unit: Math.round(line.totalCents / line.quantity),
      total: line.totalCents,
      fulfilment: line.fulfilment,
      source: line.source,
      pickup: line.pickup ?? null,
      cancelled: s.status === 'cancelled' ? line.quantity : 0,
      fulfilled: s.status === 'cancelled' ? 0 : line.quantity,
      returned: s.returned?.line === i ? s.returned.quantity : 0,
    })),
  )
  const e = orders.flatMap((s) => [
    { order_id: s.id, type: 'placed', at: s.at, data: null },
    ...(s.status === 'cancelled' ? [{ order_id: s.id, type: 'cancelled', at: s.at, data: null }] : []),
    ...(s.returned
      ? [
          {
            order_id: s.id,
            type: 'returned',
            at: s.returned.at,
            data: {
              lines: [
                {
                  order_line_id: s.lineIds[s.returned.line],
                  quantity: s.returned.quantity,
                  refund_cents: s.returned.refundCents,
                },
              ],
            },
          },
        ]
      : []),
  ])
  await db.execute(sql`INSERT INTO orders (id, channel_id, customer_id, store_id, status, currency, total_cents,
      vat_cents, paid_cents, placed_at, created_at, updated_at)
    SELECT id, channel_id, customer_id, store_id, status, 'EUR', total, 0, total, at, at, at
    FROM jsonb_to_recordset(${JSON.stringify(o)}::jsonb)
      AS x(id text, channel_id text, customer_id text, store_id text, status text, total int, at timestamptz)`)
  await db.execute(sql`INSERT INTO order_line (id, order_id, line_no, sku, product_name, quantity, unit_price_cents,
      total_cents, vat_rate_bp, vat_cents, fulfilment, source_location_id, pickup_location_id,
      fulfilled_quantity, cancelled_quantity, returned_quantity)
    SELECT id, order_id, line_no, sku, sku, quantity, unit, total, 2000, 0, fulfilment, source, pickup,
      fulfilled, cancelled, returned
    FROM jsonb_to_recordset(${JSON.stringify(l)}::jsonb)
      AS x(id text, order_id text, line_no int, sku text, quantity int, unit int, total int, fulfilment text,
           source text, pickup text, fulfilled int, cancelled int, returned int)`)
  await db.execute(sql`INSERT INTO order_event (order_id, type, data, created_at)
    SELECT order_id, type, data, at FROM jsonb_to_recordset(${JSON.stringify(e)}::jsonb)
      AS x(order_id text, type text, data jsonb, at timestamptz)`)
  return orders.map((s) => s.id)
}

/** A customer profile with only a name. */
export async function insertCustomer(db: Executor, name: string): Promise<string> {
  const id = newId('cus')
  await db.execute(sql`INSERT INTO customer (id, first_name, last_name) VALUES (${id}, ${name}, 'Test')`)
  return id
}
