import { sql } from 'drizzle-orm'
import { type Executor, rows, type Tx } from '../db/database.ts'
import type {
  LineDecision,
  Purchase,
  ReturnCondition,
  ReturnPolicy,
  ReturnResolution,
} from './returns.domain.ts'
import { conflict } from './returns.errors.ts'
import type { RefundDestination, ReturnMethod, ReturnStatus } from './returns.schema.ts'

export interface PurchaseRow {
  id: string
  number: number
  channel_id: string
  customer_id: string | null
  store_id: string | null
  status: string
  paid_cents: number
  refunded_cents: number
  handed_over_at: Date | null
  placed_at: Date | null
}

/**
 * The order as a return sees it, with each line's category and what is left to give back. With
 * `lock`, the order and its lines are locked: two returns of the same order queue, so neither can
 * count units the other is taking back, nor refund a tender the other has already refunded.
 */
export async function loadPurchase(
  q: Executor,
  orderId: string,
  lock: boolean,
): Promise<{ row: PurchaseRow; purchase: Purchase } | null> {
  const [row] = await rows<PurchaseRow>(
    q,
    sql`SELECT o.id, o.number::int AS number, o.channel_id, o.customer_id, o.store_id, o.status, o.paid_cents,
               o.refunded_cents, o.placed_at,
               -- The order's own history says when its goods were handed over (the window counts from it).
               (SELECT max(e.created_at) FROM order_event e
                WHERE e.order_id = o.id AND e.type = 'fulfilled') AS handed_over_at
        FROM orders o WHERE o.id = ${orderId} ${lock ? sql`FOR UPDATE` : sql``}`,
  )
  if (!row) return null
  const lines = await rows<{
    id: string
    line_no: number
    sku: string
    product_name: string
    category: string
    quantity: number
    total_cents: number
    vat_cents: number
    vat_rate_bp: number
    fulfilled_quantity: number
    cancelled_quantity: number
    returned_quantity: number
  }>(
    q,
    sql`SELECT l.id, l.line_no, l.sku, l.product_name, coalesce(p.category, '') AS category, l.quantity,
               l.total_cents, l.vat_cents, l.vat_rate_bp, l.fulfilled_quantity, l.cancelled_quantity,
               l.returned_quantity
        FROM order_line l LEFT JOIN variant v ON v.sku = l.sku LEFT JOIN product p ON p.id = v.product_id
        WHERE l.order_id = ${orderId} ORDER BY l.line_no ${lock ? sql`FOR UPDATE OF l` : sql``}`,
  )
  return {
    row,
    purchase: {
      id: row.id,
      channelId: row.channel_id,
      handedOverAt: new Date(row.handed_over_at ?? row.placed_at ?? Date.now()),
      lines: lines.map((l) => ({
        id: l.id,
        lineNo: l.line_no,
        sku: l.sku,
        productName: l.product_name,
        category: l.category,
        quantity: l.quantity,
        totalCents: l.total_cents,
        vatCents: l.vat_cents,
        vatRateBp: l.vat_rate_bp,
        fulfilledQuantity: l.fulfilled_quantity,
        cancelledQuantity: l.cancelled_quantity,
        returnedQuantity: l.returned_quantity,
      })),
    },
  }
}

export async function loadPolicies(q: Executor): Promise<Array<ReturnPolicy & { id: string }>> {
  const list = await rows<{
    id: string
    channel_id: string | null
    category: string | null
    window_days: number
    returnable: boolean
    reasons: string[]
    conditions: string[]
  }>(
    q,
    sql`SELECT id, channel_id, category, window_days, returnable, reasons, conditions FROM return_policy
        ORDER BY channel_id NULLS FIRST, category NULLS FIRST`,
  )
  return list.map((p) => ({
    id: p.id,
    channelId: p.channel_id,
    category: p.category,
    windowDays: p.window_days,
    returnable: p.returnable,
    reasons: p.reasons,
    conditions: p.conditions,
  }))
}

export interface NewReturn {
  id: string
  orderId: string
  customerId: string | null
  channelId: string | null
  method: string
  locationId: string
  refundTo: string
  refundCents: number
  vatCents: number
  policy: Record<string, unknown>
  override: Record<string, unknown> | null
  createdBy: string
  lines: Array<LineDecision & { id: string }>
}

/**
 * Writes the return and takes its units off what the lines can still give back, in one statement.
 * The guard on `returned_quantity` is the last word: a line never gives back more than was handed
 * over, whatever raced with this return.
 */
export async function insertReturn(tx: Tx, r: NewReturn): Promise<number> {
  const lines = r.lines.map((l) => ({
    id: l.id,
    order_line_id: l.orderLineId,
    line_no: l.lineNo,
    sku: l.sku,
    quantity: l.quantity,
    reason: l.reason,
    resolution: l.resolution,
    // A repaired item stays the customer's: its units are not given back.
    returned: l.resolution === 'refund' ? l.quantity : 0,
    refund_cents: l.refundCents,
    vat_cents: l.vatCents,
    vat_rate_bp: l.vatRateBp,
  }))
  const [row] = await rows<{ number: number; taken: number }>(
    tx,
    sql`WITH x AS (
          SELECT * FROM jsonb_to_recordset(${JSON.stringify(lines)}::jsonb)
            AS x(id text, order_line_id text, line_no int, sku text, quantity int, reason text, resolution text,
                 returned int, refund_cents int, vat_cents int, vat_rate_bp int)
        ),
        u AS (
          UPDATE order_line l SET returned_quantity = l.returned_quantity + x.returned, updated_at = now()
          FROM x WHERE l.id = x.order_line_id AND l.returned_quantity + x.quantity <= l.fulfilled_quantity
          RETURNING l.id
        ),
        r AS (
          INSERT INTO "return" (id, order_id, customer_id, channel_id, method, location_id, status, refund_to,
                                refund_cents, vat_cents, policy, override, created_by)
          VALUES (${r.id}, ${r.orderId}, ${r.customerId}, ${r.channelId}, ${r.method}, ${r.locationId},
                  'awaiting_receipt', ${r.refundTo}, ${r.refundCents}, ${r.vatCents},
                  ${JSON.stringify(r.policy)}::jsonb, ${r.override ? JSON.stringify(r.override) : null}::jsonb,
                  ${r.createdBy})
          RETURNING number
        ),
        rl AS (
          INSERT INTO return_line (id, return_id, order_line_id, line_no, sku, quantity, reason, resolution,
                                   refund_cents, vat_cents, vat_rate_bp)
          SELECT x.id, ${r.id}, x.order_line_id, x.line_no, x.sku, x.quantity, x.reason, x.resolution,
                 x.refund_cents, x.vat_cents, x.vat_rate_bp
          FROM x
        )
        SELECT (SELECT number::int FROM r) AS number, (SELECT count(*)::int FROM u) AS taken`,
  )
  if (row!.taken !== lines.length) {
    throw conflict('return_exceeds_purchase', 'Another return took these units back at the same moment.', {
      field: 'lines',
    })
  }
  return row!.number
}

/**
 * Received goods go where their condition says: resellable back on the shelf of the receiving
 * location, damaged or defective into its quarantine (counted, never sellable). One ledger movement
 * per refunded line; an item in for repair is the customer's and never enters the stock.
 */
export async function receiveGoods(
  tx: Tx,
  returnId: string,
  locationId: string,
  lines: Array<{
    id: string
    sku: string
    quantity: number
    condition: ReturnCondition
    resolution: ReturnResolution
  }>,
  actor: string,
) {
  const data = lines.map((l) => ({
    id: l.id,
    sku: l.sku,
    condition: l.condition,
    stocked: l.resolution === 'refund',
    on_hand: l.condition === 'resellable' ? l.quantity : 0,
    quarantined: l.condition === 'resellable' ? 0 : l.quantity,
  }))
  await tx.execute(
    sql`WITH x AS (
          SELECT * FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb)
            AS x(id text, sku text, condition text, stocked boolean, on_hand int, quarantined int)
        ),
        per_sku AS (
          SELECT sku, sum(on_hand)::int AS on_hand, sum(quarantined)::int AS quarantined FROM x
          WHERE stocked GROUP BY sku
        ),
        s AS (
          INSERT INTO stock_level (location_id, sku, on_hand, quarantined)
          SELECT ${locationId}, sku, on_hand, quarantined FROM per_sku
          ON CONFLICT (sku, location_id) DO UPDATE SET on_hand = stock_level.on_hand + excluded.on_hand,
            quarantined = stock_level.quarantined + excluded.quarantined, updated_at = now()
        ),
        m AS (
          INSERT INTO stock_movement (location_id, sku, kind, on_hand_delta, quarantined_delta, reference, reason, actor)
          SELECT ${locationId}, sku, CASE WHEN condition = 'resellable' THEN 'return' ELSE 'quarantine' END,
                 on_hand, quarantined, ${returnId},
                 CASE WHEN condition = 'defective' THEN 'returned defective: supplier claim' ELSE 'returned ' || condition END,
                 ${actor}
          FROM x WHERE stocked
        )
        UPDATE return_line rl SET condition = x.condition FROM x WHERE rl.id = x.id`,
  )
}

export interface ReturnRow {
  id: string
  number: number
  order_id: string
  order_number: number
  customer_id: string | null
  channel_id: string | null
  method: ReturnMethod
  location_id: string
  status: ReturnStatus
  refund_to: RefundDestination
  refund_cents: number
  vat_cents: number
  policy: Record<string, unknown>
  override: Record<string, unknown> | null
  exchange_order_id: string | null
  received_at: Date | null
  received_by: string | null
  created_by: string | null
  created_at: Date
  order_channel_id: string
}

const returnColumns = sql`r.id, r.number::int AS number, r.order_id, o.number::int AS order_number, r.customer_id,
  r.channel_id, r.method, r.location_id, r.status, r.refund_to, r.refund_cents, r.vat_cents, r.policy, r.override,
  r.exchange_order_id, r.received_at, r.received_by, r.created_by, r.created_at, o.channel_id AS order_channel_id`

export async function findReturn(q: Executor, id: string, lock = false): Promise<ReturnRow | undefined> {
  const [row] = await rows<ReturnRow>(
    q,
    sql`SELECT ${returnColumns} FROM "return" r JOIN orders o ON o.id = r.order_id
        WHERE r.id = ${id} ${lock ? sql`FOR UPDATE OF r` : sql``}`,
  )
  return row
}

export interface ReturnLineRow {
  id: string
  return_id: string
  order_line_id: string
  line_no: number
  sku: string
  quantity: number
  reason: string
  condition: ReturnCondition | null
  resolution: ReturnResolution
  refund_cents: number
  vat_cents: number
  vat_rate_bp: number
  ticket_id: string | null
}

export async function returnLines(q: Executor, returnIds: string[]): Promise<ReturnLineRow[]> {
  return rows(
    q,
    sql`SELECT id, return_id, order_line_id, line_no, sku, quantity, reason, condition, resolution, refund_cents,
               vat_cents, vat_rate_bp, ticket_id
        FROM return_line WHERE return_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(returnIds)}::jsonb))
        ORDER BY return_id, line_no`,
  )
}

export async function returnRefunds(q: Executor, returnId: string) {
  return rows<{
    id: string
    method: string
    amount_cents: number
    reference: string | null
    credited_code: string | null
  }>(
    q,
    sql`SELECT p.id, p.method, p.amount_cents, p.reference,
               (SELECT a.code FROM stored_value_entry e JOIN stored_value_account a ON a.id = e.account_id
                WHERE e.reference = p.id AND e.kind IN ('refund', 'issue') LIMIT 1) AS credited_code
        FROM payment p WHERE p.return_id = ${returnId} AND p.kind = 'refund' ORDER BY p.id`,
  )
}

export interface ReturnFilter {
  orderId?: string
  customerId?: string
  locationId?: string
  status?: ReturnStatus
  /** The return number read off a return label. */
  number?: number
  /** A web shop sees the returns of its own orders only. */
  orderChannelId?: string
}

export async function listReturns(q: Executor, filter: ReturnFilter, limit: number, cursor?: string) {
  return rows<ReturnRow>(
    q,
    sql`SELECT ${returnColumns} FROM "return" r JOIN orders o ON o.id = r.order_id
        WHERE true
          ${filter.orderId ? sql`AND r.order_id = ${filter.orderId}` : sql``}
          ${filter.customerId ? sql`AND r.customer_id = ${filter.customerId}` : sql``}
          ${filter.locationId ? sql`AND r.location_id = ${filter.locationId}` : sql``}
          ${filter.status ? sql`AND r.status = ${filter.status}` : sql``}
          ${filter.number !== undefined ? sql`AND r.number = ${filter.number}` : sql``}
          ${filter.orderChannelId ? sql`AND o.channel_id = ${filter.orderChannelId}` : sql``}
          ${cursor ? sql`AND r.id < ${cursor}` : sql``}
        ORDER BY r.id DESC LIMIT ${limit + 1}`,
  )
}
