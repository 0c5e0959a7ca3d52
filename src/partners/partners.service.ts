import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { getChannel } from '../channels/index.ts'
import { type Db, type Executor, rows, type Tx } from '../db/database.ts'
import { parseCsv } from '../offer/index.ts'
import { cancelOrder, getOrder, placeOrder, quoteOrder } from '../orders/index.ts'
import type { Actor } from '../shared/actor.ts'
import { AppError, forbidden, invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { isOver, isPeriod, nextPeriod, STATEMENT_TIME_ZONE } from '../shared/period.domain.ts'
import {
  type ImportedLine,
  parseOrderRows,
  parseStatementRows,
  type RowError,
  reconcile,
  type Settlement,
  type StatementLine,
  settle,
} from './partners.domain.ts'
import { conflict, notFound, refused } from './partners.errors.ts'

export interface PartnerOrderInput {
  partner_order_id: string
  customer?: { name?: string; email?: string; postcode?: string; city?: string; country?: string }
  lines: Array<{ sku: string; quantity: number; unit_price_cents?: number }>
  delivery_address: { name: string; line1: string; postcode: string; city: string; country: string }
}

/** The partner channel a request acts on: a channel key acts only on its own channel. */
async function partnerChannel(q: Executor, actor: Actor, ref: string) {
  const channel = await getChannel(q, ref)
  if (actor.role === 'channel' && actor.channelId !== channel.id) {
    throw forbidden('A channel key acts on its own channel only.')
  }
  if (channel.kind !== 'partner')
    throw refused('not_a_partner', `The channel ${channel.code} is not a partner.`)
  return channel
}

const hashOf = (input: PartnerOrderInput) =>
  createHash('sha256')
    .update(JSON.stringify([input.lines, input.delivery_address]))
    .digest('hex')

/**
 * An order a partner passes on, once per partner order id. The id is claimed first, in the order's
 * transaction: a second request with the same id (even at the same moment) waits for the first,
 * then finds it and answers the same order. The partner's prices apply as a discount on the brand's
 * price for the partner; the partner collected the money, so the order is paid by it in full.
 */
export async function placePartnerOrder(db: Db, actor: Actor, ref: string, input: PartnerOrderInput) {
  const channel = await partnerChannel(db, actor, ref)
  const hash = hashOf(input)
  return db.transaction(async (tx) => {
    const [claimed] = await rows<{ ok: number }>(
      tx,
      sql`INSERT INTO partner_order (channel_id, partner_order_id, partner_customer, request_hash)
          VALUES (${channel.id}, ${input.partner_order_id}, ${JSON.stringify(input.customer ?? null)}::jsonb, ${hash})
          ON CONFLICT (channel_id, partner_order_id) DO NOTHING RETURNING 1 AS ok`,
    )
    if (!claimed) {
      const [known] = await rows<{ order_id: string; request_hash: string }>(
        tx,
        sql`SELECT order_id, request_hash FROM partner_order
            WHERE channel_id = ${channel.id} AND partner_order_id = ${input.partner_order_id}`,
      )
      if (known!.request_hash !== hash) {
        throw conflict(
          'partner_order_id_reused',
          `The partner order ${input.partner_order_id} was already received with other lines.`,
        )
      }
      return { created: false, order: await partnerOrderView(tx, actor, channel.id, input.partner_order_id) }
    }
    const base = {
      channel: channel.id,
      lines: input.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, fulfilment: 'delivery' as const })),
      delivery_address: input.delivery_address,
    }
    const listed = await quoteOrder(tx, actor, base)
    const lines = base.lines.map((l, i) => {
      const asked = input.lines[i]!.unit_price_cents
      const unit = listed.lines[i]!.unit_price_cents
      if (asked === undefined) return l
      if (asked > unit) {
        throw refused(
          'partner_price_above_list',
          `lines/${i}: ${asked} cents is above the brand's ${unit}.`,
          {
            field: `lines/${i}/unit_price_cents`,
          },
        )
      }
      return { ...l, discount_cents: (unit - asked) * l.quantity }
    })
    // The brand's own staff role: the partner's price is a discount only the brand grants.
    const pricing: Actor = { ...actor, role: actor.role === 'channel' ? 'call_centre' : actor.role }
    const quoted = await quoteOrder(tx, pricing, { ...base, lines })
    const placed = await placeOrder(
      tx,
      pricing,
      {
        ...base,
        lines,
        payments: [
          {
            method: 'card',
            amount_cents: quoted.total_cents,
            reference: `${channel.code}:${input.partner_order_id}`,
          },
        ],
      },
      null,
    )
    if (placed.replay) throw new Error('an order without Idempotency-Key cannot be a replay')
    await tx.execute(
      sql`UPDATE partner_order SET order_id = ${placed.body.id}, updated_at = now()
          WHERE channel_id = ${channel.id} AND partner_order_id = ${input.partner_order_id}`,
    )
    return { created: true, order: await partnerOrderView(tx, actor, channel.id, input.partner_order_id) }
  })
}

async function partnerOrderView(q: Executor, actor: Actor, channelId: string, partnerOrderId: string) {
  const [row] = await rows<{ order_id: string | null; partner_customer: unknown }>(
    q,
    sql`SELECT order_id, partner_customer FROM partner_order
        WHERE channel_id = ${channelId} AND partner_order_id = ${partnerOrderId}`,
  )
  if (!row?.order_id) throw notFound('partner_order', partnerOrderId)
  const order = await getOrder(
    q,
    { ...actor, role: actor.role === 'channel' ? 'call_centre' : actor.role },
    row.order_id,
  )
  return {
    partner_order_id: partnerOrderId,
    customer: (row.partner_customer as PartnerOrderInput['customer']) ?? null,
    order_id: order.id,
    order_number: order.number,
    status: order.status,
    total_cents: order.total_cents,
    refunded_cents: order.refunded_cents,
    lines: order.lines.map((l) => ({
      line_id: l.id,
      sku: l.sku,
      quantity: l.quantity,
      unit_price_cents: l.unit_price_cents,
      total_cents: l.total_cents,
      cancelled_quantity: l.cancelled_quantity,
      returned_quantity: l.returned_quantity,
    })),
  }
}

export async function getPartnerOrder(q: Executor, actor: Actor, ref: string, partnerOrderId: string) {
  const channel = await partnerChannel(q, actor, ref)
  return partnerOrderView(q, actor, channel.id, partnerOrderId)
}

/** A cancellation the partner sends: the order is cancelled and its money goes back through the partner. */
export async function cancelPartnerOrder(
  db: Db,
  actor: Actor,
  ref: string,
  partnerOrderId: string,
  reason: string,
) {
  const channel = await partnerChannel(db, actor, ref)
  const view = await partnerOrderView(db, actor, channel.id, partnerOrderId)
  const staff: Actor = { ...actor, role: actor.role === 'channel' ? 'call_centre' : actor.role }
  await cancelOrder(db, staff, view.order_id, `partner: ${reason}`)
  return partnerOrderView(db, actor, channel.id, partnerOrderId)
}

/** Partner orders from a file: JSON orders, or CSV lines grouped by partner order id; an outcome per order. */
export async function importPartnerOrders(
  db: Db,
  actor: Actor,
  ref: string,
  input: { csv?: string; orders?: PartnerOrderInput[] },
) {
  const errors: RowError[] = []
  let orders: Array<PartnerOrderInput & { rows?: number[] }> = input.orders ?? []
  if (input.csv !== undefined) {
    const parsed = parseOrderRows(parseCsv(input.csv, input.csv.split('\n')[0]!.includes(';') ? ';' : ','))
    errors.push(...parsed.errors)
    orders = groupLines(parsed.lines)
  }
  const outcomes = []
  for (const o of orders) {
    try {
      const { created, order } = await placePartnerOrder(db, actor, ref, o)
      outcomes.push({
        partner_order_id: o.partner_order_id,
        outcome: created ? 'created' : 'existing',
        order_id: order.order_id,
      })
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err
      outcomes.push({
        partner_order_id: o.partner_order_id,
        outcome: 'refused',
        code: err.code,
        message: err.message,
      })
    }
  }
  return { orders: outcomes, row_errors: errors }
}

function groupLines(lines: Array<ImportedLine & { row: number }>): PartnerOrderInput[] {
  const byId = new Map<string, PartnerOrderInput>()
  for (const l of lines) {
    let o = byId.get(l.partner_order_id)
    if (!o) {
      o = {
        partner_order_id: l.partner_order_id,
        customer: {
          name: l.customer_name,
          email: l.customer_email,
          postcode: l.postcode,
          city: l.city,
          country: l.country,
        },
        lines: [],
        delivery_address: {
          name: l.customer_name ?? l.partner_order_id,
          line1: l.line1 ?? '',
          postcode: l.postcode ?? '',
          city: l.city ?? '',
          country: l.country ?? 'FR',
        },
      }
      byId.set(l.partner_order_id, o)
    }
    o.lines.push({
      sku: l.sku,
      quantity: l.quantity,
      ...(l.unit_price_cents !== undefined ? { unit_price_cents: l.unit_price_cents } : {}),
    })
  }
  return [...byId.values()]
}

export async function putTerms(
  tx: Tx,
  actor: Actor,
  ref: string,
  input: { commission_bp: number; order_fee_cents?: number },
) {
  const channel = await partnerChannel(tx, actor, ref)
  await tx.execute(
    sql`INSERT INTO partner_terms (channel_id, commission_bp, order_fee_cents)
        VALUES (${channel.id}, ${input.commission_bp}, ${input.order_fee_cents ?? 0})
        ON CONFLICT (channel_id) DO UPDATE SET commission_bp = excluded.commission_bp,
          order_fee_cents = excluded.order_fee_cents, updated_at = now()`,
  )
  return {
    channel_id: channel.id,
    commission_bp: input.commission_bp,
    order_fee_cents: input.order_fee_cents ?? 0,
  }
}

export interface SettlementView {
  channel: { id: string; code: string; name: string }
  month: string
  status: 'running' | 'closed'
  commission_bp: number
  order_fee_cents: number
  orders: number
  sales_cents: number
  returns_cents: number
  commission_cents: number
  fees_cents: number
  due_from_partner_cents: number
  closed_at: string | null
  lines: Array<{
    partner_order_id: string | null
    order_number: string
    kind: 'sale' | 'refund'
    amount_cents: number
    at: string
  }>
}

/** A month's settlement: the closed one as agreed, or the running figures of an open month. */
export async function partnerSettlement(
  q: Executor,
  actor: Actor,
  ref: string,
  month: string,
): Promise<SettlementView> {
  if (!isPeriod(month)) throw invalidInput('month', 'give the month as YYYY-MM, e.g. 2026-03')
  const channel = await partnerChannel(q, actor, ref)
  const [terms] = await rows<{ commission_bp: number; order_fee_cents: number }>(
    q,
    sql`SELECT commission_bp, order_fee_cents FROM partner_terms WHERE channel_id = ${channel.id}`,
  )
  const tz = STATEMENT_TIME_ZONE
  const inMonth = sql`p.created_at >= (${`${month}-01`}::timestamp AT TIME ZONE ${tz})
    AND p.created_at < (${`${nextPeriod(month)}-01`}::timestamp AT TIME ZONE ${tz})`
  const lines = await rows<{
    partner_order_id: string | null
    number: string | number
    kind: string
    amount_cents: number
    created_at: Date | string
  }>(
    q,
    sql`SELECT po.partner_order_id, o.number, p.kind, p.amount_cents, p.created_at
        FROM orders o JOIN payment p ON p.order_id = o.id
        LEFT JOIN partner_order po ON po.order_id = o.id
        WHERE o.channel_id = ${channel.id} AND ${inMonth}
          AND ((p.kind = 'capture' AND p.method IN ('card', 'cash')) OR (p.kind = 'refund' AND p.method = 'partner'))
        ORDER BY p.created_at, p.id`,
  )
  const sales = lines.filter((l) => l.kind === 'capture')
  const facts = {
    salesCents: sales.reduce((s, l) => s + l.amount_cents, 0),
    returnsCents: lines.filter((l) => l.kind === 'refund').reduce((s, l) => s + l.amount_cents, 0),
    orders: new Set(sales.map((l) => String(l.number))).size,
    commissionBp: terms?.commission_bp ?? 0,
    orderFeeCents: terms?.order_fee_cents ?? 0,
  }
  const [closed] = await rows<{
    sales_cents: number
    returns_cents: number
    commission_cents: number
    fees_cents: number
    due_from_partner_cents: number
    orders: number
    closed_at: Date | string
  }>(q, sql`SELECT * FROM partner_settlement WHERE channel_id = ${channel.id} AND month = ${month}`)
  const s: Settlement = closed
    ? {
        salesCents: Number(closed.sales_cents),
        returnsCents: Number(closed.returns_cents),
        commissionCents: Number(closed.commission_cents),
        feesCents: Number(closed.fees_cents),
        dueFromPartnerCents: Number(closed.due_from_partner_cents),
        orders: closed.orders,
      }
    : settle(facts)
  return {
    channel: { id: channel.id, code: channel.code, name: channel.name },
    month,
    status: closed ? 'closed' : 'running',
    commission_bp: facts.commissionBp,
    order_fee_cents: facts.orderFeeCents,
    orders: s.orders,
    sales_cents: s.salesCents,
    returns_cents: s.returnsCents,
    commission_cents: s.commissionCents,
    fees_cents: s.feesCents,
    due_from_partner_cents: s.dueFromPartnerCents,
    closed_at: closed ? new Date(closed.closed_at).toISOString() : null,
    lines: lines.map((l) => ({
      partner_order_id: l.partner_order_id,
      order_number: String(l.number),
      kind: l.kind === 'capture' ? 'sale' : 'refund',
      amount_cents: l.amount_cents,
      at: new Date(l.created_at).toISOString(),
    })),
  }
}

/** Closes a month that is over: its figures are kept as they are now and no longer move. */
export async function closeSettlement(tx: Tx, actor: Actor, ref: string, month: string, now = new Date()) {
  if (!isPeriod(month)) throw invalidInput('month', 'give the month as YYYY-MM, e.g. 2026-03')
  if (!isOver(month, now)) throw conflict('month_not_over', `${month} is not over yet.`)
  const view = await partnerSettlement(tx, actor, ref, month)
  if (view.status === 'closed') throw conflict('settlement_closed', `${month} is already closed.`)
  await tx.execute(
    sql`INSERT INTO partner_settlement (id, channel_id, month, sales_cents, returns_cents, commission_cents, fees_cents,
          due_from_partner_cents, orders, closed_at, closed_by)
        VALUES (${newId('pst')}, ${view.channel.id}, ${month}, ${view.sales_cents}, ${view.returns_cents},
          ${view.commission_cents}, ${view.fees_cents}, ${view.due_from_partner_cents}, ${view.orders}, ${now},
          ${actor.keyId})`,
  )
  return partnerSettlement(tx, actor, ref, month)
}

/** A partner's settlement file for a month, checked against the brand's figures. */
export async function reconcileStatement(
  q: Executor,
  actor: Actor,
  ref: string,
  month: string,
  input: { csv?: string; lines?: StatementLine[] },
) {
  const s = await partnerSettlement(q, actor, ref, month)
  let theirs = input.lines ?? []
  const errors: RowError[] = []
  if (input.csv !== undefined) {
    const parsed = parseStatementRows(
      parseCsv(input.csv, input.csv.split('\n')[0]!.includes(';') ? ';' : ','),
    )
    theirs = parsed.lines
    errors.push(...parsed.errors)
  }
  const ours: StatementLine[] = s.lines.map((l) => ({
    partner_order_id: l.partner_order_id ?? `#${l.order_number}`,
    kind: l.kind,
    amount_cents: l.amount_cents,
  }))
  return { month, ...reconcile(ours, theirs), row_errors: errors }
}
