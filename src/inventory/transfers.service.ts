import { sql } from 'drizzle-orm'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import {
  byApiKey,
  byLedgerActor,
  type EventActor,
  type NewEvent,
  outboxInsert,
  stockEvents,
} from '../events/index.ts'
import { cachedLocations, promiseAt, transitArrival } from '../network/index.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { conflict, notFound } from './inventory.errors.ts'
import { assertKnown, assertMayManageStock, transferStock } from './inventory.service.ts'

export interface TransferRow {
  id: string
  from_location_id: string
  to_location_id: string
  status: 'in_transit' | 'received'
  order_id: string | null
  expected_at: Date
  received_at: Date | null
  created_by: string | null
  created_at: Date
  lines: Array<{ line_no: number; sku: string; quantity: number; order_line_id: string | null }>
}

const columns = sql`t.id, t.from_location_id, t.to_location_id, t.status, t.order_id, t.expected_at, t.received_at,
  t.created_by, t.created_at,
  (SELECT coalesce(json_agg(json_build_object('line_no', l.line_no, 'sku', l.sku, 'quantity', l.quantity,
            'order_line_id', l.order_line_id) ORDER BY l.line_no), '[]'::json)
   FROM transfer_line l WHERE l.transfer_id = t.id) AS lines`

export function transferView(t: TransferRow) {
  const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString())
  return {
    id: t.id,
    from_location_id: t.from_location_id,
    to_location_id: t.to_location_id,
    status: t.status,
    order_id: t.order_id,
    expected_at: iso(t.expected_at)!,
    received_at: iso(t.received_at),
    created_by: t.created_by,
    created_at: iso(t.created_at)!,
    lines: t.lines,
  }
}

/**
 * Sends goods that will arrive later: they leave the source's on hand now (`transfer_out`) and count
 * as in transit at the destination until it receives them. Order lines' units leave their
 * reservation at the source with them.
 */
export async function shipTransfer(
  tx: Tx,
  input: {
    fromId: string
    toId: string
    expectedAt: Date
    orderId?: string
    lines: Array<{ sku: string; quantity: number; orderLineId?: string }>
    actor: string
  },
): Promise<string> {
  const id = newId('trf')
  const lines = input.lines.map((l, i) => ({
    line_no: i + 1,
    sku: l.sku,
    quantity: l.quantity,
    order_line_id: l.orderLineId ?? null,
  }))
  const [out] = await rows<{ moved: number }>(
    tx,
    sql`WITH x AS (
          SELECT * FROM jsonb_to_recordset(${JSON.stringify(lines)}::jsonb)
            AS x(line_no int, sku text, quantity int, order_line_id text)
        ),
        r AS (
          UPDATE reservation r SET status = 'consumed', updated_at = now()
          FROM x WHERE x.order_line_id IS NOT NULL AND r.order_line_id = x.order_line_id
            AND r.location_id = ${input.fromId} AND r.status = 'active' AND r.quantity = x.quantity
          RETURNING r.order_line_id
        ),
        agg AS (
          SELECT x.sku, sum(x.quantity)::int AS qty, sum(CASE WHEN x.order_line_id IS NULL THEN 0 ELSE x.quantity END)::int AS held
          FROM x GROUP BY x.sku
        ),
        s AS (
          UPDATE stock_level s SET on_hand = s.on_hand - agg.qty, reserved = s.reserved - agg.held, updated_at = now()
          FROM agg WHERE s.location_id = ${input.fromId} AND s.sku = agg.sku
            -- units of no order come out of what can be promised; an order's out of its reservation
            AND s.on_hand - s.reserved - s.safety_stock >= agg.qty - agg.held
          RETURNING s.sku
        ),
        m AS (
          INSERT INTO stock_movement (location_id, sku, kind, on_hand_delta, reserved_delta, reference, actor)
          SELECT ${input.fromId}, agg.sku, 'transfer_out', -agg.qty, -agg.held, ${id}, ${input.actor}
          FROM agg JOIN s ON s.sku = agg.sku
        ),
        t AS (
          INSERT INTO transfer (id, from_location_id, to_location_id, status, order_id, expected_at, created_by)
          VALUES (${id}, ${input.fromId}, ${input.toId}, 'in_transit', ${input.orderId ?? null},
                  ${input.expectedAt.toISOString()}::timestamptz, ${input.actor})
        ),
        tl AS (
          INSERT INTO transfer_line (transfer_id, line_no, sku, quantity, order_line_id)
          SELECT ${id}, line_no, sku, quantity, order_line_id FROM x
        ),
        d AS (
          INSERT INTO stock_level AS d (location_id, sku, in_transit)
          SELECT ${input.toId}, sku, qty FROM agg
          ON CONFLICT (sku, location_id) DO UPDATE SET in_transit = d.in_transit + excluded.in_transit, updated_at = now()
        ),
        ev AS (${outboxInsert([transferred('shipped', id, input.fromId, input.toId, lines, byLedgerActor(input.actor))])})
        SELECT (SELECT count(*) FROM s)::int - (SELECT count(*) FROM agg)::int
               + (SELECT count(*) FROM r)::int - (SELECT count(*) FROM x WHERE order_line_id IS NOT NULL)::int AS moved`,
  )
  // Every SKU row and every order reservation must have been taken, or nothing is.
  if (out?.moved !== 0) {
    throw conflict(
      'insufficient_stock',
      `Not enough stock at ${input.fromId} to send these lines (or an order line's reservation changed).`,
      { location_id: input.fromId },
    )
  }
  return id
}

/**
 * The destination receives a transfer: the units go on hand there. Units for a click & collect order
 * are reserved for it in the store, the order line is now served from the store, and the collect
 * task waiting for them becomes work to do with a promise counted from now.
 */
export const receiveTransfer = inTransaction(receiveTransferIn)

export async function receiveTransferIn(tx: Tx, actor: Actor, id: string) {
  const [t] = await rows<TransferRow>(
    tx,
    sql`SELECT ${columns} FROM transfer t WHERE t.id = ${id} FOR UPDATE OF t`,
  )
  if (!t) throw notFound('transfer', id)
  if (actor.role === 'store_staff' && actor.locationId !== t.to_location_id) {
    throw forbidden(`Transfer ${id} goes to ${t.to_location_id}; that store receives it.`)
  }
  if (actor.role !== 'admin' && actor.role !== 'store_staff')
    throw forbidden('Only the receiving location receives.')
  if (t.status !== 'in_transit') throw conflict('invalid_transition', `Transfer ${id} was already received.`)
  const lines = JSON.stringify(t.lines)
  await tx.execute(
    sql`WITH x AS (
          SELECT * FROM jsonb_to_recordset(${lines}::jsonb) AS x(line_no int, sku text, quantity int, order_line_id text)
        ),
        agg AS (
          SELECT sku, sum(quantity)::int AS qty,
                 sum(CASE WHEN order_line_id IS NULL THEN 0 ELSE quantity END)::int AS held
          FROM x GROUP BY sku
        ),
        s AS (
          UPDATE stock_level s SET on_hand = s.on_hand + agg.qty, reserved = s.reserved + agg.held,
                 in_transit = s.in_transit - agg.qty, updated_at = now()
          FROM agg WHERE s.location_id = ${t.to_location_id} AND s.sku = agg.sku
        ),
        m AS (
          INSERT INTO stock_movement (location_id, sku, kind, on_hand_delta, reserved_delta, reference, actor)
          SELECT ${t.to_location_id}, sku, 'transfer_in', qty, held, ${id}, ${actor.keyId} FROM agg
        ),
        r AS (
          INSERT INTO reservation (id, order_id, order_line_id, location_id, sku, quantity)
          SELECT 'res_' || ${id} || '_' || x.line_no, ol.order_id, x.order_line_id, ${t.to_location_id}, x.sku, x.quantity
          FROM x JOIN order_line ol ON ol.id = x.order_line_id
        ),
        ol AS (
          UPDATE order_line SET source_location_id = ${t.to_location_id}, updated_at = now()
          WHERE id IN (SELECT order_line_id FROM x WHERE order_line_id IS NOT NULL)
        ),
        ev AS (${outboxInsert([transferred('received', id, t.from_location_id, t.to_location_id, t.lines, byApiKey(actor.keyId))])})
        UPDATE transfer SET status = 'received', received_at = now(), updated_at = now() WHERE id = ${id}`,
  )
  // The orders whose units came: the transfer's own order, or pickups that were kept units of it.
  const served = await rows<{ order_id: string }>(
    tx,
    sql`SELECT DISTINCT ol.order_id FROM transfer_line x JOIN order_line ol ON ol.id = x.order_line_id
        WHERE x.transfer_id = ${id}`,
  )
  for (const { order_id } of served) await taskArrived(tx, t, order_id, actor.keyId)
  const [after] = await rows<TransferRow>(tx, sql`SELECT ${columns} FROM transfer t WHERE t.id = ${id}`)
  return transferView(after!)
}

function transferred(
  stage: 'shipped' | 'received',
  id: string,
  fromId: string,
  toId: string,
  lines: ReadonlyArray<{ sku: string; quantity: number }>,
  actor: EventActor,
): NewEvent {
  return stockEvents.event('stock.transferred', {
    aggregateId: id,
    actor,
    payload: {
      transfer_id: id,
      stage,
      from_location_id: fromId,
      to_location_id: toId,
      lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    },
  })
}

/** The order's transfer task is done; its collect task in the store can start, promised from now. */
async function taskArrived(tx: Tx, t: TransferRow, orderId: string, actor: string) {
  const locations = await cachedLocations(tx)
  const store = locations.get(t.to_location_id)
  const promise = store ? promiseAt(store, new Date()) : new Date()
  await tx.execute(
    sql`WITH moved AS (
          UPDATE fulfilment_task SET status = CASE WHEN location_id = ${t.to_location_id} THEN 'allocated' ELSE 'delivered' END,
                 promised_at = CASE WHEN location_id = ${t.to_location_id} THEN ${promise.toISOString()}::timestamptz
                                    ELSE promised_at END,
                 updated_at = now()
          WHERE order_id = ${orderId}
            AND ((location_id = ${t.to_location_id} AND kind = 'collect' AND status = 'awaiting_stock')
              OR (location_id = ${t.from_location_id} AND kind = 'transfer' AND status = 'shipped'))
          RETURNING id, CASE WHEN kind = 'collect' THEN 'awaiting_stock' ELSE 'shipped' END AS from_status, status
        )
        INSERT INTO fulfilment_task_event (task_id, from_status, to_status, actor, data)
        SELECT id, from_status, status, ${actor}, ${JSON.stringify({ transfer_id: t.id })}::jsonb FROM moved`,
  )
}

/** Transfers into or out of a location, soonest expected first. */
export async function listTransfers(
  q: Executor,
  actor: Actor,
  filter: { location?: string; status?: 'in_transit' | 'received' },
  limit: number,
) {
  const location = actor.role === 'store_staff' ? actor.locationId! : filter.location
  if (actor.role === 'store_staff' && filter.location && filter.location !== actor.locationId) {
    throw forbidden(`This key sees the transfers of ${actor.locationId} only.`)
  }
  const list = await rows<TransferRow>(
    q,
    sql`SELECT ${columns} FROM transfer t
        WHERE TRUE
          ${location ? sql`AND (t.to_location_id = ${location} OR t.from_location_id = ${location})` : sql``}
          ${filter.status ? sql`AND t.status = ${filter.status}` : sql``}
        ORDER BY t.expected_at, t.id LIMIT ${limit}`,
  )
  return list.map(transferView)
}

/** When a transfer leaving now arrives, for locations of the network. */
export async function expectedArrival(q: Executor, fromId: string, toId: string, departure: Date) {
  const locations = await cachedLocations(q)
  const from = locations.get(fromId)
  const to = locations.get(toId)
  if (!from) throw invalidInput('from_location_id', `no location ${fromId}`)
  if (!to) throw invalidInput('to_location_id', `no location ${toId}`)
  return transitArrival(from, to, departure)
}

/** A replenishment or inter-store transfer that arrives later (POST /inventory/transfers with arrives_at). */
export async function sendTransfer(
  tx: Tx,
  actor: Actor,
  input: {
    from_location_id: string
    to_location_id: string
    lines: Array<{ sku: string; quantity: number }>
    arrives_at: string
  },
) {
  assertMayManageStock(actor, input.from_location_id)
  if (input.from_location_id === input.to_location_id) {
    throw invalidInput('to_location_id', 'must differ from from_location_id')
  }
  const expectedAt = new Date(input.arrives_at)
  if (!(expectedAt.getTime() > Date.now() - 60_000))
    throw invalidInput('arrives_at', 'must not be in the past')
  const skus = input.lines.map((l, i) => ({ sku: l.sku, field: `lines/${i}/sku` }))
  await assertKnown(tx, input.from_location_id, 'from_location_id', skus)
  await assertKnown(tx, input.to_location_id, 'to_location_id', [])
  const id = await shipTransfer(tx, {
    fromId: input.from_location_id,
    toId: input.to_location_id,
    expectedAt,
    lines: input.lines,
    actor: actor.keyId,
  })
  return { reference: id, status: 'in_transit' as const, expected_at: expectedAt.toISOString() }
}

/**
 * Keeps units of a transfer in transit to the pickup store for an order's pickup line; refused when
 * another order kept them first or the transfer arrived meanwhile (the caller's transaction rolls back).
 */
export async function claimIncoming(
  tx: Tx,
  claims: Array<{ transferId: string; lineNo: number; orderLineId: string; sku: string; quantity: number }>,
) {
  for (const c of claims) {
    const [open] = await rows<{ quantity: number }>(
      tx,
      sql`SELECT l.quantity FROM transfer t JOIN transfer_line l ON l.transfer_id = t.id
          WHERE t.id = ${c.transferId} AND t.status = 'in_transit' AND l.line_no = ${c.lineNo}
            AND l.order_line_id IS NULL
          FOR UPDATE OF t, l`,
    )
    if (!open || open.quantity < c.quantity) {
      throw conflict(
        'insufficient_stock',
        `The units of ${c.sku} arriving by ${c.transferId} are no longer free.`,
        {
          items: [{ sku: c.sku, requested: c.quantity, available: open?.quantity ?? 0 }],
        },
      )
    }
    if (open.quantity === c.quantity) {
      await tx.execute(
        sql`UPDATE transfer_line SET order_line_id = ${c.orderLineId}
            WHERE transfer_id = ${c.transferId} AND line_no = ${c.lineNo}`,
      )
    } else {
      await tx.execute(
        sql`WITH u AS (
              UPDATE transfer_line SET quantity = quantity - ${c.quantity}
              WHERE transfer_id = ${c.transferId} AND line_no = ${c.lineNo}
            )
            INSERT INTO transfer_line (transfer_id, line_no, sku, quantity, order_line_id)
            SELECT ${c.transferId}, max(line_no) + 1, ${c.sku}, ${c.quantity}, ${c.orderLineId}
            FROM transfer_line WHERE transfer_id = ${c.transferId}`,
      )
    }
  }
}

/** Stock moved between locations: at once, or in transit until `arrives_at` when it is given. */
export function moveStock(
  tx: Tx,
  actor: Actor,
  body: Parameters<typeof transferStock>[2] & { arrives_at?: string },
) {
  const { arrives_at, ...rest } = body
  return arrives_at ? sendTransfer(tx, actor, { ...rest, arrives_at }) : transferStock(tx, actor, rest)
}
