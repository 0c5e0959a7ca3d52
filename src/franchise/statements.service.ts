import { sql } from 'drizzle-orm'
import { type Executor, rows, type Tx } from '../db/database.ts'
import { byApiKey, franchiseEvents, outboxInsert } from '../events/index.ts'
import type { Actor } from '../shared/actor.ts'
import { invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { isOver, isPeriod } from '../shared/period.domain.ts'
import { planFor, statementTotals } from './commission.domain.ts'
import { conflict, notFound, refused } from './franchise.errors.ts'
import { type EntryRow, lastClosed, openEntries, readConfig, statementEntries } from './franchise.store.ts'

/** A franchisee key reaches its own franchisee only; any other answers 404, existing or not. */
export async function franchiseeFor(q: Executor, actor: Actor, ref: string) {
  if (actor.role === 'franchisee' && actor.franchiseeId !== ref) throw notFound('franchisee', ref)
  const [row] = await rows<{
    id: string
    code: string
    name: string
    contract_ref: string
    created_at: Date
  }>(
    q,
    sql`SELECT id, code, name, contract_ref, created_at FROM franchisee WHERE id = ${ref} OR code = ${ref}`,
  )
  if (!row || (actor.role === 'franchisee' && actor.franchiseeId !== row.id))
    throw notFound('franchisee', ref)
  return row
}

function checkPeriod(period: string) {
  if (!isPeriod(period)) throw invalidInput('period', 'give a month as YYYY-MM, e.g. 2025-03')
}

export interface StatementView {
  franchisee_id: string
  period: string
  status: 'open' | 'closed'
  statement_id: string | null
  closed_at: string | null
  totals: {
    sales_net_cents: number
    commission_cents: number
    preparation_fees_cents: number
    reversals_cents: number
    minimum_top_up_cents: number
    total_cents: number
  }
  top_ups: Array<{ location_id: string; cents: number }>
  lines: ReturnType<typeof lineView>[]
}

export const lineView = (e: EntryRow) => ({
  entry_id: e.id,
  booked_period: e.period,
  event_at: new Date(e.event_at).toISOString(),
  kind: e.kind,
  location_id: e.location_id,
  order_id: e.order_id,
  order_number: e.order_number,
  order_line_id: e.order_line_id,
  category: e.category,
  quantity: e.quantity,
  base_cents: e.base_cents,
  rate_bp: e.rate_bp,
  amount_cents: e.amount_cents,
  source: e.source,
})

/** Monthly minimums of a franchisee's stores: the plans in force on the month's first day. */
async function minimums(q: Executor, franchiseeId: string, period: string) {
  const config = await readConfig(q)
  const out = new Map<string, number>()
  for (const [id, s] of config.stores) {
    if (s.franchiseeId !== franchiseeId) continue
    const plan = planFor(config.plans, { id, franchiseeId }, `${period}-01`)
    if (plan && plan.monthlyMinimumCents > 0) out.set(id, plan.monthlyMinimumCents)
  }
  return out
}

const totalsOf = (entries: EntryRow[], mins: Map<string, number>) =>
  statementTotals(
    entries.map((e) => ({
      kind: e.kind,
      locationId: e.location_id,
      baseCents: e.base_cents,
      amountCents: e.amount_cents,
    })),
    mins,
  )

interface StatementRow {
  id: string
  franchisee_id: string
  period: string
  sales_net_cents: number
  commission_cents: number
  preparation_fees_cents: number
  reversals_cents: number
  minimum_top_up_cents: number
  total_cents: number
  top_ups: Array<{ location_id: string; cents: number }>
  closed_at: Date
}

async function closedStatement(q: Executor, franchiseeId: string, period: string) {
  const [row] = await rows<StatementRow>(
    q,
    sql`SELECT id, franchisee_id, period, sales_net_cents, commission_cents, preparation_fees_cents,
          reversals_cents, minimum_top_up_cents, total_cents, top_ups, closed_at
        FROM franchise_statement WHERE franchisee_id = ${franchiseeId} AND period = ${period}`,
  )
  return row
}

/** A month's statement: frozen once closed; live from the ledger while open. */
export async function getStatement(
  q: Executor,
  actor: Actor,
  franchiseeRef: string,
  period: string,
): Promise<StatementView> {
  checkPeriod(period)
  const f = await franchiseeFor(q, actor, franchiseeRef)
  const closed = await closedStatement(q, f.id, period)
  if (closed) {
    const entries = await statementEntries(q, closed.id)
    return {
      franchisee_id: f.id,
      period,
      status: 'closed',
      statement_id: closed.id,
      closed_at: new Date(closed.closed_at).toISOString(),
      totals: {
        sales_net_cents: closed.sales_net_cents,
        commission_cents: closed.commission_cents,
        preparation_fees_cents: closed.preparation_fees_cents,
        reversals_cents: closed.reversals_cents,
        minimum_top_up_cents: closed.minimum_top_up_cents,
        total_cents: closed.total_cents,
      },
      top_ups: closed.top_ups,
      lines: entries.map(lineView),
    }
  }
  const entries = await openEntries(q, f.id, period, await lastClosed(q, f.id))
  const { top_ups, ...totals } = totalsOf(entries, await minimums(q, f.id, period))
  return {
    franchisee_id: f.id,
    period,
    status: 'open',
    statement_id: null,
    closed_at: null,
    totals,
    top_ups: top_ups.map((t) => ({ location_id: t.locationId, cents: t.cents })),
    lines: entries.map(lineView),
  }
}

/**
 * Closes a finished month: its totals are frozen and its entries stamped with the statement. Months
 * close in order, so whatever arrives later for a closed month is booked in the next open one.
 */
export async function closeStatement(
  tx: Tx,
  actor: Actor,
  franchiseeRef: string,
  period: string,
  now = new Date(),
) {
  checkPeriod(period)
  const f = await franchiseeFor(tx, actor, franchiseeRef)
  // Closes of one franchisee take turns.
  await tx.execute(sql`SELECT 1 FROM franchisee WHERE id = ${f.id} FOR UPDATE`)
  if (!isOver(period, now))
    throw refused('period_not_over', `${period} is not over yet: close a month once it has ended.`)
  if (await closedStatement(tx, f.id, period))
    throw conflict('statement_closed', `The statement of ${period} is already closed; it never changes.`)
  const [earlier] = await rows<{ period: string }>(
    tx,
    sql`SELECT min(period) AS period FROM commission_entry
        WHERE franchisee_id = ${f.id} AND statement_id IS NULL AND period < ${period}
          AND period > coalesce((SELECT max(period) FROM franchise_statement WHERE franchisee_id = ${f.id}), '')`,
  )
  if (earlier?.period)
    throw refused('earlier_period_open', `Close ${earlier.period} first: statements close month by month.`, {
      period: earlier.period,
    })
  const closedUpTo = await lastClosed(tx, f.id)
  const entries = await openEntries(tx, f.id, period, closedUpTo)
  const { top_ups, ...totals } = totalsOf(entries, await minimums(tx, f.id, period))
  const id = newId('stm')
  await tx.execute(sql`WITH s AS (
      INSERT INTO franchise_statement (id, franchisee_id, period, sales_net_cents, commission_cents,
        preparation_fees_cents, reversals_cents, minimum_top_up_cents, total_cents, top_ups, closed_by, closed_at)
      VALUES (${id}, ${f.id}, ${period}, ${totals.sales_net_cents}, ${totals.commission_cents},
        ${totals.preparation_fees_cents}, ${totals.reversals_cents}, ${totals.minimum_top_up_cents},
        ${totals.total_cents},
        ${JSON.stringify(top_ups.map((t) => ({ location_id: t.locationId, cents: t.cents })))}::jsonb,
        ${actor.keyId}, ${now.toISOString()}::timestamptz)
    ),
    ev AS (${outboxInsert([
      franchiseEvents.event('franchise.statement_closed', {
        aggregateId: f.id,
        actor: byApiKey(actor.keyId),
        payload: {
          statement_id: id,
          franchisee_id: f.id,
          period,
          sales_net_cents: totals.sales_net_cents,
          commission_cents: totals.commission_cents,
          total_cents: totals.total_cents,
        },
      }),
    ])})
    UPDATE commission_entry SET statement_id = ${id}, updated_at = now()
    WHERE id IN (SELECT (jsonb_array_elements_text(${JSON.stringify(entries.map((e) => e.id))}::jsonb))::bigint)`)
  return getStatement(tx, actor, f.id, period)
}

/** Months with a statement or ledger entries, latest first, each with its status and total. */
export async function listStatements(
  q: Executor,
  actor: Actor,
  franchiseeRef: string,
  limit: number,
  cursor?: string,
) {
  const f = await franchiseeFor(q, actor, franchiseeRef)
  const list = await rows<{ period: string; statement_id: string | null; total_cents: number | null }>(
    q,
    sql`SELECT p.period, s.id AS statement_id, s.total_cents FROM (
          SELECT DISTINCT period FROM commission_entry WHERE franchisee_id = ${f.id}
          UNION SELECT period FROM franchise_statement WHERE franchisee_id = ${f.id}) p
        LEFT JOIN franchise_statement s ON s.franchisee_id = ${f.id} AND s.period = p.period
        WHERE ${cursor ?? null}::text IS NULL OR p.period < ${cursor ?? null}
        ORDER BY p.period DESC LIMIT ${limit + 1}`,
  )
  return list.map((r) => ({
    period: r.period,
    status: r.statement_id ? ('closed' as const) : ('open' as const),
    statement_id: r.statement_id,
    total_cents: r.total_cents,
  }))
}
