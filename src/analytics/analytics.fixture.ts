import { sql } from 'drizzle-orm'
import type { Executor } from '../db/database.ts'
import { bySystem, orderEvents, outboxInsert, returnEvents } from '../events/index.ts'
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
 * Orders of the past written straight into the order and return tables, with their events (as the order
 * path and the returns would have: the order's history and the outbox), so an analytics test controls
 * every date and every cent. The analytics consumers apply the events at the next read.
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
  const returns = orders.flatMap((s) => {
    if (!s.returned) return []
    const line = s.lines[s.returned.line]!
    return [
      {
        id: newId('rtn'),
        line_id: newId('rln'),
        order_id: s.id,
        customer_id: s.customer ?? null,
        channel_id: s.channel,
        location_id: s.store ?? line.source,
        order_line_id: s.lineIds[s.returned.line]!,
        line_no: s.returned.line + 1,
        sku: line.sku,
        quantity: s.returned.quantity,
        refund: s.returned.refundCents,
        at: s.returned.at,
      },
    ]
  })
  // The order's history (its timeline), and the facts the consumers read, as the engine records them.
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
  const actor = bySystem
  const facts = orders.flatMap((s, i) => {
    const total = o[i]!.total
    const placed = orderEvents.event('order.placed', {
      aggregateId: s.id,
      actor,
      occurredAt: new Date(s.at),
      payload: {
        order_id: s.id,
        number: 0,
        status: s.status === 'cancelled' ? 'placed' : 'completed',
        channel_id: s.channel,
        store_id: s.store ?? null,
        customer_id: s.customer ?? null,
        currency: 'EUR',
        total_cents: total,
        vat_cents: 0,
        paid_cents: total,
        lines: s.lines.map((line, j) => ({
          line_id: s.lineIds[j]!,
          sku: line.sku,
          quantity: line.quantity,
          total_cents: line.totalCents,
          fulfilment: line.fulfilment,
          source_location_id: line.source,
          pickup_location_id: line.pickup ?? null,
        })),
      },
    })
    const cancelled =
      s.status === 'cancelled'
        ? [
            orderEvents.event('order.cancelled', {
              aggregateId: s.id,
              actor,
              occurredAt: new Date(s.at),
              payload: {
                order_id: s.id,
                refunded_cents: total,
                lines: s.lines.map((line, j) => ({ line_id: s.lineIds[j]!, quantity: line.quantity })),
              },
            }),
          ]
        : []
    return [placed, ...cancelled]
  })
  const refunded = returns.map((r) =>
    returnEvents.event('return.refunded', {
      aggregateId: r.id,
      actor,
      occurredAt: new Date(r.at),
      payload: {
        return_id: r.id,
        order_id: r.order_id,
        refunded_cents: r.refund,
        destination: 'original',
        lines: [{ line_id: r.order_line_id, quantity: r.quantity }],
      },
    }),
  )
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
  await db.execute(sql`INSERT INTO "return" (id, order_id, customer_id, channel_id, method, location_id, status,
      refund_to, refund_cents, vat_cents, policy, received_at, created_at, updated_at)
    SELECT id, order_id, customer_id, channel_id, 'in_store', location_id, 'completed', 'original', refund, 0,
      '{}'::jsonb, at, at, at
    FROM jsonb_to_recordset(${JSON.stringify(returns)}::jsonb)
      AS x(id text, order_id text, customer_id text, channel_id text, location_id text, refund int, at timestamptz)`)
  await db.execute(sql`INSERT INTO return_line (id, return_id, order_line_id, line_no, sku, quantity, reason,
      condition, resolution, refund_cents, vat_cents, vat_rate_bp)
    SELECT line_id, id, order_line_id, line_no, sku, quantity, 'changed_mind', 'resellable', 'refund', refund, 0, 2000
    FROM jsonb_to_recordset(${JSON.stringify(returns)}::jsonb)
      AS x(line_id text, id text, order_line_id text, line_no int, sku text, quantity int, refund int)`)
  await db.execute(sql`INSERT INTO order_event (order_id, type, data, created_at)
    SELECT order_id, type, data, at FROM jsonb_to_recordset(${JSON.stringify(e)}::jsonb)
      AS x(order_id text, type text, data jsonb, at timestamptz)`)
  // In batches: one statement's parameters stay small whatever the history.
  for (let i = 0; i < facts.length + refunded.length; i += 500)
    await db.execute(outboxInsert([...facts, ...refunded].slice(i, i + 500)))
  return orders.map((s) => s.id)
}

/** A customer profile with only a name. */
export async function insertCustomer(db: Executor, name: string): Promise<string> {
  const id = newId('cus')
  await db.execute(sql`INSERT INTO customer (id, first_name, last_name) VALUES (${id}, ${name}, 'Test')`)
  return id
}
