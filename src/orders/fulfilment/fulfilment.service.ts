import { sql } from 'drizzle-orm'
import { getChannel } from '../../channels/index.ts'
import { normalisePhone, searchKey } from '../../customers/index.ts'
import { type Db, type Executor, inTransaction, rows, type Tx } from '../../db/database.ts'
import {
  byApiKey,
  byLedgerActor,
  bySystem,
  outboxInsert,
  recordEvents,
  stockEvents,
} from '../../events/index.ts'
import { expectedArrival, releaseReservations, shipTransfer } from '../../inventory/index.ts'
import { cachedLocations, type DeliveryAddress, locateAddress } from '../../network/index.ts'
import { costModelFor, routeDelivery } from '../../routing/index.ts'
import type { Actor } from '../../shared/actor.ts'
import { forbidden, invalidInput } from '../../shared/errors.ts'
import { newId } from '../../shared/ids.ts'
import { valueOfUnits } from '../../shared/money.domain.ts'
import { deliveryFeeRefund } from '../delivery-fees.domain.ts'
import { assertTransition } from '../order-process.domain.ts'
import type { RoutingSummary } from '../orders.domain.ts'
import { conflict, notFound, refused } from '../orders.errors.ts'
import { cancelledEvent, lineCancelledEvent, pickupEvent, pickupReadyEvent } from '../orders.outbox.ts'
import { completeOrderIn, fulfilOrderIn, routingNetwork } from '../orders.service.ts'
import * as orders from '../orders.store.ts'
import { refundToTenders } from '../refunds.service.ts'
import {
  assertRejectable,
  assertTaskStep,
  goodsLeave,
  pickupLockedError,
  planTasks,
  splitAmounts,
} from './fulfilment.domain.ts'
import type { TaskStatus } from './fulfilment.schema.ts'
import * as store from './fulfilment.store.ts'

/** Store staff work on their own store's tasks; admin on any. Channels and the call centre only read orders. */
function assertMayWork(actor: Actor, locationId: string) {
  if (actor.role === 'admin') return
  if (actor.role === 'store_staff' && actor.locationId === locationId) return
  throw forbidden(`A ${actor.role} key may not work on the tasks of ${locationId}.`)
}

async function loadTask(q: Executor, actor: Actor, id: string, lock = false) {
  const task = await store.findTask(q, id, lock)
  // A store does not learn about other stores' tasks.
  if (!task || (actor.role === 'store_staff' && task.location_id !== actor.locationId))
    throw notFound('task', id)
  return task
}

export async function getTask(q: Executor, actor: Actor, id: string) {
  const task = await loadTask(q, actor, id)
  if (actor.role === 'channel') throw notFound('task', id)
  const events = await store.taskEvents(q, id)
  return {
    ...store.taskView(task),
    events: events.map((e) => ({
      from_status: e.from_status,
      to_status: e.to_status,
      actor: e.actor,
      data: e.data ?? null,
      at: new Date(e.created_at).toISOString(),
    })),
  }
}

export async function listQueue(
  q: Executor,
  actor: Actor,
  filter: { location?: string; status?: TaskStatus[]; q?: string; updatedSince?: string },
  limit: number,
  cursor?: string,
) {
  if (actor.role === 'channel') throw forbidden('A channel key does not see preparation queues.')
  const locationId = actor.role === 'store_staff' ? actor.locationId! : filter.location
  if (actor.role === 'store_staff' && filter.location && filter.location !== actor.locationId) {
    throw forbidden(`This key sees the queue of ${actor.locationId} only.`)
  }
  const statuses: TaskStatus[] = filter.status ?? ['allocated', 'picking', 'packed', 'ready_for_pickup']
  const [promisedAt, id] = cursor ? cursor.split('|') : []
  const list = await store.taskQueue(
    q,
    {
      locationId,
      statuses,
      ...(filter.q !== undefined ? { search: queueSearch(filter.q) } : {}),
      ...(filter.updatedSince ? { updatedSince: filter.updatedSince } : {}),
    },
    limit,
    promisedAt && id ? { promisedAt, id } : undefined,
  )
  return list.map(store.taskView)
}

/**
 * What a typed search looks for: digits alone are an order number (and a phone number when they make
 * one), an @ an e-mail, anything else a phone number when it reads as one, else part of a name.
 */
export function queueSearch(raw: string): store.QueueSearch {
  const text = raw.trim()
  if (text === '') return {}
  if (text.includes('@')) return { email: text.toLowerCase() }
  const phone = normalisePhone(text) ?? undefined
  const digits = text.replace(/^n[°o]\s*/i, '')
  if (/^\d{1,12}$/.test(digits)) return { number: Number(digits), ...(phone ? { phone } : {}) }
  if (phone) return { phone }
  return { name: searchKey(text) }
}

/** Who carries a parcel shipped to the customer, and its tracking number when the carrier gave one. */
export interface Shipment {
  carrier: string
  tracking_number?: string
  /** The tracking numbers of the task's parcels, when it left in several (packed by src/shipping). */
  tracking_numbers?: string[]
}

/** The tracking numbers a shipment names, one or several. */
function trackingNumbers(shipment: Shipment): string[] {
  if (shipment.tracking_numbers) return shipment.tracking_numbers
  const one = shipment.tracking_number?.trim()
  return one ? [one] : []
}

/**
 * Moves a task one step. Picking claims it for the key that starts it; shipping or handing over
 * takes the goods out of the stock (and takes the payment of reserve & collect lines); the last
 * delivered or collected task of a fulfilled, paid order completes it.
 */
export async function advanceTask(
  tx: Tx,
  actor: Actor,
  taskId: string,
  to: TaskStatus,
  payments: Parameters<typeof fulfilOrderIn>[4],
  pickupCode?: string,
  shipment?: Shipment,
) {
  const task = await loadTask(tx, actor, taskId, true)
  if (shipment && task.kind !== 'ship') {
    throw invalidInput('shipment', 'a parcel to the customer (a ship task) has a carrier and tracking')
  }
  assertMayWork(actor, task.location_id)
  assertTaskStep(task.kind, task.status, to)
  if (to === 'collected') {
    const order = (await orders.findOrder(tx, task.order_id))!
    if (order.pickup_code && (await store.pickupLocked(tx, order.id))) throw pickupLockedError(order.number)
    if (order.pickup_code && pickupCode !== order.pickup_code) {
      throw refused(
        'pickup_code_mismatch',
        pickupCode
          ? 'pickup_code: this is not the code of the order; ask the customer for the code they received.'
          : 'pickup_code: give the code the customer received to hand the order over.',
        { field: 'pickup_code' },
      )
    }
  }
  if (to === 'collected') {
    // Before the goods leave, so the order's events read: collected, line fulfilled, completed.
    await recordEvents(tx, [
      pickupEvent('pickup.collected', task.order_id, task.location_id, byApiKey(actor.keyId)),
    ])
  }
  if (goodsLeave(to)) {
    const items = task.lines
      .filter((l) => l.quantity > l.rejected_quantity)
      .map((l) => ({ line_id: l.order_line_id, quantity: l.quantity - l.rejected_quantity }))
    if (task.kind === 'transfer') await sendToPickupStore(tx, task, items, actor.keyId)
    else if (items.length > 0)
      await fulfilOrderIn(
        tx,
        actor,
        task.order_id,
        items,
        payments,
        shipment
          ? { carrier: shipment.carrier.trim(), trackingNumbers: trackingNumbers(shipment) }
          : undefined,
      )
  }
  await store.moveTask(
    tx,
    task,
    to,
    actor.keyId,
    shipment
      ? { carrier: shipment.carrier.trim(), tracking_number: trackingNumbers(shipment).join(', ') || null }
      : undefined,
    to === 'picking',
  )
  if (to === 'ready_for_pickup') {
    // The customer has this many days to come; then the order is cancelled and refunded.
    const [ready] = await rows<{ expires_at: Date | string | null }>(
      tx,
      sql`UPDATE fulfilment_task t SET expires_at = now() + make_interval(days => c.pickup_expiry_days)
          FROM orders o JOIN channel c ON c.id = o.channel_id
          WHERE t.id = ${task.id} AND o.id = t.order_id
          RETURNING t.expires_at`,
    )
    const until = ready?.expires_at ? new Date(ready.expires_at) : null
    await recordEvents(tx, [pickupReadyEvent(task.order_id, task.location_id, until, byApiKey(actor.keyId))])
  }
  if (to === 'delivered' || to === 'collected') {
    const all = await store.tasksOfOrder(tx, task.order_id)
    const done = all.every((t) => ['delivered', 'collected', 'cancelled'].includes(t.status))
    const order = await orders.findOrder(tx, task.order_id)
    if (done && order?.status === 'fulfilled' && order.paid_cents >= order.total_cents) {
      await completeOrderIn(tx, { ...actor, role: 'admin' }, task.order_id)
    }
  }
  return getTask(tx, actor, taskId)
}

/** A transfer task ships: its units leave for the pickup store, in transit until it receives them. */
async function sendToPickupStore(
  tx: Tx,
  task: store.TaskRow,
  items: Array<{ line_id: string; quantity: number }>,
  actor: string,
) {
  const lines = await orders.linesOfOrders(tx, [task.order_id])
  const byStore = new Map<string, Array<{ sku: string; quantity: number; orderLineId: string }>>()
  for (const item of items) {
    const line = lines.find((l) => l.id === item.line_id)!
    const to = line.pickup_location_id!
    byStore.set(to, [
      ...(byStore.get(to) ?? []),
      { sku: line.sku, quantity: item.quantity, orderLineId: line.id },
    ])
  }
  for (const [to, list] of byStore) {
    await shipTransfer(tx, {
      fromId: task.location_id,
      toId: to,
      expectedAt: await expectedArrival(tx, task.location_id, to, new Date()),
      orderId: task.order_id,
      lines: list,
      actor,
    })
  }
}

export interface Rejection {
  line_id: string
  quantity: number
  reason: 'not_found' | 'damaged'
}

/**
 * A location cannot serve some units of a line (not on the shelf, or damaged): its stock is
 * corrected (the units leave on hand with the reservation), and the units are routed again to the
 * next best location, which gets a task and a new promise. Units nobody else can ship, and units to
 * collect in this store, are cancelled and refunded to the first tender.
 */
export const rejectLine = inTransaction(rejectLineIn)

async function rejectLineIn(tx: Tx, actor: Actor, taskId: string, r: Rejection) {
  const task = await loadTask(tx, actor, taskId, true)
  assertMayWork(actor, task.location_id)
  const taskLine = task.lines.find((l) => l.order_line_id === r.line_id)
  assertRejectable(
    task.status,
    taskLine && { quantity: taskLine.quantity, rejectedQuantity: taskLine.rejected_quantity },
    r.line_id,
    r.quantity,
  )
  const order = (await orders.findOrder(tx, task.order_id, true))!
  const line = (await orders.linesOfOrders(tx, [order.id])).find((l) => l.id === r.line_id)!
  await writeOff(tx, order.id, line, task.location_id, r, actor.keyId)
  await tx.execute(
    sql`UPDATE fulfilment_task_line SET rejected_quantity = rejected_quantity + ${r.quantity}
        WHERE task_id = ${task.id} AND order_line_id = ${r.line_id}`,
  )
  const moved = task.kind === 'ship' ? await reroute(tx, order, line, task.location_id, r.quantity) : null
  if (moved) {
    await tx.execute(
      orderEvent(order.id, 'line_rerouted', actor.keyId, { ...r, from: task.location_id, to: moved }),
    )
  } else {
    await cancelUnits(tx, order, line, r.quantity, actor.keyId, 'line_cancelled', { reason: r.reason })
  }
  await store.moveTask(tx, task, task.status, actor.keyId, { rejected: r, rerouted_to: moved })
  // A task left with nothing to prepare is over.
  const after = (await store.findTask(tx, task.id))!
  if (after.lines.every((l) => l.rejected_quantity === l.quantity)) {
    await store.moveTask(tx, after, 'cancelled', actor.keyId, { reason: 'every line rejected' })
  }
  return getTask(tx, actor, taskId)
}

/** The units are not there: the reservation shrinks and on hand falls with it, in the ledger. */
async function writeOff(
  tx: Tx,
  orderId: string,
  line: orders.LineRow,
  locationId: string,
  r: Rejection,
  actor: string,
) {
  const writtenOff = stockEvents.event('stock.adjusted', {
    aggregateId: locationId,
    actor: byLedgerActor(actor),
    payload: { location_id: locationId, lines: [{ sku: line.sku, delta: -r.quantity }] },
  })
  const [done] = await rows<{ ok: number }>(
    tx,
    sql`WITH r AS (
          UPDATE reservation SET quantity = quantity - ${r.quantity},
                 status = CASE WHEN quantity = ${r.quantity} THEN 'released' ELSE status END, updated_at = now()
          WHERE id = (SELECT id FROM reservation WHERE order_line_id = ${line.id} AND location_id = ${locationId}
                        AND status = 'active' AND quantity >= ${r.quantity} LIMIT 1)
          RETURNING 1
        ),
        s AS (
          UPDATE stock_level SET on_hand = on_hand - ${r.quantity}, reserved = reserved - ${r.quantity}, updated_at = now()
          WHERE location_id = ${locationId} AND sku = ${line.sku} AND EXISTS (SELECT 1 FROM r)
        ),
        m AS (
          INSERT INTO stock_movement (location_id, sku, kind, on_hand_delta, reserved_delta, reference, reason, actor)
          SELECT ${locationId}, ${line.sku}, 'adjustment', ${-r.quantity}, ${-r.quantity}, ${orderId},
                 ${`preparation: ${r.reason.replace('_', ' ')}`}, ${actor}
          WHERE EXISTS (SELECT 1 FROM r)
        ),
        ev AS (${outboxInsert([writtenOff], sql`EXISTS (SELECT 1 FROM r)`)})
        SELECT count(*)::int AS ok FROM r`,
  )
  if (!done?.ok) {
    throw conflict(
      'reservation_missing',
      `Line ${line.line_no} has no reservation here for ${r.quantity} unit(s).`,
    )
  }
}

/**
 * Routes rejected delivery units again, without the location that rejected them, and moves them to a
 * new line (same line number) served from there. Returns the new location's id, or null when no
 * eligible location can ship them.
 */
async function reroute(
  tx: Tx,
  order: orders.OrderRow,
  line: orders.LineRow,
  rejectedAt: string,
  quantity: number,
): Promise<string | null> {
  const routing = order.routing as RoutingSummary | null
  const destination =
    routing?.destination ??
    (order.delivery_address ? locateAddress(order.delivery_address as DeliveryAddress) : null)
  if (!destination) return null
  // One query after the other: they share the transaction's connection.
  const channel = await getChannel(tx, order.channel_id)
  const locations = await cachedLocations(tx)
  const stock = await rows<{ location_id: string; available: number }>(
    tx,
    sql`SELECT location_id, (on_hand - reserved - safety_stock)::int AS available FROM stock_level
        WHERE sku = ${line.sku} AND location_id <> ${rejectedAt} AND on_hand - reserved - safety_stock > 0`,
  )
  const network = routingNetwork(locations, await store.openTasksByLocation(tx), new Date())
  network.delete(rejectedAt)
  const decision = routeDelivery(
    [{ index: 0, sku: line.sku, quantity }],
    destination,
    network,
    stock.map((s) => ({ locationId: s.location_id, sku: line.sku, available: s.available })),
    costModelFor(channel.routing),
  )
  if (decision.unallocated.length > 0 || decision.shipments.length === 0) return null
  // The rejected part leaves the original line for lines served from the new sources (same line
  // number). When the whole line moves, its first part keeps the line itself.
  const parts = decision.shipments.map((sh) => ({
    locationId: sh.locationId,
    quantity: sh.lines[0]!.quantity,
  }))
  const keptQuantity = line.quantity - quantity
  const amounts = splitAmounts(
    {
      quantity: line.quantity,
      totalCents: line.total_cents,
      vatCents: line.vat_cents,
      discountCents: line.discount_cents,
    },
    keptQuantity > 0 ? [keptQuantity, ...parts.map((p) => p.quantity)] : parts.map((p) => p.quantity),
  )
  const partAmounts = keptQuantity > 0 ? amounts.slice(1) : amounts
  const moved = parts.map((p, i) => ({
    id: keptQuantity === 0 && i === 0 ? line.id : newId('oln'),
    ...p,
    ...partAmounts[i]!,
  }))
  for (const nl of moved) {
    const [taken] = await rows<{ ok: number }>(
      tx,
      sql`WITH s AS (
            UPDATE stock_level SET reserved = reserved + ${nl.quantity}, updated_at = now()
            WHERE location_id = ${nl.locationId} AND sku = ${line.sku}
              AND on_hand - reserved - safety_stock >= ${nl.quantity}
            RETURNING 1
          ),
          r AS (
            INSERT INTO reservation (id, order_id, order_line_id, location_id, sku, quantity)
            SELECT ${newId('res')}, ${order.id}, ${nl.id}, ${nl.locationId}, ${line.sku}, ${nl.quantity}
            WHERE EXISTS (SELECT 1 FROM s)
          ),
          m AS (
            INSERT INTO stock_movement (location_id, sku, kind, reserved_delta, reference, actor)
            SELECT ${nl.locationId}, ${line.sku}, 'reservation', ${nl.quantity}, ${order.id}, 'routing'
            WHERE EXISTS (SELECT 1 FROM s)
          )
          SELECT count(*)::int AS ok FROM s`,
    )
    if (!taken?.ok)
      throw conflict('stock_changed', 'The stock moved while re-routing; try the rejection again.')
  }
  const [first, ...others] = moved
  const kept = keptQuantity > 0 ? { ...amounts[0]!, locationId: line.source_location_id } : first!
  await tx.execute(
    sql`UPDATE order_line SET quantity = ${kept.quantity}, total_cents = ${kept.totalCents},
               vat_cents = ${kept.vatCents}, discount_cents = ${kept.discountCents},
               source_location_id = ${kept.locationId}, updated_at = now()
        WHERE id = ${line.id}`,
  )
  const inserted = keptQuantity > 0 ? moved : others
  if (inserted.length > 0) {
    await tx.execute(
      sql`INSERT INTO order_line (id, order_id, line_no, sku, product_name, quantity, unit_price_cents, discount_cents,
                                  total_cents, vat_rate_bp, vat_cents, fulfilment, source_location_id, pickup_location_id)
          SELECT x.id, ${order.id}, ${line.line_no}, ${line.sku}, ${line.product_name}, x.quantity,
                 ${line.unit_price_cents}, x.discount_cents, x.total_cents, ${line.vat_rate_bp}, x.vat_cents,
                 'delivery', x.location_id, NULL
          FROM jsonb_to_recordset(${JSON.stringify(
            inserted.map((n) => ({
              id: n.id,
              quantity: n.quantity,
              discount_cents: n.discountCents,
              total_cents: n.totalCents,
              vat_cents: n.vatCents,
              location_id: n.locationId,
            })),
          )}::jsonb) AS x(id text, quantity int, discount_cents int, total_cents int, vat_cents int, location_id text)`,
    )
  }
  const tasks = planTasks(
    moved.map((n) => ({
      id: n.id,
      sku: line.sku,
      quantity: n.quantity,
      fulfilment: 'delivery',
      sourceLocationId: n.locationId,
      pickupLocationId: null,
    })),
    locations,
    new Date(),
    () => newId('tsk'),
  )
  await store.insertTasks(tx, order.id, tasks)
  const explanation = [
    `${quantity} × ${line.sku} re-routed after a rejection at ${locations.get(rejectedAt)?.name ?? rejectedAt}.`,
    ...decision.explanation,
  ]
  await tx.execute(
    sql`UPDATE orders SET routing = jsonb_set(coalesce(routing, '{}'::jsonb), '{explanation}',
          coalesce(routing->'explanation', '[]'::jsonb) || ${JSON.stringify(explanation)}::jsonb), updated_at = now()
        WHERE id = ${order.id}`,
  )
  return parts[0]!.locationId
}

/** Units nobody can serve: cancelled on the line, their value refunded to the order's tenders. */
async function cancelUnits(
  tx: Tx,
  order: orders.OrderRow,
  line: orders.LineRow,
  quantity: number,
  actor: string,
  eventType: 'line_cancelled' | 'pickup_expired',
  data: Record<string, unknown>,
) {
  // Units given back before, cancelled or returned, took the first slices of the line's value.
  const before = line.cancelled_quantity + line.returned_quantity
  const paid = line.fulfilment !== 'reserve'
  const linesBefore = await orders.linesOfOrders(tx, [order.id])
  const units = (l: orders.LineRow, more: number) => ({
    fulfilment: l.fulfilment,
    quantity: l.quantity,
    givenBack: l.cancelled_quantity + l.returned_quantity + more,
  })
  // The last delivered unit cancelled before anything was kept gives the delivery fee back with it.
  const feeRefund = deliveryFeeRefund(
    order.routing as RoutingSummary | null,
    linesBefore.map((l) => units(l, 0)),
    linesBefore.map((l) => units(l, l.id === line.id ? quantity : 0)),
  )
  const refund =
    (paid
      ? valueOfUnits({ quantity: line.quantity, totalCents: line.total_cents }, before, before + quantity)
      : 0) + feeRefund
  // The customer is not at a till: cash taken at collection comes back as a credit note.
  const refunds = await refundToTenders(tx, order, refund, {
    atTill: false,
    toStoreCredit: false,
    returnId: null,
    actor,
  })
  await tx.execute(
    sql`UPDATE order_line SET cancelled_quantity = cancelled_quantity + ${quantity}, updated_at = now()
        WHERE id = ${line.id}`,
  )
  const lines = await orders.linesOfOrders(tx, [order.id])
  const allCancelled = lines.every((l) => l.cancelled_quantity === l.quantity)
  if (allCancelled) assertTransition({ id: order.id, status: order.status }, 'cancelled')
  await orders.recordTransition(
    tx,
    order.id,
    {
      status: allCancelled ? 'cancelled' : order.status,
      refunds,
      events: [
        {
          type: eventType,
          fromStatus: order.status,
          toStatus: allCancelled ? 'cancelled' : order.status,
        },
      ],
      data: { ...data, line_id: line.id, quantity, refunded_cents: refund },
      // The units go in `order.line_cancelled`; `order.cancelled` follows when no unit is left.
      facts: [
        lineCancelledEvent(
          order.id,
          { id: line.id, sku: line.sku, cancelledQuantity: line.cancelled_quantity },
          quantity,
          eventType,
          refunds.reduce((sum, p) => sum + p.amountCents, 0),
          byLedgerActor(actor),
        ),
        ...(allCancelled
          ? [
              cancelledEvent(
                order.id,
                refunds.reduce((sum, p) => sum + p.amountCents, 0),
                [],
                byLedgerActor(actor),
              ),
            ]
          : []),
      ],
    },
    actor,
  )
}

function orderEvent(orderId: string, type: string, actor: string, data: Record<string, unknown>) {
  return sql`INSERT INTO order_event (order_id, type, actor, data)
             VALUES (${orderId}, ${type}, ${actor}, ${JSON.stringify(data)}::jsonb)`
}

/**
 * Orders ready in store and not collected in time: their stock goes back on the shelf, their units
 * are cancelled and refunded, the task expires. One task per transaction; SKIP LOCKED lets several
 * servers sweep at once and leaves alone a task being handed over right now.
 */
export async function expireUncollected(db: Db, batch = 100): Promise<number> {
  const due = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM fulfilment_task WHERE status = 'ready_for_pickup' AND expires_at <= now()
        ORDER BY expires_at LIMIT ${batch}`,
  )
  let expired = 0
  for (const { id } of due) {
    const done = await db.transaction(async (tx) => {
      const [locked] = await rows<{ id: string }>(
        tx,
        sql`SELECT id FROM fulfilment_task WHERE id = ${id} AND status = 'ready_for_pickup' AND expires_at <= now()
            FOR UPDATE SKIP LOCKED`,
      )
      if (!locked) return false
      const task = (await store.findTask(tx, id))!
      const order = (await orders.findOrder(tx, task.order_id, true))!
      const open = task.lines.filter((l) => l.quantity > l.rejected_quantity)
      await recordEvents(tx, [pickupEvent('pickup.expired', order.id, task.location_id, bySystem)])
      await releaseReservations(
        tx,
        order.id,
        'released',
        'not collected in time',
        SYSTEM,
        'pickup_expired',
        open.map((l) => l.order_line_id),
      )
      for (const l of open) {
        const lines = await orders.linesOfOrders(tx, [order.id])
        const line = lines.find((x) => x.id === l.order_line_id)!
        const current = (await orders.findOrder(tx, order.id))!
        const left = line.quantity - line.fulfilled_quantity - line.cancelled_quantity
        if (left > 0) await cancelUnits(tx, current, line, left, SYSTEM, 'pickup_expired', { task_id: id })
      }
      await store.moveTask(tx, task, 'expired', SYSTEM, { reason: 'not collected in time' })
      return true
    })
    if (done) expired++
  }
  return expired
}

const SYSTEM = 'system'
