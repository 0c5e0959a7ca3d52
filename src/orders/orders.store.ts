import { sql } from 'drizzle-orm'
import { type Executor, rows, type Tx } from '../db/database.ts'
import { prepared } from '../db/prepared.ts'
import { cte, fragment, param, statement } from '../db/statement.ts'
import { byLedgerActor, type NewEvent, outboxCte, outboxInsert, outboxValues } from '../events/index.ts'
import { claimKeyCte, type IdempotencyClaim, keyClaimValues } from '../http/idempotency.ts'
import {
  insufficientStock,
  type Lack,
  lockStock,
  stockEnough,
  stockLack,
  stockValues,
  takeStock,
} from '../inventory/index.ts'
import type { PlannedTask } from './fulfilment/fulfilment.domain.ts'
import { insertTaskCtes, taskValues } from './fulfilment/fulfilment.store.ts'
import type { LineState, OrderState } from './lifecycle.domain.ts'
import type { IncomingStock, OrderPlan, OrderStatus, PlannedEvent, PlannedPayment } from './orders.domain.ts'
import { paymentsEvents } from './orders.outbox.ts'
import type { LinePromotion } from './orders.schema.ts'

/** What the order flow needs to sell a SKU in a channel. */
export interface SellableRow {
  sku: string
  product_name: string
  variant_name: string
  vat_rate_bp: number
  price_cents: number | null
  listed: boolean
  endless_aisle: boolean
  product_id: string
  category: string
  /** Whether the selling store's cluster carries it (true without a cluster or a rule). */
  cluster_listed: boolean
  /** Grams per unit as shipped; null when the catalogue does not know it. */
  weight_g: number | null
}

export interface OrderReads {
  variants: SellableRow[]
  deliveryStock: Array<{ location_id: string; sku: string; available: number }>
  customerFound: boolean
  /** The customer the order is for: a merged profile's id resolves to the profile it joined. */
  customerId: string | null
  number: number
  /** Replenishment units in transit to stores, promised to nobody, for the pickup SKUs. */
  incoming: IncomingStock[]
  /** Franchised stores' own prices of the SKUs, for the stores asked (`priceStores`). */
  storePrices: Array<{ location_id: string; sku: string; cents: number }>
}

/**
 * Everything placing an order reads, in one round trip: the SKUs' names, VAT, channel price and
 * listing; the promisable stock of the delivery SKUs; whether the customer exists; the next order
 * number (drawn now so the response is complete before the write).
 */
export async function readForOrder(
  q: Executor,
  channel: { id: string; priceListId: string },
  skus: string[],
  deliverySkus: string[],
  customerId: string | null,
  pickupSkus: string[] = [],
  drawNumber = true,
  cluster: string | null = null,
  /** Franchised stores whose own prices the lines may take (the selling store, the pickup stores). */
  priceStores: string[] = [],
): Promise<OrderReads> {
  const [row] = await prepared<{
    variants: SellableRow[]
    delivery_stock: OrderReads['deliveryStock']
    customer_found: boolean
    customer_id: string | null
    number: number
    store_prices: OrderReads['storePrices']
    incoming: Array<{
      transfer_id: string
      line_no: number
      location_id: string
      sku: string
      quantity: number
      expected_at: string
    }>
  }>(
    q,
    orderReadsStatement.name,
    orderReadsStatement.text,
    orderReadsStatement.values({
      channel_id: channel.id,
      price_list_id: channel.priceListId,
      skus_json: JSON.stringify(skus),
      delivery_skus_json: JSON.stringify(deliverySkus),
      customer_id: customerId,
      pickup_skus_json: JSON.stringify(pickupSkus),
      draw_number: drawNumber,
      cluster: cluster,
      price_stores_json: JSON.stringify(priceStores),
    }),
  )
  return {
    variants: row!.variants,
    deliveryStock: row!.delivery_stock,
    customerFound: row!.customer_found,
    customerId: row!.customer_id,
    number: row!.number,
    storePrices: row!.store_prices,
    incoming: row!.incoming.map((i) => ({
      transferId: i.transfer_id,
      lineNo: i.line_no,
      locationId: i.location_id,
      sku: i.sku,
      quantity: i.quantity,
      expectedAt: new Date(i.expected_at),
    })),
  }
}

// Every look-up is driven by the requested SKUs through lateral joins: the statement is prepared,
// and the generic plan PostgreSQL settles on cannot see how few SKUs the JSON holds; written as
// joins it scanned whole tables (9 ms instead of 0.5 ms per order). The parameters that switch a part
// on or off are read through a sub-select: given as constants, they let every custom plan prune
// those parts, so PostgreSQL found each custom plan cheaper than the generic one and planned the
// statement again on every order (0.5 ms of server time each, 25 % of the server's share of an order).
const reads = {
  channelId: param('channel_id'),
  priceListId: param('price_list_id'),
  skus: param('skus_json'),
  deliverySkus: param('delivery_skus_json'),
  customerId: param('customer_id'),
  pickupSkus: param('pickup_skus_json'),
  drawNumber: param('draw_number'),
  cluster: param('cluster'),
  priceStores: param('price_stores_json'),
}

export const orderReadsStatement = statement(
  'order_reads',
  [],
  fragment`
    SELECT
      (SELECT coalesce(json_agg(json_build_object(
          'sku', v.sku, 'product_name', p.name, 'variant_name', v.name, 'vat_rate_bp', p.vat_rate_bp,
          'weight_g', v.weight_g,
          'product_id', p.id, 'category', p.category,
          'price_cents', coalesce(cpr.amount_cents, pr.amount_cents),
          'cluster_listed', coalesce((
            SELECT cl.listed FROM cluster_listing cl
            WHERE cl.cluster = (SELECT ${reads.cluster}::text) AND ((cl.target_kind = 'product' AND cl.target = p.id)
                                             OR (cl.target_kind = 'category' AND cl.target = p.category))
            ORDER BY cl.target_kind DESC LIMIT 1), true),
          'listed', EXISTS (SELECT 1 FROM assortment a WHERE a.channel_id = ${reads.channelId} AND a.product_id = p.id),
          'endless_aisle', coalesce((SELECT ca.endless_aisle FROM category_assortment ca WHERE ca.category = p.category), true))), '[]'::json)
       FROM jsonb_array_elements_text(${reads.skus}::jsonb) AS r(sku)
       CROSS JOIN LATERAL (SELECT v.sku, v.name, v.product_id, v.weight_g FROM variant v WHERE v.sku = r.sku LIMIT 1) v
       CROSS JOIN LATERAL (SELECT p.id, p.name, p.vat_rate_bp, p.category FROM product p WHERE p.id = v.product_id LIMIT 1) p
       LEFT JOIN LATERAL (
         SELECT pr.amount_cents FROM price pr WHERE pr.price_list_id = ${reads.priceListId} AND pr.sku = r.sku LIMIT 1
       ) pr ON true
       LEFT JOIN LATERAL (
         SELECT pr.amount_cents FROM cluster_price_list cpl JOIN price pr ON pr.price_list_id = cpl.price_list_id
         WHERE (SELECT ${reads.cluster}::text) IS NOT NULL AND cpl.channel_id = ${reads.channelId} AND cpl.cluster = (SELECT ${reads.cluster}::text)
           AND pr.sku = r.sku LIMIT 1
       ) cpr ON true) AS variants,
      (SELECT coalesce(json_agg(json_build_object(
          'location_id', s.location_id, 'sku', s.sku, 'available', s.on_hand - s.reserved - s.safety_stock)), '[]'::json)
       FROM jsonb_array_elements_text(${reads.deliverySkus}::jsonb) AS r(sku)
       CROSS JOIN LATERAL (
         SELECT s.location_id, s.sku, s.on_hand, s.reserved, s.safety_stock FROM stock_level s
         WHERE s.sku = r.sku AND s.on_hand - s.reserved - s.safety_stock > 0
         OFFSET 0 -- keeps the look-up per SKU: pulled up, it became a hash join over every stock row
       ) s) AS delivery_stock,
      ((SELECT ${reads.customerId}::text) IS NULL OR EXISTS (SELECT 1 FROM customer WHERE id = ${reads.customerId}::text)) AS customer_found,
      (SELECT coalesce(merged_into, id) FROM customer WHERE id = ${reads.customerId}::text) AS customer_id,
      CASE WHEN (SELECT ${reads.drawNumber}::boolean) THEN nextval('order_number_seq')::int ELSE 0 END AS number,
      -- Franchisees' own prices: asked only for franchised stores (none for an owned store's order), one
      -- primary-key look-up per store and SKU.
      (SELECT coalesce(json_agg(json_build_object('location_id', st.location_id, 'sku', r.sku, 'cents', sp.amount_cents)), '[]'::json)
       FROM jsonb_array_elements_text(${reads.priceStores}::jsonb) AS st(location_id)
       CROSS JOIN jsonb_array_elements_text(${reads.skus}::jsonb) AS r(sku)
       CROSS JOIN LATERAL (
         SELECT sp.amount_cents FROM store_price sp WHERE sp.location_id = st.location_id AND sp.sku = r.sku LIMIT 1
       ) sp) AS store_prices,
      (SELECT coalesce(json_agg(json_build_object(
          'transfer_id', l.transfer_id, 'line_no', l.line_no, 'location_id', t.to_location_id, 'sku', l.sku,
          'quantity', l.quantity, 'expected_at', t.expected_at) ORDER BY t.expected_at, l.transfer_id, l.line_no), '[]'::json)
       FROM transfer t JOIN transfer_line l ON l.transfer_id = t.id
       WHERE (SELECT jsonb_array_length(${reads.pickupSkus}::jsonb)) > 0 AND t.status = 'in_transit' AND l.order_line_id IS NULL
         AND l.sku IN (SELECT jsonb_array_elements_text(${reads.pickupSkus}::jsonb))) AS incoming`,
)

/**
 * Writes a whole order in one statement: the Idempotency-Key claim, the stock taken with its
 * reservations and ledger movements, the order, lines, payments and first events. When a stock row
 * cannot give what the order asks, the statement writes nothing and answers with the short rows,
 * thrown here as the 409: no SQL error, so a transaction around it stays usable and the connection
 * is kept (the pool closes a connection whose query failed). With a key already claimed by a first
 * request it writes nothing and returns 'replay': the caller replays the stored response.
 */
export async function writeOrder(
  q: Executor,
  plan: OrderPlan,
  number: number,
  actor: string,
  idempotency: (IdempotencyClaim & { response: unknown }) | null,
  tasks: PlannedTask[],
  pickupCode: string | null,
  /** The order's events (`placedEvents`), written by the same statement when the order is. */
  events: readonly NewEvent[],
): Promise<'placed' | 'replay'> {
  const stock = stockValues(plan.holds)
  const [row] = await prepared<{ placed: boolean; lack: Lack[] }>(
    q,
    placeOrderStatement.name,
    placeOrderStatement.text,
    placeOrderStatement.values({
      ...stock.values,
      ...keyClaimValues(idempotency),
      ...taskValues(tasks),
      ...outboxValues(events),
      order_id: plan.id,
      order_number: number,
      channel_id: plan.channelId,
      customer_id: plan.customerId,
      store_id: plan.storeId,
      status: plan.status,
      currency: plan.currency,
      total_cents: plan.totalCents,
      vat_cents: plan.vatCents,
      paid_cents: plan.paidCents,
      delivery_address_json: plan.deliveryAddress ? JSON.stringify(plan.deliveryAddress) : null,
      draft_expires_at: plan.draftExpiresAt?.toISOString() ?? null,
      placed_at: plan.placedAt?.toISOString() ?? null,
      actor,
      routing_json: plan.routing ? JSON.stringify(plan.routing) : null,
      pickup_code: pickupCode,
      pickup_routing_json: plan.pickupRouting ? JSON.stringify(plan.pickupRouting) : null,
      lines_json: JSON.stringify(lineRecords(plan)),
      payments_json: JSON.stringify(paymentRecords(plan.payments)),
      events_json: JSON.stringify(
        plan.events.map((e) => ({ type: e.type, from_status: e.fromStatus, to_status: e.toStatus })),
      ),
    }),
  )
  if (row!.lack.length > 0) throw insufficientStock(stock.demand, row!.lack)
  return row!.placed ? 'placed' : 'replay'
}

const order = {
  id: param('order_id'),
  number: param('order_number'),
  channelId: param('channel_id'),
  customerId: param('customer_id'),
  storeId: param('store_id'),
  status: param('status'),
  currency: param('currency'),
  totalCents: param('total_cents'),
  vatCents: param('vat_cents'),
  paidCents: param('paid_cents'),
  deliveryAddress: param('delivery_address_json'),
  draftExpiresAt: param('draft_expires_at'),
  placedAt: param('placed_at'),
  actor: param('actor'),
  routing: param('routing_json'),
  pickupCode: param('pickup_code'),
  pickupRouting: param('pickup_routing_json'),
  lines: param('lines_json'),
  payments: param('payments_json'),
  events: param('events_json'),
}
const orderId = fragment`${order.id}::text`

// The stock is locked and judged first; the key is claimed, and anything written, only when it is
// enough. A retry whose first request took the last units is refused here and replayed by the route.
const enough = fragment`(SELECT ok FROM ${stockEnough})`
const key = claimKeyCte(enough)
const gateCte = cte('orders_gate', fragment`SELECT ${enough} AND ${key.claimedOrNone} AS ok`)
/** Whether the order is written: stock enough, and no key or a key this request claimed. */
const gate = fragment`(SELECT ok FROM ${gateCte})`
const stock = takeStock(gate)

/**
 * The order's one write. Each owner's part is one line of this list (another owner's CTEs join the
 * same way: `...theirCtes(gate, orderId)`); the parameters they bring become required keys of
 * `values`, so writeOrder does not compile until it spreads their values too.
 */
export const placeOrderStatement = statement(
  'place_order',
  [
    ...lockStock,
    key.cte,
    gateCte,
    ...stock.ctes,
    cte(
      'orders_insert',
      fragment`
        INSERT INTO orders (id, number, channel_id, customer_id, store_id, status, currency, total_cents, vat_cents,
                            paid_cents, delivery_address, draft_expires_at, placed_at, created_by, routing, pickup_code,
                            pickup_routing)
        SELECT ${orderId}, ${order.number}::bigint, ${order.channelId}::text, ${order.customerId}::text,
               ${order.storeId}::text, ${order.status}::text, ${order.currency}::text, ${order.totalCents}::int,
               ${order.vatCents}::int, ${order.paidCents}::int, ${order.deliveryAddress}::jsonb,
               ${order.draftExpiresAt}::timestamptz, ${order.placedAt}::timestamptz, ${order.actor}::text,
               ${order.routing}::jsonb, ${order.pickupCode}::text, ${order.pickupRouting}::jsonb
        WHERE ${gate}`,
    ),
    ...insertTaskCtes(gate, orderId),
    cte(
      'orders_insert_lines',
      fragment`
        INSERT INTO order_line (id, order_id, line_no, sku, product_name, quantity, unit_price_cents, discount_cents,
                                total_cents, vat_rate_bp, vat_cents, fulfilment, source_location_id,
                                pickup_location_id, fulfilled_quantity, promotions)
        SELECT x.id, ${orderId}, x.line_no, x.sku, x.product_name, x.quantity, x.unit_price_cents, x.discount_cents,
               x.total_cents, x.vat_rate_bp, x.vat_cents, x.fulfilment, x.source_location_id,
               x.pickup_location_id, x.fulfilled_quantity, coalesce(x.promotions, '[]'::jsonb)
        FROM jsonb_to_recordset(${order.lines}::jsonb) AS x(
          id text, line_no int, sku text, product_name text, quantity int, unit_price_cents int,
          discount_cents int, total_cents int, vat_rate_bp int, vat_cents int, fulfilment text,
          source_location_id text, pickup_location_id text, fulfilled_quantity int, promotions jsonb)
        WHERE ${gate}`,
    ),
    cte(
      'orders_insert_payments',
      fragment`
        INSERT INTO payment (id, order_id, kind, method, amount_cents, tendered_cents, reference)
        SELECT x.id, ${orderId}, 'capture', x.method, x.amount_cents, x.tendered_cents, x.reference
        FROM jsonb_to_recordset(${order.payments}::jsonb)
          AS x(id text, method text, amount_cents int, tendered_cents int, reference text)
        WHERE ${gate}`,
    ),
    cte(
      'orders_insert_events',
      fragment`
        INSERT INTO order_event (order_id, type, from_status, to_status, actor)
        SELECT ${orderId}, x.type, x.from_status, x.to_status, ${order.actor}::text
        FROM jsonb_to_recordset(${order.events}::jsonb) AS x(type text, from_status text, to_status text)
        WHERE ${gate}`,
    ),
    outboxCte(gate),
  ],
  fragment`
    SELECT ${gate} AS placed,
           (SELECT coalesce(json_agg(l), '[]'::json) FROM ${stockLack} l) AS lack,
           passerelle_assert(NOT ${gate} OR ${stock.allTaken}, 'insufficient_stock') AS checked`,
)

function lineRecords(plan: OrderPlan) {
  return plan.lines.map((l) => ({
    id: l.id,
    line_no: l.lineNo,
    sku: l.sku,
    product_name: l.productName,
    quantity: l.quantity,
    unit_price_cents: l.unitPriceCents,
    discount_cents: l.discountCents,
    total_cents: l.totalCents,
    vat_rate_bp: l.vatRateBp,
    vat_cents: l.vatCents,
    fulfilment: l.fulfilment,
    source_location_id: l.sourceLocationId,
    pickup_location_id: l.pickupLocationId,
    fulfilled_quantity: l.fulfilledQuantity,
    promotions: l.promotions.length > 0 ? l.promotions : undefined,
  }))
}

function paymentRecords(payments: PlannedPayment[]) {
  return payments.map((p) => ({
    id: p.id,
    method: p.method,
    amount_cents: p.amountCents,
    tendered_cents: p.tenderedCents,
    reference: p.reference,
    return_id: p.returnId ?? null,
  }))
}

function paymentsInsert(orderId: string, payments: PlannedPayment[], kind: 'capture' | 'refund') {
  const data = paymentRecords(payments)
  return sql`INSERT INTO payment (id, order_id, kind, method, amount_cents, tendered_cents, reference, return_id)
    SELECT x.id, ${orderId}, ${kind}, x.method, x.amount_cents, x.tendered_cents, x.reference, x.return_id
    FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb)
      AS x(id text, method text, amount_cents int, tendered_cents int, reference text, return_id text)`
}

function eventsInsert(
  orderId: string,
  events: PlannedEvent[],
  actor: string,
  data?: Record<string, unknown>,
) {
  const list = events.map((e) => ({ type: e.type, from_status: e.fromStatus, to_status: e.toStatus }))
  return sql`INSERT INTO order_event (order_id, type, from_status, to_status, actor, data)
    SELECT ${orderId}, x.type, x.from_status, x.to_status, ${actor}, ${data ? JSON.stringify(data) : null}::jsonb
    FROM jsonb_to_recordset(${JSON.stringify(list)}::jsonb) AS x(type text, from_status text, to_status text)`
}

/**
 * Records payments and an event, and moves the order to its new status, in one statement, with the
 * outbox events of its payments (`payment.captured`, `payment.refunded`) and of the change itself.
 */
export async function recordTransition(
  tx: Tx,
  orderId: string,
  change: {
    status: OrderStatus
    events: PlannedEvent[]
    payments?: PlannedPayment[]
    refunds?: PlannedPayment[]
    placedAt?: Date
    data?: Record<string, unknown>
    /** The change's events (`order.confirmed`…), recorded after its payments' own, in this statement. */
    facts?: NewEvent[]
  },
  actor: string,
) {
  const events = [
    ...paymentsEvents(orderId, change.payments ?? [], change.refunds ?? [], byLedgerActor(actor)),
    ...(change.facts ?? []),
  ]
  const paid = (change.payments ?? []).reduce((s, p) => s + p.amountCents, 0)
  const refunded = (change.refunds ?? []).reduce((s, p) => s + p.amountCents, 0)
  await tx.execute(
    sql`WITH o AS (
          UPDATE orders SET status = ${change.status}, paid_cents = paid_cents + ${paid},
                 refunded_cents = refunded_cents + ${refunded},
                 placed_at = coalesce(${change.placedAt?.toISOString() ?? null}::timestamptz, placed_at),
                 draft_expires_at = CASE WHEN ${change.status} = 'draft' THEN draft_expires_at ELSE NULL END,
                 updated_at = now()
          WHERE id = ${orderId}
        ),
        p AS (${paymentsInsert(orderId, change.payments ?? [], 'capture')}),
        r AS (${paymentsInsert(orderId, change.refunds ?? [], 'refund')}),
        e AS (${eventsInsert(orderId, change.events, actor, change.data)})
        ${events.length > 0 ? sql`, ev AS (${outboxInsert(events)})` : sql``}
        SELECT 1`,
  )
}

export async function addFulfilledQuantities(
  tx: Tx,
  items: Array<{ orderLineId: string; quantity: number }>,
) {
  await tx.execute(
    sql`UPDATE order_line l SET fulfilled_quantity = l.fulfilled_quantity + x.qty, updated_at = now()
        FROM jsonb_to_recordset(${JSON.stringify(items.map((i) => ({ id: i.orderLineId, qty: i.quantity })))}::jsonb)
          AS x(id text, qty int)
        WHERE l.id = x.id`,
  )
}

export async function cancelAllLines(tx: Tx, orderId: string) {
  await tx.execute(
    sql`UPDATE order_line SET cancelled_quantity = quantity - fulfilled_quantity, updated_at = now()
        WHERE order_id = ${orderId}`,
  )
}

export interface OrderRow {
  id: string
  number: number
  channel_id: string
  channel_code: string
  customer_id: string | null
  store_id: string | null
  status: OrderStatus
  currency: string
  total_cents: number
  vat_cents: number
  paid_cents: number
  refunded_cents: number
  delivery_address: unknown
  draft_expires_at: Date | null
  placed_at: Date | null
  routing: unknown
  pickup_routing: unknown
  pickup_code: string | null
  created_at: Date
  updated_at: Date
}

const orderColumns = sql`o.id, o.number::int AS number, o.channel_id, c.code AS channel_code, o.customer_id, o.store_id,
  o.status, o.currency, o.total_cents, o.vat_cents, o.paid_cents, o.refunded_cents, o.delivery_address,
  o.draft_expires_at, o.placed_at, o.routing, o.pickup_routing, o.pickup_code, o.created_at, o.updated_at`

/** The order row, locked for the rest of the transaction when `lock` is set (state changes). */
export async function findOrder(q: Executor, id: string, lock = false): Promise<OrderRow | undefined> {
  const [row] = await rows<OrderRow>(
    q,
    sql`SELECT ${orderColumns} FROM orders o JOIN channel c ON c.id = o.channel_id
        WHERE o.id = ${id} ${lock ? sql`FOR UPDATE OF o` : sql``}`,
  )
  return row
}

/** Several orders' rows in one read (a consumer's batch), unlocked, in no particular order. */
export async function findOrders(q: Executor, ids: readonly string[]): Promise<OrderRow[]> {
  if (ids.length === 0) return []
  return rows<OrderRow>(
    q,
    sql`SELECT ${orderColumns} FROM orders o JOIN channel c ON c.id = o.channel_id
        WHERE o.id IN (SELECT jsonb_array_elements_text(${JSON.stringify([...new Set(ids)])}::jsonb))`,
  )
}

export interface LineRow {
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
  fulfilment: LineState['fulfilment']
  source_location_id: string
  pickup_location_id: string | null
  fulfilled_quantity: number
  cancelled_quantity: number
  returned_quantity: number
  promotions: LinePromotion[]
}

export async function linesOfOrders(
  q: Executor,
  orderIds: string[],
): Promise<Array<LineRow & { order_id: string }>> {
  return rows(
    q,
    sql`SELECT order_id, id, line_no, sku, product_name, quantity, unit_price_cents, discount_cents, total_cents,
               vat_rate_bp, vat_cents, fulfilment, source_location_id, pickup_location_id, fulfilled_quantity,
               cancelled_quantity, returned_quantity, promotions
        FROM order_line WHERE order_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(orderIds)}::jsonb))
        ORDER BY order_id, line_no`,
  )
}

export interface PaymentRow {
  id: string
  order_id: string
  kind: 'capture' | 'refund'
  method: string
  amount_cents: number
  tendered_cents: number | null
  reference: string | null
  created_at: Date
}

export async function orderPayments(q: Executor, orderIds: string[]): Promise<PaymentRow[]> {
  return rows(
    q,
    sql`SELECT id, order_id, kind, method, amount_cents, tendered_cents, reference, created_at FROM payment
        WHERE order_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(orderIds)}::jsonb)) ORDER BY id`,
  )
}

export interface EventRow {
  type: string
  from_status: string | null
  to_status: string | null
  actor: string | null
  data: Record<string, unknown> | null
  created_at: Date
}

export async function orderEvents(q: Executor, orderId: string): Promise<EventRow[]> {
  return rows(
    q,
    sql`SELECT type, from_status, to_status, actor, data, created_at FROM order_event
        WHERE order_id = ${orderId} ORDER BY id`,
  )
}

export interface OrderFilter {
  channelId?: string
  status?: string
  customerId?: string
  /** Orders sold at, served from or collected at this location. */
  locationId?: string
  number?: number
  createdFrom?: string
  createdTo?: string
}

export async function listOrders(
  q: Executor,
  f: OrderFilter,
  limit: number,
  cursor?: string,
): Promise<OrderRow[]> {
  return rows(
    q,
    sql`SELECT ${orderColumns} FROM orders o JOIN channel c ON c.id = o.channel_id
        WHERE true
          ${f.channelId ? sql`AND o.channel_id = ${f.channelId}` : sql``}
          ${f.status ? sql`AND o.status = ${f.status}` : sql``}
          ${f.customerId ? sql`AND o.customer_id = ${f.customerId}` : sql``}
          ${f.number ? sql`AND o.number = ${f.number}` : sql``}
          ${
            f.locationId
              ? sql`AND (o.store_id = ${f.locationId} OR EXISTS (
                  SELECT 1 FROM order_line l WHERE l.order_id = o.id
                    AND (l.source_location_id = ${f.locationId} OR l.pickup_location_id = ${f.locationId})))`
              : sql``
          }
          ${f.createdFrom ? sql`AND o.created_at >= ${f.createdFrom}::timestamptz` : sql``}
          ${f.createdTo ? sql`AND o.created_at < ${f.createdTo}::timestamptz` : sql``}
          ${cursor ? sql`AND o.id < ${cursor}` : sql``}
        ORDER BY o.id DESC LIMIT ${limit + 1}`,
  )
}

export function toOrderState(o: OrderRow): OrderState {
  return {
    id: o.id,
    status: o.status,
    channelId: o.channel_id,
    storeId: o.store_id,
    totalCents: o.total_cents,
    paidCents: o.paid_cents,
    draftExpiresAt: o.draft_expires_at ? new Date(o.draft_expires_at) : null,
  }
}

export function toLineState(l: LineRow): LineState {
  return {
    id: l.id,
    lineNo: l.line_no,
    sku: l.sku,
    quantity: l.quantity,
    totalCents: l.total_cents,
    fulfilment: l.fulfilment,
    sourceLocationId: l.source_location_id,
    pickupLocationId: l.pickup_location_id,
    fulfilledQuantity: l.fulfilled_quantity,
    cancelledQuantity: l.cancelled_quantity,
  }
}
