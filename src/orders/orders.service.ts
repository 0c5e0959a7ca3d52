import { randomInt } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { cachedChannel, getChannel } from '../channels/index.ts'
import { assertOwnCustomer, visibleCustomer } from '../customers/index.ts'
import { type Db, type Executor, inTransaction, type Tx } from '../db/database.ts'
import { byApiKey } from '../events/index.ts'
import { type Claimed, claimed, type IdempotencyClaim, replayOnRefusal } from '../http/idempotency.ts'
import {
  claimIncoming,
  consumeReservations,
  coverShortfall,
  releaseReservations,
  type Shortfall,
} from '../inventory/index.ts'
import { cachedLocations, forgetCachedLocations, isOpenAt, type LocationRow } from '../network/index.ts'
import { holdPromotions, livePromotions, releasePromotions } from '../offer/index.ts'
import { costModelFor, type RoutingCandidate } from '../routing/index.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { redeemStoredValue } from '../stored-value/index.ts'
import { deliveryFees } from './delivery-fees.ts'
import { planTasks } from './fulfilment/fulfilment.domain.ts'
import {
  cancelOpenTasks,
  countTasks,
  insertTasks,
  openTasksByLocation,
  tasksOfOrder,
  taskView,
} from './fulfilment/fulfilment.store.ts'
import {
  assertCancellable,
  assertDraftConfirmable,
  assertPaymentsCover,
  type FulfilmentRequest,
  maySee,
  planFulfilment,
} from './lifecycle.domain.ts'
import { assertOfflineSale } from './offline.domain.ts'
import { recordOfflineSaleIn } from './offline.service.ts'
import { assertTransition } from './order-process.domain.ts'
import {
  checkTender,
  type OrderInput,
  type OrderPlan,
  type PaymentInput,
  planOrder,
  redemptions,
} from './orders.domain.ts'
import { notFound, refused } from './orders.errors.ts'
import * as outbox from './orders.outbox.ts'
import * as store from './orders.store.ts'
import { type OrderView, orderSummary, orderView } from './orders.view.ts'
import { pointsTender } from './points-tender.ts'
import { refundToTenders } from './refunds.service.ts'
import { type TillSale, till } from './till.ts'

/**
 * Places an order in two round trips and no explicit transaction: one statement reads everything
 * the decision needs, the pure rules decide, one statement writes it all (or nothing). A retried
 * request with the same Idempotency-Key gets `replay` and the caller answers with the stored response.
 */
export async function placeOrder(
  db: Executor,
  actor: Actor,
  input: OrderInput,
  idempotency: IdempotencyClaim | null,
): Promise<Claimed<OrderView>> {
  // What a till cannot have sold offline is refused before anything is read.
  if (input.offline) assertOfflineSale({ ...input, offline: input.offline }, null, new Date())
  const { plan, reads, channel, locations, now } = await prepareOrder(db, actor, input, false)
  // A sale a till made offline is recorded at the time it was made (its receipt's).
  const offline = input.offline
    ? { ...input.offline, soldAt: assertOfflineSale({ ...input, offline: input.offline }, channel.kind, now) }
    : null
  if (offline) plan.placedAt = offline.soldAt
  const tillSale = await tillSaleOf(db, actor, input, plan, channel.kind, reads.number)
  const arriving = new Map(plan.incomingClaims.map((c) => [c.orderLineId, c.expectedAt]))
  const tasks =
    plan.status === 'draft' ? [] : planTasks(plan.lines, locations, now, () => newId('tsk'), arriving)
  const collected = plan.lines.some((l) => l.fulfilment === 'pickup' || l.fulfilment === 'reserve')
  const pickupCode = collected ? newPickupCode() : null
  const order = orderView.fromPlan(plan, reads.number, channel.code, tasks, pickupCode)
  const write = (q: Executor) =>
    store.writeOrder(
      q,
      plan,
      reads.number,
      actor.keyId,
      idempotency && { ...idempotency, response: order },
      tasks,
      pickupCode,
      outbox.placedEvents(plan, reads.number, byApiKey(actor.keyId)),
    )
  // Units kept from a transfer in transit, points and stored value spent, and promotion uses go in the
  // same transaction as the order; the usual order is one statement. Points earned and franchise
  // commissions follow from its events (the loyalty and franchise consumers), a moment later.
  const tender = pointsTender()
  const points = tender.pointsOf(input.payments ?? [])
  const spends = redemptions(plan.payments)
  const placing =
    plan.incomingClaims.length === 0 &&
    points === 0 &&
    spends.length === 0 &&
    plan.promotions.length === 0 &&
    tillSale === null &&
    offline === null
      ? write(db)
      : (db as Db).transaction(async (tx) => {
          // An offline sale has happened: units the books no longer hold are booked back first.
          let shortfall: Shortfall[] = []
          if (offline) {
            if (idempotency && (await claimed(tx, idempotency))) return 'replay' as const
            shortfall = await coverShortfall(
              tx,
              plan.holds.filter((h) => h.mode === 'sell'),
              `offline sale ${reads.number}, till ticket ${offline.ticket}: sold before the books knew the shelf was short`,
              actor.keyId,
            )
            order.offline = { sold_at: offline.soldAt.toISOString(), ticket: offline.ticket, shortfall }
          }
          const placed = await write(tx)
          // A replay of the same sale that committed meanwhile: the booked-back units roll back too.
          if (placed !== 'placed' && offline) throw new OfflineReplay()
          if (placed !== 'placed') return placed
          await holdPromotions(tx, plan.id, plan.customerId, plan.promotions, byApiKey(actor.keyId))
          await claimIncoming(tx, plan.incomingClaims)
          await tender.spend(tx, plan.customerId, plan.id, points, 'order', actor.keyId)
          await redeemStoredValue(tx, plan.id, spends, actor.keyId)
          // The till sale's ticket, chained on its register, commits with the order or not at all.
          if (tillSale) await till().recordSale(tx, tillSale)
          if (offline && plan.storeId)
            await recordOfflineSaleIn(tx, {
              orderId: plan.id,
              storeId: plan.storeId,
              registerId: tillSale?.registerId ?? null,
              ticket: offline.ticket,
              soldAt: offline.soldAt,
              shortfall,
            })
          return placed
        })
  const outcome = await placing.catch(async (err: unknown) => {
    if (err instanceof OfflineReplay) return 'replay' as const
    if (tillSale) await till().recordRefusal(db as Db, tillSale, err)
    throw err
  })
  if (outcome === 'replay') return { replay: true }
  for (const t of tasks) if (t.status === 'allocated') countTasks(db, t.locationId, 1)
  return { replay: false, body: order }
}

/** Thrown to roll back an offline sale whose Idempotency-Key a concurrent replay claimed first. */
class OfflineReplay extends Error {}

/**
 * The ticket a store sale owes the legal till: a sale naming its register gets one (when something
 * is paid now); a store sale naming none is refused where the store sells through registers.
 */
async function tillSaleOf(
  db: Executor,
  actor: Actor,
  input: OrderInput,
  plan: OrderPlan,
  channelKind: string,
  orderNumber: number,
): Promise<TillSale | null> {
  if (channelKind !== 'store') {
    if (input.register_id) throw invalidInput('register_id', 'only a store sale is rung up on a register')
    return null
  }
  if (plan.status === 'draft' || !plan.storeId) return null
  if (!input.register_id) {
    await till().assertSellsWithoutRegister(db, plan.storeId)
    return null
  }
  const paidNow = plan.lines.filter((l) => l.fulfilment !== 'reserve')
  if (paidNow.length === 0) return null
  return {
    registerId: input.register_id,
    storeId: plan.storeId,
    orderId: plan.id,
    orderNumber,
    actor: actor.keyId,
    lines: paidNow,
    payments: plan.payments.map((p) => ({ method: p.method, amountCents: p.amountCents })),
    ...(input.offline ? { offline: { soldAt: input.offline.sold_at, ticket: input.offline.ticket } } : {}),
  }
}

/**
 * An order placed through the API: a web shop orders only for its logged-in customer (`login`), and a
 * retry whose first attempt went through answers the first response even if it would now be refused.
 */
export async function placeOrderFor(
  db: Executor,
  actor: Actor,
  login: string | undefined,
  input: OrderInput,
  idempotency: IdempotencyClaim | null,
) {
  await assertOwnCustomer(db, actor, input.customer_id, login)
  return replayOnRefusal(db, idempotency, () => placeOrder(db, actor, input, idempotency))
}

/** A quote asked through the API: a web shop quotes only for its logged-in customer (`login`). */
export async function quoteOrderFor(
  db: Executor,
  actor: Actor,
  login: string | undefined,
  input: OrderInput,
) {
  await assertOwnCustomer(db, actor, input.customer_id, login)
  return quoteOrder(db, actor, input)
}

/**
 * What the order would be, priced as placing it would price it (promotions included), without
 * taking stock, payment or an order number: a till shows it before the customer pays.
 */
export async function quoteOrder(db: Executor, actor: Actor, input: OrderInput) {
  const { plan, channel } = await prepareOrder(db, actor, input, true)
  const view = orderView.fromPlan(plan, 0, channel.code, [], null)
  return {
    channel: view.channel,
    customer_id: view.customer_id,
    store_id: view.store_id,
    currency: view.currency,
    total_cents: view.total_cents,
    vat_cents: view.vat_cents,
    due_now_cents:
      plan.lines.filter((l) => l.fulfilment !== 'reserve').reduce((s, l) => s + l.totalCents, 0) +
      (view.delivery_fee?.total_cents ?? 0),
    vat_breakdown: view.vat_breakdown,
    lines: view.lines.map(
      ({ id: _id, fulfilled_quantity: _f, cancelled_quantity: _c, returned_quantity: _r, ...l }) => l,
    ),
    promotions: view.promotions,
  }
}

/** Everything placing (or quoting) an order reads and decides, before anything is written. */
async function prepareOrder(db: Executor, actor: Actor, input: OrderInput, quote: boolean) {
  // Channels change a few times a year: an order reads them from the channels' cache of a few seconds.
  const [channel, cached] = await Promise.all([cachedChannel(db, input.channel), cachedLocations(db)])
  const skus = [...new Set(input.lines.map((l) => l.sku))]
  // SKUs the routing engine may need: delivered ones, and picked-up ones the store may lack.
  const deliverySkus = [
    ...new Set(
      input.lines.filter((l) => l.fulfilment === 'delivery' || l.fulfilment === 'pickup').map((l) => l.sku),
    ),
  ]
  const pickupSkus = [...new Set(input.lines.filter((l) => l.fulfilment === 'pickup').map((l) => l.sku))]
  const sellingStore = input.store_id ?? (channel.kind === 'store' ? (actor.locationId ?? null) : null)
  const [reads, openTasks, promotions, deliveryPricer] = await Promise.all([
    store.readForOrder(
      db,
      channel,
      skus,
      deliverySkus,
      input.customer_id ?? null,
      pickupSkus,
      !quote,
      cached.get(sellingStore ?? '')?.cluster ?? null,
      franchisedPriceStores(input, sellingStore, cached),
    ),
    deliverySkus.length > 0 ? openTasksByLocation(db) : {},
    livePromotions(db),
    // Only an order naming a delivery service reads the fee tables (cached a few seconds).
    input.delivery ? deliveryFees().pricerFor(db, channel.id) : undefined,
  ])
  if (!reads.customerFound) throw notFound('customer', input.customer_id!)
  if (reads.customerId && reads.customerId !== input.customer_id)
    input = { ...input, customer_id: reads.customerId }
  // A store named by the order, or holding its stock, opened a moment ago is not in the cache yet:
  // read the locations again rather than call it unknown.
  const named = [input.store_id, ...input.lines.map((l) => l.pickup_location_id)].filter(
    (id) => id !== undefined,
  )
  let locations = cached
  if (named.some((id) => !cached.has(id)) || reads.deliveryStock.some((s) => !cached.has(s.location_id))) {
    forgetCachedLocations(db)
    locations = await cachedLocations(db)
  }
  const now = new Date()
  const plan = planOrder(input, {
    quote,
    actor,
    channel,
    locations,
    variants: new Map(
      reads.variants.map((v) => [
        v.sku,
        {
          sku: v.sku,
          productName: v.product_name,
          variantName: v.variant_name,
          vatRateBp: v.vat_rate_bp,
          priceCents: v.price_cents,
          listed: v.listed,
          endlessAisle: v.endless_aisle,
          productId: v.product_id,
          category: v.category,
          clusterListed: v.cluster_listed,
          weightG: v.weight_g,
        },
      ]),
    ),
    storePrices: storePriceMap(reads.storePrices),
    deliveryStock: reads.deliveryStock.map((s) => ({
      locationId: s.location_id,
      sku: s.sku,
      available: s.available,
    })),
    incoming: reads.incoming,
    routing: {
      network: deliverySkus.length > 0 ? routingNetwork(locations, openTasks, now) : new Map(),
      model: costModelFor(channel.routing),
    },
    now,
    newId,
    promotions,
    deliveryPricer,
  })
  return { plan, reads, channel, locations, now }
}

/**
 * The franchised stores whose own prices an order's lines may take: the selling store (its till) and
 * the stores its lines are collected at. An owned store's order asks for none, and reads nothing more.
 */
function franchisedPriceStores(
  input: OrderInput,
  sellingStore: string | null,
  locations: Map<string, LocationRow>,
): string[] {
  const stores = new Set<string>()
  if (sellingStore) stores.add(sellingStore)
  for (const l of input.lines) {
    if (l.fulfilment === 'pickup' || l.fulfilment === 'reserve') {
      const at = l.pickup_location_id ?? sellingStore
      if (at) stores.add(at)
    }
  }
  return [...stores].filter((id) => locations.get(id)?.ownership === 'franchised')
}

function storePriceMap(found: Array<{ location_id: string; sku: string; cents: number }>) {
  const byStore = new Map<string, Map<string, number>>()
  for (const p of found) {
    const prices = byStore.get(p.location_id) ?? new Map<string, number>()
    prices.set(p.sku, p.cents)
    byStore.set(p.location_id, prices)
  }
  return byStore
}

/** Six digits the customer gives at the counter; guessing one is 1 in a million per order. */
function newPickupCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

const openCache = new Map<string, { minute: number; hours: unknown; open: boolean }>()

/** Whether a location is open now, worked out once a minute per location (routing asks on every order). */
function openThisMinute(l: LocationRow, now: Date): boolean {
  const minute = Math.floor(now.getTime() / 60_000)
  const hit = openCache.get(l.id)
  if (hit && hit.minute === minute && hit.hours === l.openingHours) return hit.open
  const open = isOpenAt(l.openingHours, l.timezone, now)
  if (openCache.size > 10_000) openCache.clear()
  openCache.set(l.id, { minute, hours: l.openingHours, open })
  return open
}

/** The network as the routing engine sees it at `now`: who is open, and how busy each store is. */
export function routingNetwork(
  locations: Map<string, LocationRow>,
  openTasks: Record<string, number>,
  now: Date,
): Map<string, RoutingCandidate> {
  const network = new Map<string, RoutingCandidate>()
  for (const l of locations.values()) {
    network.set(l.id, {
      id: l.id,
      code: l.code,
      name: l.name,
      kind: l.kind,
      ownership: l.ownership,
      lat: l.lat,
      lon: l.lon,
      fulfilmentModes: l.fulfilmentModes,
      shipFromStoreOptIn: l.shipFromStoreOptIn,
      openNow: openThisMinute(l, now),
      openTasks: openTasks[l.id] ?? 0,
      dailyCapacity: l.dailyPrepCapacity,
    })
  }
  return network
}

async function loadForChange(tx: Tx, actor: Actor, orderId: string) {
  const order = await store.findOrder(tx, orderId, true)
  if (!order) throw notFound('order', orderId)
  const lines = (await store.linesOfOrders(tx, [orderId])).map(store.toLineState)
  const state = store.toOrderState(order)
  if (!maySee(actor, state, lines)) throw notFound('order', orderId)
  return { order, state, lines }
}

export const confirmDraft = inTransaction(confirmDraftIn)

async function confirmDraftIn(
  tx: Tx,
  actor: Actor,
  orderId: string,
  payments: PaymentInput[],
  registerId?: string,
) {
  const { order, state, lines } = await loadForChange(tx, actor, orderId)
  if (actor.role === 'channel' && order.channel_id !== actor.channelId) throw forbidden('Not your channel.')
  const now = new Date()
  assertDraftConfirmable(state, now)
  const due = lines.filter((l) => l.fulfilment !== 'reserve').reduce((s, l) => s + l.totalCents, 0)
  assertPaymentsCover(payments, due)
  const channel = await getChannel(tx, order.channel_id)
  const planned = payments.map((p, i) => checkTender(p, `payments/${i}`, channel.kind === 'store', newId))
  const tender = pointsTender()
  await tender.spend(tx, order.customer_id, orderId, tender.pointsOf(payments), 'confirm', actor.keyId)
  await redeemStoredValue(tx, orderId, redemptions(planned), actor.keyId)
  const locations = await cachedLocations(tx)
  await insertTasks(
    tx,
    orderId,
    planTasks(lines, locations, now, () => newId('tsk')),
  )
  await tx.execute(
    // Confirmed orders hold their stock until fulfilled or cancelled.
    sql`UPDATE reservation SET expires_at = NULL, updated_at = now()
      WHERE order_id = ${orderId} AND status = 'active'`,
  )
  // A store's draft paid at a till is a sale of that register: its ticket commits with the confirmation.
  if (channel.kind === 'store' && order.store_id) {
    const paidNow = (await store.linesOfOrders(tx, [orderId])).filter((l) => l.fulfilment !== 'reserve')
    if (!registerId) await till().assertSellsWithoutRegister(tx, order.store_id)
    else if (paidNow.length > 0) {
      await till().recordSale(tx, {
        registerId,
        storeId: order.store_id,
        orderId,
        orderNumber: order.number,
        actor: actor.keyId,
        lines: paidNow.map((l) => ({
          sku: l.sku,
          productName: l.product_name,
          quantity: l.quantity,
          unitPriceCents: l.unit_price_cents,
          discountCents: l.discount_cents,
          totalCents: l.total_cents,
          vatRateBp: l.vat_rate_bp,
          vatCents: l.vat_cents,
        })),
        payments: planned.map((p) => ({ method: p.method, amountCents: p.amountCents })),
      })
    }
  } else if (registerId) throw invalidInput('register_id', 'only a store sale is rung up on a register')
  await store.recordTransition(
    tx,
    orderId,
    {
      status: 'placed',
      placedAt: now,
      payments: planned,
      events: [{ type: 'confirmed', fromStatus: 'draft', toStatus: 'placed' }],
      facts: [
        outbox.confirmedEvent(
          orderId,
          order.paid_cents + planned.reduce((sum, p) => sum + p.amountCents, 0),
          byApiKey(actor.keyId),
        ),
      ],
    },
    actor.keyId,
  )
  return getOrder(tx, actor, orderId)
}

export const cancelOrder = inTransaction(cancelOrderIn)

async function cancelOrderIn(tx: Tx, actor: Actor, orderId: string, reason: string, registerId?: string) {
  const { state, lines, order } = await loadForChange(tx, actor, orderId)
  assertCancellable(state, lines)
  if (actor.role === 'store_staff' && order.store_id !== actor.locationId) {
    throw forbidden('A store cancels only the orders it sold; ask the call centre for the others.')
  }
  await releaseReservations(tx, orderId, 'released', `cancelled: ${reason}`, actor.keyId, 'order_cancelled')
  await releasePromotions(tx, orderId, byApiKey(actor.keyId))
  await store.cancelAllLines(tx, orderId)
  await cancelOpenTasks(tx, orderId, actor.keyId, `order cancelled: ${reason}`)
  // Nothing left the stock, so every tender is given back in full to where it came from.
  const refunds = await refundToTenders(tx, order, order.paid_cents - order.refunded_cents, {
    atTill: true,
    toStoreCredit: false,
    returnId: null,
    actor: actor.keyId,
  })
  // Money given back for a sale rung up on a register (or at the register named) is a cancellation
  // ticket on a register, in this transaction.
  await till().recordCancellation(tx, {
    registerId: registerId ?? null,
    storeId: order.store_id,
    orderId,
    actor: actor.keyId,
    reason,
    refunds: refunds.map((r) => ({ method: r.method, amountCents: r.amountCents })),
  })
  await store.recordTransition(
    tx,
    orderId,
    {
      status: 'cancelled',
      refunds,
      events: [{ type: 'cancelled', fromStatus: state.status, toStatus: 'cancelled' }],
      data: { reason },
      facts: [
        outbox.cancelledEvent(
          orderId,
          refunds.reduce((sum, r) => sum + r.amountCents, 0),
          lines.map((l) => ({ id: l.id, quantity: l.quantity - l.fulfilledQuantity - l.cancelledQuantity })),
          byApiKey(actor.keyId),
        ),
      ],
    },
    actor.keyId,
  )
  return getOrder(tx, actor, orderId)
}

export const fulfilOrder = inTransaction(fulfilOrderIn)

export async function fulfilOrderIn(
  tx: Tx,
  actor: Actor,
  orderId: string,
  request: FulfilmentRequest[],
  payments: PaymentInput[],
  shipment?: outbox.Shipment,
) {
  const { state, lines, order } = await loadForChange(tx, actor, orderId)
  if (actor.role === 'channel' || actor.role === 'call_centre') {
    throw forbidden('Goods are handed over or shipped by the store or warehouse that holds them.')
  }
  const plan = planFulfilment(actor, state, lines, request)
  assertPaymentsCover(payments, plan.dueCents)
  // Collection happens at a store till, so cash is accepted whatever channel sold the order.
  const planned = payments.map((p, i) => checkTender(p, `payments/${i}`, true, newId))
  const tender = pointsTender()
  await tender.spend(
    tx,
    order.customer_id,
    orderId,
    tender.pointsOf(payments),
    `collect-${newId('pay')}`,
    actor.keyId,
  )
  await redeemStoredValue(tx, orderId, redemptions(planned), actor.keyId)
  await consumeReservations(tx, orderId, plan.items, actor.keyId)
  await store.addFulfilledQuantities(tx, plan.items)
  await store.recordTransition(
    tx,
    orderId,
    {
      status: plan.status,
      payments: planned,
      events: plan.events,
      data: { lines: plan.items },
      facts: [
        ...outbox.lineFulfilledEvents(orderId, plan.items, lines, byApiKey(actor.keyId), shipment),
        ...(plan.status === 'completed' ? [outbox.completedEvent(order, byApiKey(actor.keyId))] : []),
      ],
    },
    actor.keyId,
  )
  return getOrder(tx, actor, orderId)
}

export const completeOrder = inTransaction(completeOrderIn)

export async function completeOrderIn(tx: Tx, actor: Actor, orderId: string) {
  const { state, order } = await loadForChange(tx, actor, orderId)
  assertTransition(state, 'completed')
  if (state.paidCents < state.totalCents) {
    throw refused('balance_due', 'The order is not fully paid yet.')
  }
  await store.recordTransition(
    tx,
    orderId,
    {
      status: 'completed',
      events: [{ type: 'completed', fromStatus: 'fulfilled', toStatus: 'completed' }],
      facts: [outbox.completedEvent(order, byApiKey(actor.keyId))],
    },
    actor.keyId,
  )
  return getOrder(tx, actor, orderId)
}

export async function getOrder(q: Executor, actor: Actor, orderId: string): Promise<OrderView> {
  const order = await store.findOrder(q, orderId)
  if (!order) throw notFound('order', orderId)
  const [lines, payments, events, tasks] = await Promise.all([
    store.linesOfOrders(q, [orderId]),
    store.orderPayments(q, [orderId]),
    store.orderEvents(q, orderId),
    tasksOfOrder(q, orderId),
  ])
  if (!maySee(actor, store.toOrderState(order), lines.map(store.toLineState)))
    throw notFound('order', orderId)
  // The store checks the code the customer gives; it does not read it off the screen.
  const shown = actor.role === 'store_staff' ? { ...order, pickup_code: null } : order
  return orderView.fromRows(shown, lines, payments, events, tasks.map(taskView))
}

/** Lists orders within what the key may see: a store its own, a channel its own. */
export async function listOrders(
  q: Executor,
  actor: Actor,
  filter: store.OrderFilter,
  limit: number,
  cursor?: string,
) {
  const scoped = { ...filter }
  if (actor.role === 'channel') scoped.channelId = actor.channelId!
  if (actor.role === 'store_staff') scoped.locationId = actor.locationId!
  const orders = await store.listOrders(q, scoped, limit, cursor)
  const ids = orders.slice(0, limit).map((o) => o.id)
  const [lines, payments] = ids.length
    ? await Promise.all([store.linesOfOrders(q, ids), store.orderPayments(q, ids)])
    : [[], []]
  return {
    views: orders.map((o) =>
      orderView.fromRows(
        actor.role === 'store_staff' ? { ...o, pickup_code: null } : o,
        lines.filter((l) => l.order_id === o.id),
        payments.filter((p) => p.order_id === o.id),
      ),
    ),
  }
}

/** Orders listed through the API: a web shop lists only its logged-in customer's (`login`). */
export async function listOrdersFor(
  q: Executor,
  actor: Actor,
  login: string | undefined,
  filter: store.OrderFilter,
  limit: number,
  cursor?: string,
) {
  await assertOwnCustomer(q, actor, filter.customerId, login)
  return (await listOrders(q, actor, filter, limit, cursor)).views
}

/**
 * A customer's orders across every channel, as a web shop's account page (its logged-in customer's
 * only) or the call centre sees them.
 */
export async function customerOrders(
  q: Executor,
  actor: Actor,
  customerId: string,
  login: string | undefined,
  limit: number,
  cursor?: string,
) {
  const customer = await visibleCustomer(q, actor, customerId, login)
  const { views } = await listOrders(q, actor, { customerId: customer.id }, limit, cursor)
  return views.map(orderSummary)
}
