import { sql } from 'drizzle-orm'
import { openTicketForReturn } from '../aftersales/index.ts'
import { getChannel } from '../channels/index.ts'
import { accountHolder } from '../customers/index.ts'
import { type Executor, inTransaction, type Tx } from '../db/database.ts'
import { byApiKey, recordEvents, returnEvents } from '../events/index.ts'
import { reversePointsForReturn } from '../loyalty/index.ts'
import { cachedLocations } from '../network/index.ts'
import {
  creditNoteRefund,
  deliveryFeeRefund,
  findOrder,
  linesOfOrders,
  type OrderInput,
  placeOrder,
  quoteOrder,
  type RefundPayment,
  recordTransition,
  refundToTenders,
  till,
} from '../orders/index.ts'
import { type Actor, mayOverride } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { vatSummary } from '../shared/money.domain.ts'
import { returnLabelBarcode } from './return-label.domain.ts'
import {
  decideReturn,
  type ReturnCondition,
  type ReturnLineRequest,
  type ReturnResolution,
} from './returns.domain.ts'
import { notFound, refused } from './returns.errors.ts'
import type { RefundDestination, ReturnMethod } from './returns.schema.ts'
import * as store from './returns.store.ts'

export interface ReturnInput {
  order_id: string
  method: ReturnMethod
  /** Where the goods come back: the till's store (in_store), the drop-off store, or the returns warehouse. */
  location_id?: string
  /** The till refunding an in-store return: its ticket joins the register's chain. */
  register_id?: string
  refund_to?: RefundDestination
  lines: ReturnLineRequest[]
  override?: { reason: string }
  /** A manager gives back at the till, in this tender, money a partner channel collected. */
  refund_override?: { method: 'card' | 'cash'; reason: string }
  /** At a till: take other goods in the same transaction, paid with the value returned. */
  exchange?: Omit<OrderInput, 'customer_id' | 'draft' | 'hold_minutes'>
}

/**
 * Who may start a return, and how: a store takes goods back at its till; the call centre and the
 * web shop arrange a carrier pick-up or a drop-off in a store; head office may do anything.
 */
function assertMayCreate(
  actor: Actor,
  input: ReturnInput,
  order: { channel_id: string; customer_id: string | null },
  holder: string | null,
) {
  if (!mayReach(actor, order.channel_id, order.customer_id, holder)) throw notFound('order', input.order_id)
  if (input.method === 'in_store' && actor.role !== 'store_staff' && actor.role !== 'admin') {
    throw forbidden('Goods are taken back over the counter by a store; arrange a carrier or a drop-off.')
  }
  if (actor.role === 'store_staff' && input.method !== 'in_store') {
    throw invalidInput('method', 'a store takes goods back over the counter: use in_store')
  }
  if (input.exchange && input.method !== 'in_store') {
    throw invalidInput('exchange', 'an exchange is made at a till, with the goods in hand (method in_store)')
  }
  if (input.exchange && input.lines.some((l) => l.resolution === 'repair')) {
    throw invalidInput('exchange', 'an item brought for repair stays the customer’s: it pays for no exchange')
  }
}

async function receivingLocation(q: Executor, actor: Actor, input: ReturnInput): Promise<string> {
  const locations = await cachedLocations(q)
  if (input.method === 'in_store') {
    const id = actor.role === 'store_staff' ? actor.locationId! : input.location_id
    if (!id) throw invalidInput('location_id', 'name the store taking the goods back')
    if (actor.role === 'store_staff' && input.location_id && input.location_id !== id) {
      throw invalidInput('location_id', 'a store takes goods back in its own store')
    }
    return id
  }
  if (input.method === 'store_drop_off') {
    const id = input.location_id
    const l = id ? locations.get(id) : undefined
    if (l?.kind !== 'store')
      throw invalidInput('location_id', 'name the store where the parcel is dropped off')
    return l!.id
  }
  if (input.location_id) {
    if (!locations.has(input.location_id))
      throw invalidInput('location_id', `no location ${input.location_id}`)
    return input.location_id
  }
  const warehouse = [...locations.values()].find((l) => l.kind === 'warehouse')
  if (!warehouse) throw invalidInput('location_id', 'no warehouse receives carrier returns; name a location')
  return warehouse.id
}

/**
 * Creates a return. At a till (in_store) the goods are in hand: they are inspected, put away and
 * refunded in the same transaction, and an exchange can take other goods with the value returned.
 * Otherwise the return waits for the parcel or the drop-off, and is refunded on receipt.
 */
export async function createReturn(tx: Tx, actor: Actor, input: ReturnInput, login?: string) {
  const holder = await accountHolder(tx, actor, login)
  const loaded = await store.loadPurchase(tx, input.order_id, true)
  if (!loaded) throw notFound('order', input.order_id)
  const { row, purchase } = loaded
  assertMayCreate(actor, input, row, holder)
  if (input.method === 'in_store') {
    input.lines.forEach((l, i) => {
      if (!l.condition)
        throw invalidInput(
          `lines/${i}/condition`,
          'inspect the item at the till: resellable, damaged or defective',
        )
    })
  } else if (input.lines.some((l) => l.condition)) {
    throw invalidInput('lines/0/condition', 'goods are inspected when they are received, not before')
  }
  const locationId = await receivingLocation(tx, actor, input)
  const tillRefund = await tillRefundOverride(tx, actor, input, row.channel_id)
  const now = new Date()
  const decision = decideReturn(purchase, input.lines, await store.loadPolicies(tx), now, {
    allowed: mayOverride(actor),
    reason: input.override?.reason ?? null,
  })
  const id = newId('rtn')
  const lines = decision.lines.map((l) => ({ ...l, id: newId('rln') }))
  const fee = input.exchange ? { cents: 0, vatCents: 0 } : await deliveryFeeBack(tx, row.id, lines)
  await store.insertReturn(tx, {
    id,
    orderId: row.id,
    customerId: row.customer_id,
    channelId: actor.channelId,
    method: input.method,
    locationId,
    refundTo: input.exchange ? 'store_credit' : (input.refund_to ?? 'original'),
    refundCents: decision.refundCents + fee.cents,
    vatCents: decision.vatCents + fee.vatCents,
    policy: {
      evaluated_at: now.toISOString(),
      handed_over_at: purchase.handedOverAt.toISOString(),
      lines: lines.map((l) => ({ line_no: l.lineNo, sku: l.sku, ...l.policy })),
    },
    override:
      decision.overridden.length > 0 || tillRefund
        ? {
            ...(decision.overridden.length > 0
              ? {
                  by: actor.keyId,
                  name: actor.name,
                  reason: input.override!.reason,
                  rules: decision.overridden,
                }
              : {}),
            ...(tillRefund ? { refund: tillRefund } : {}),
          }
        : null,
    createdBy: actor.keyId,
    lines,
  })
  if (input.method === 'in_store') {
    // Just written in this transaction: read once, and received with the goods in hand.
    await receive(
      tx,
      actor,
      (await store.findReturn(tx, id))!,
      lines.map((l) => ({ order_line_id: l.orderLineId, condition: l.condition! })),
      // The goods taken in exchange are rung up on the register that takes the return back.
      input.exchange && input.register_id
        ? { register_id: input.register_id, ...input.exchange }
        : input.exchange,
      input.register_id,
    )
  }
  return getReturn(tx, actor, id, login)
}

/**
 * The delivery fee a return gives back with its goods (docs/shipping.md): when it brings back
 * the last delivered unit the customer kept, the order's fee is refunded with it, as the 14-day
 * withdrawal right has the initial delivery paid back. An exchange keeps it.
 */
async function deliveryFeeBack(
  tx: Tx,
  orderId: string,
  lines: ReadonlyArray<{ orderLineId: string; quantity: number; resolution: string }>,
) {
  const order = await findOrder(tx, orderId)
  const routing = order?.routing as Parameters<typeof deliveryFeeRefund>[0]
  if (!routing?.delivery?.fee_cents) return { cents: 0, vatCents: 0 }
  const orderLines = await linesOfOrders(tx, [orderId])
  const back = (id: string) =>
    lines.filter((l) => l.orderLineId === id && l.resolution === 'refund').reduce((s, l) => s + l.quantity, 0)
  const units = (l: (typeof orderLines)[number], more: number) => ({
    fulfilment: l.fulfilment,
    quantity: l.quantity,
    givenBack: l.cancelled_quantity + l.returned_quantity + more,
  })
  const cents = deliveryFeeRefund(
    routing,
    orderLines.map((l) => units(l, 0)),
    orderLines.map((l) => units(l, back(l.id))),
  )
  return { cents, vatCents: cents > 0 ? routing.delivery.fee_vat_cents : 0 }
}

/**
 * A manager's decision to give back at the till money a partner channel collected (by default it
 * goes back through the partner, owed on its settlement): only for such a purchase, with the goods
 * in hand, as money rather than a credit note or an exchange. Recorded with the return.
 */
async function tillRefundOverride(q: Executor, actor: Actor, input: ReturnInput, orderChannelId: string) {
  const o = input.refund_override
  if (!o) return null
  const channel = await getChannel(q, orderChannelId)
  if (!channel.collectsPayment) {
    throw invalidInput(
      'refund_override',
      `the brand took the payment of this purchase itself (channel ${channel.code}): it goes back to its tenders`,
    )
  }
  if (input.method !== 'in_store' || input.exchange || input.refund_to === 'store_credit') {
    throw invalidInput(
      'refund_override',
      'gives money back at a till: a return in_store, refunded to the original payment, without exchange',
    )
  }
  if (!mayOverride(actor)) {
    throw forbidden('Only a store manager or head office may refund at the till what a partner collected.')
  }
  return { method: o.method, reason: o.reason.trim(), by: actor.keyId, name: actor.name }
}

/** Goods received (by post, dropped off, or at the till): inspected, put away, then refunded. */
export const receiveReturn = inTransaction(receiveReturnIn)

export async function receiveReturnIn(
  tx: Tx,
  actor: Actor,
  returnId: string,
  inspection: Array<{ order_line_id: string; condition: ReturnCondition }>,
) {
  const r = await store.findReturn(tx, returnId, true)
  if (!r || !maySeeReturn(actor, r)) throw notFound('return', returnId)
  if (actor.role !== 'admin' && !(actor.role === 'store_staff' && actor.locationId === r.location_id)) {
    throw forbidden('Goods are received by the location they come back to.')
  }
  await receive(tx, actor, r, inspection, undefined)
  return getReturn(tx, actor, returnId)
}

/** Receives a return already read (and locked, when it was not written by this transaction). */
async function receive(
  tx: Tx,
  actor: Actor,
  r: store.ReturnRow,
  inspection: Array<{ order_line_id: string; condition: ReturnCondition }>,
  exchange: ReturnInput['exchange'],
  registerId?: string,
) {
  const returnId = r.id
  if (r.status !== 'awaiting_receipt') {
    throw refused('return_not_awaiting_receipt', `Return ${r.number} is ${r.status}.`, { status: r.status })
  }
  const lines = await store.returnLines(tx, [returnId])
  const inspected = lines.map((l) => {
    const i = inspection.findIndex((x) => x.order_line_id === l.order_line_id)
    if (i < 0) throw invalidInput('lines', `say in which condition line ${l.line_no} (${l.sku}) came back`)
    return {
      id: l.id,
      sku: l.sku,
      quantity: l.quantity,
      condition: inspection[i]!.condition,
      resolution: l.resolution,
      line: l,
    }
  })
  inspection.forEach((x, i) => {
    if (!lines.some((l) => l.order_line_id === x.order_line_id)) {
      throw invalidInput(`lines/${i}/order_line_id`, 'is not a line of this return')
    }
  })
  await store.receiveGoods(tx, returnId, r.location_id, inspected, actor.keyId)
  const by = byApiKey(actor.keyId)
  const fact = { aggregateId: returnId, actor: by }
  const ids = { return_id: returnId, order_id: r.order_id }
  await recordEvents(tx, [
    returnEvents.event('return.received', {
      ...fact,
      payload: {
        ...ids,
        location_id: r.location_id,
        lines: inspected.map((l) => ({ sku: l.sku, quantity: l.quantity, condition: l.condition })),
      },
    }),
  ])
  await openTickets(tx, actor, r, inspected)
  const refunded = inspected.filter((l) => l.resolution === 'refund')
  const refunds =
    refunded.length > 0
      ? await refundReturned(tx, actor, r, refunded, exchange !== undefined, registerId)
      : []
  await tx.execute(
    sql`UPDATE "return" SET status = 'completed', received_at = now(), received_by = ${actor.keyId}, updated_at = now()
        WHERE id = ${returnId}`,
  )
  if (refunded.length > 0) {
    await recordEvents(tx, [
      returnEvents.event('return.refunded', {
        ...fact,
        payload: {
          ...ids,
          refunded_cents: refunds.reduce((sum, p) => sum + p.amountCents, 0),
          destination: exchange || r.refund_to === 'store_credit' ? 'store_credit' : 'original',
          lines: refunded.map((l) => ({ line_id: l.line.order_line_id, quantity: l.quantity })),
        },
      }),
    ])
  }
  if (exchange) {
    const exchangeOrderId = await placeExchange(tx, actor, r, r.order_id, refunds[0]!.creditedCode!, exchange)
    if (exchangeOrderId) {
      await recordEvents(tx, [
        returnEvents.event('return.exchanged', {
          ...fact,
          payload: { ...ids, exchange_order_id: exchangeOrderId },
        }),
      ])
    }
  }
}

/**
 * Gives the value of the refunded lines back (to the tenders, or as the credit that pays an
 * exchange) and records it with the order. The `returned` order event carries the net value given
 * back per line, read by channel analytics in the period of the return; the franchise consumer
 * reverses the commission from `return.refunded` (its lines and units).
 */
async function refundReturned(
  tx: Tx,
  actor: Actor,
  r: store.ReturnRow,
  refunded: Inspected[],
  exchange: boolean,
  registerId?: string,
): Promise<RefundPayment[]> {
  const order = (await findOrder(tx, r.order_id, true))!
  const refunds = exchange
    ? // The value of an exchanged item becomes a credit note that pays for the new goods.
      [await creditNoteRefund(tx, order, r.refund_cents, 'exchange', r.id, actor.keyId)]
    : await refundToTenders(tx, order, r.refund_cents, {
        atTill: r.method === 'in_store',
        toStoreCredit: r.refund_to === 'store_credit',
        returnId: r.id,
        actor: actor.keyId,
        ...tillOverrideOf(r),
      })
  await recordTransition(
    tx,
    order.id,
    {
      status: order.status,
      refunds,
      events: [{ type: 'returned', fromStatus: order.status, toStatus: order.status }],
      data: {
        return_id: r.id,
        return_number: r.number,
        location_id: r.location_id,
        refund_cents: r.refund_cents,
        lines: refunded.map((l) => ({
          order_line_id: l.line.order_line_id,
          sku: l.sku,
          quantity: l.quantity,
          condition: l.condition,
          refund_cents: l.line.refund_cents,
          net_cents: l.line.refund_cents - l.line.vat_cents,
        })),
      },
    },
    actor.keyId,
  )
  await reversePointsForReturn(tx, order.id, r.id, actor.keyId)
  if (r.method === 'in_store') await ringUpRefund(tx, actor, r, refunded, refunds, registerId)
  return refunds
}

/**
 * Money given back over the counter is a till record: its return ticket is chained on the register
 * in this transaction; in a store that sells through registers, the return must name one.
 */
async function ringUpRefund(
  tx: Tx,
  actor: Actor,
  r: store.ReturnRow,
  refunded: Inspected[],
  refunds: RefundPayment[],
  registerId: string | undefined,
) {
  if (!registerId) {
    await till().assertSellsWithoutRegister(tx, r.location_id)
    return
  }
  await till().recordReturn(tx, {
    registerId,
    storeId: r.location_id,
    orderId: r.order_id,
    returnId: r.id,
    actor: actor.keyId,
    lines: refunded.map((l) => ({
      sku: l.sku,
      quantity: l.quantity,
      refundCents: l.line.refund_cents,
      vatCents: l.line.vat_cents,
      vatRateBp: l.line.vat_rate_bp,
    })),
    refunds: refunds.map((p) => ({ method: p.method, amountCents: p.amountCents })),
  })
}

/** The tender a manager chose to refund at the till what a partner collected, if they did. */
function tillOverrideOf(r: store.ReturnRow): { tillOverride?: 'card' | 'cash' } {
  const refund = r.override?.refund as { method?: 'card' | 'cash' } | undefined
  return refund?.method ? { tillOverride: refund.method } : {}
}

type Inspected = {
  id: string
  sku: string
  quantity: number
  condition: ReturnCondition
  resolution: ReturnResolution
  line: store.ReturnLineRow
}

/**
 * The tickets the goods open. An item in for repair is the customer's: a repair ticket in their
 * name follows it. A defective item refunded is the brand's: quarantined, it is the store's claim on
 * its supplier, a ticket of the store that is not the customer's business (nor in their 360).
 */
async function openTickets(tx: Tx, actor: Actor, r: store.ReturnRow, inspected: Inspected[]) {
  for (const l of inspected) {
    const repair = l.resolution === 'repair'
    if (!repair && l.condition !== 'defective') continue
    const ticketId = await openTicketForReturn(tx, actor, {
      orderId: r.order_id,
      orderLineId: l.line.order_line_id,
      returnId: r.id,
      locationId: r.location_id,
      kind: repair ? 'repair' : 'supplier_claim',
      subject: repair
        ? `${l.quantity} × ${l.sku} brought in for repair (return ${r.number})`
        : `Supplier claim: ${l.quantity} × ${l.sku} returned defective and refunded (return ${r.number})`,
    })
    await tx.execute(sql`UPDATE return_line SET ticket_id = ${ticketId} WHERE id = ${l.id}`)
  }
}

/**
 * The new goods of an exchange: an order paid first with the exchange credit, then with what the
 * customer adds. When the new goods cost less, what is left stays on the credit note they take away.
 */
async function placeExchange(
  tx: Tx,
  actor: Actor,
  r: store.ReturnRow,
  orderId: string,
  code: string,
  exchange: NonNullable<ReturnInput['exchange']>,
): Promise<string | null> {
  const order = (await findOrder(tx, orderId))!
  // Priced as the order will price them (promotions, the store's cluster prices): the credit pays first.
  const { due_now_cents: due } = await quoteOrder(tx, actor, {
    ...exchange,
    ...(order.customer_id ? { customer_id: order.customer_id } : {}),
  })
  const fromCredit = Math.min(r.refund_cents, due)
  const input: OrderInput = {
    ...exchange,
    ...(order.customer_id ? { customer_id: order.customer_id } : {}),
    payments: [
      ...(fromCredit > 0
        ? [{ method: 'store_credit' as const, amount_cents: fromCredit, reference: code }]
        : []),
      ...(exchange.payments ?? []),
    ],
  }
  const placed = await placeOrder(tx, actor, input, null)
  if (placed.replay) return null
  await tx.execute(
    sql`UPDATE "return" SET exchange_order_id = ${placed.body.id}, updated_at = now() WHERE id = ${r.id}`,
  )
  return placed.body.id
}

export const cancelReturn = inTransaction(cancelReturnIn)

async function cancelReturnIn(tx: Tx, actor: Actor, returnId: string, reason: string, login?: string) {
  const holder = await accountHolder(tx, actor, login)
  const r = await store.findReturn(tx, returnId, true)
  if (!r || !maySeeReturn(actor, r, holder)) throw notFound('return', returnId)
  if (r.status !== 'awaiting_receipt') {
    throw refused('return_not_awaiting_receipt', `Return ${r.number} is ${r.status}; it cannot be cancelled.`)
  }
  await tx.execute(
    sql`WITH x AS (SELECT order_line_id, quantity FROM return_line WHERE return_id = ${returnId} AND resolution = 'refund'),
        u AS (
          UPDATE order_line l SET returned_quantity = l.returned_quantity - x.quantity, updated_at = now()
          FROM x WHERE l.id = x.order_line_id
        )
        UPDATE "return" SET status = 'cancelled', updated_at = now(),
          policy = policy || jsonb_build_object('cancelled', jsonb_build_object('by', ${actor.keyId}::text, 'reason', ${reason}::text))
        WHERE id = ${returnId}`,
  )
  return getReturn(tx, actor, returnId, login)
}

/**
 * Whether a key reaches a purchase (or what came of it): staff every one (a store serves purchases
 * from every channel); a web shop acting for its logged-in customer (`holder`) that customer's, from
 * every channel; a web shop otherwise its own channel's.
 */
function mayReach(actor: Actor, channelId: string, customerId: string | null, holder: string | null) {
  if (actor.role !== 'channel') return true
  if (holder !== null) return customerId === holder
  return channelId === actor.channelId
}

/** Staff see every return; a web shop its own orders', or every return of the customer it acts for. */
export function maySeeReturn(
  actor: Actor,
  r: { order_channel_id: string; customer_id: string | null },
  holder: string | null = null,
): boolean {
  return mayReach(actor, r.order_channel_id, r.customer_id, holder)
}

export async function getReturn(q: Executor, actor: Actor, id: string, login?: string) {
  const holder = await accountHolder(q, actor, login)
  const r = await store.findReturn(q, id)
  if (!r || !maySeeReturn(actor, r, holder)) throw notFound('return', id)
  const [lines, refunds] = await Promise.all([store.returnLines(q, [id]), store.returnRefunds(q, id)])
  return returnView(r, lines, refunds)
}

export async function listReturns(
  q: Executor,
  actor: Actor,
  filter: store.ReturnFilter,
  limit: number,
  cursor?: string,
  login?: string,
) {
  const holder = await accountHolder(q, actor, login)
  if (holder !== null && filter.customerId !== undefined && filter.customerId !== holder) return []
  const scoped =
    holder !== null
      ? { ...filter, customerId: holder }
      : actor.role === 'channel'
        ? { ...filter, orderChannelId: actor.channelId! }
        : filter
  const list = await store.listReturns(q, scoped, limit, cursor)
  const lines = list.length
    ? await store.returnLines(
        q,
        list.map((r) => r.id),
      )
    : []
  return list.map((r) =>
    returnView(
      r,
      lines.filter((l) => l.return_id === r.id),
      null,
    ),
  )
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

function returnView(
  r: store.ReturnRow,
  lines: store.ReturnLineRow[],
  refunds: Awaited<ReturnType<typeof store.returnRefunds>> | null,
) {
  return {
    id: r.id,
    number: String(r.number),
    order_id: r.order_id,
    order_number: String(r.order_number),
    customer_id: r.customer_id,
    status: r.status,
    method: r.method,
    label_barcode: r.method === 'carrier' ? returnLabelBarcode(r.number) : null,
    location_id: r.location_id,
    refund_to: r.refund_to,
    refund_cents: r.refund_cents,
    vat_cents: r.vat_cents,
    vat_breakdown: vatSummary(
      lines.map((l) => ({ totalCents: l.refund_cents, vatCents: l.vat_cents, vatRateBp: l.vat_rate_bp })),
    ).map((v) => ({ rate: v.rate_bp / 100, base_incl_cents: v.base_incl_cents, vat_cents: v.vat_cents })),
    lines: lines.map((l) => ({
      id: l.id,
      order_line_id: l.order_line_id,
      line_no: l.line_no,
      sku: l.sku,
      quantity: l.quantity,
      reason: l.reason,
      condition: l.condition,
      resolution: l.resolution,
      refund_cents: l.refund_cents,
      vat_cents: l.vat_cents,
      ticket_id: l.ticket_id,
    })),
    ...(refunds
      ? {
          refunds: refunds.map((p) => ({
            id: p.id,
            method: p.method,
            amount_cents: p.amount_cents,
            credited_code: p.credited_code,
          })),
        }
      : {}),
    policy: r.policy,
    override: r.override,
    exchange_order_id: r.exchange_order_id,
    created_by: r.created_by,
    created_at: iso(r.created_at)!,
    received_at: iso(r.received_at),
  }
}
