import { sql } from 'drizzle-orm'
import { type Executor, rows } from '../db/database.ts'
import { prepared } from '../db/prepared.ts'
import { cte, type Fragment, fragment, param, statement } from '../db/statement.ts'
import type { AttributionRule, Catchment } from './attribution.domain.ts'
import type { CommissionPlan, EntryKind, PlannedEntry } from './commission.domain.ts'

export interface FranchiseConfig {
  stores: Map<string, { franchiseeId: string; catchment: Catchment }>
  plans: CommissionPlan[]
  rules: AttributionRule[] | null
  nearestMaxKm: number
}

interface PlanRow {
  id: string
  franchisee_id: string
  location_id: string | null
  valid_from: string
  valid_until: string | null
  default_rate_bp: number
  category_rates_bp: Record<string, number>
  click_collect_fee_cents: number
  ship_from_store_fee_cents: number
  monthly_minimum_cents: number
}

export const toPlan = (p: PlanRow): CommissionPlan => ({
  id: p.id,
  franchiseeId: p.franchisee_id,
  locationId: p.location_id,
  validFrom: String(p.valid_from).slice(0, 10),
  validUntil: p.valid_until === null ? null : String(p.valid_until).slice(0, 10),
  defaultRateBp: p.default_rate_bp,
  categoryRatesBp: p.category_rates_bp,
  clickCollectFeeCents: p.click_collect_fee_cents,
  shipFromStoreFeeCents: p.ship_from_store_fee_cents,
  monthlyMinimumCents: p.monthly_minimum_cents,
})

/** Franchised stores, plans and the attribution policy, in one round trip. */
export async function readConfig(q: Executor): Promise<FranchiseConfig> {
  const [row] = await rows<{
    stores: Array<{ location_id: string; franchisee_id: string; catchment: Catchment }>
    plans: PlanRow[]
    policy: { rules: AttributionRule[]; nearest_max_km: number } | null
  }>(
    q,
    sql`SELECT
      (SELECT coalesce(json_agg(json_build_object('location_id', location_id, 'franchisee_id', franchisee_id,
         'catchment', catchment)), '[]') FROM franchise_store) AS stores,
      (SELECT coalesce(json_agg(p), '[]') FROM commission_plan p) AS plans,
      (SELECT json_build_object('rules', rules, 'nearest_max_km', nearest_max_km) FROM attribution_policy
         WHERE id = 'default') AS policy`,
  )
  return {
    stores: new Map(
      row!.stores.map((s) => [s.location_id, { franchiseeId: s.franchisee_id, catchment: s.catchment }]),
    ),
    plans: row!.plans.map(toPlan),
    rules: row!.policy?.rules ?? null,
    nearestMaxKm: row!.policy?.nearest_max_km ?? 50,
  }
}

export interface AttributionRecord {
  orderId: string
  orderNumber: number
  channelId: string
  franchiseeId: string
  locationId: string
  rule: string
  reason: string
  netCents: number
  commissionCents: number
}

const accrual = {
  attribution: param('franchise_attribution_json'),
  entries: param('franchise_entries_json'),
  at: param('franchise_event_at'),
  period: param('franchise_period'),
}

/**
 * Writes an order's attribution (if any) and ledger entries in one statement. Each entry is booked
 * in the month of its event, or after the franchisee's last closed statement when that month is
 * already closed (the SQL twin of `bookingPeriod`).
 */
export async function writeEntries(
  q: Executor,
  order: { id: string; number: number },
  attribution: AttributionRecord | null,
  entries: PlannedEntry[],
  eventAt: Date,
  eventPeriod: string,
) {
  if (!attribution && entries.length === 0) return
  await prepared(
    q,
    writeEntriesStatement.name,
    writeEntriesStatement.text,
    writeEntriesStatement.values({
      ...accrualValues(attribution, entries, eventAt, eventPeriod),
      franchise_order_id: order.id,
      franchise_order_number: order.number,
    }),
  )
}

const writeEntriesStatement = statement(
  'franchise_write_entries',
  accrualCtes(
    fragment`true`,
    fragment`${param('franchise_order_id')}::text`,
    fragment`${param('franchise_order_number')}::int`,
  ),
  fragment`SELECT 1`,
)

/** The values of `accrualCtes`' parameters: attribution (0 or 1 row), entries, event instant, its month. */
export function accrualValues(
  attribution: AttributionRecord | null,
  entries: PlannedEntry[],
  eventAt: Date | null,
  eventPeriod: string | null,
) {
  const a = attribution
  return {
    franchise_attribution_json: JSON.stringify(
      a
        ? [
            {
              franchisee_id: a.franchiseeId,
              location_id: a.locationId,
              rule: a.rule,
              reason: a.reason,
              channel_id: a.channelId,
              net_cents: a.netCents,
              commission_cents: a.commissionCents,
            },
          ]
        : [],
    ),
    franchise_entries_json: JSON.stringify(
      entries.map((e) => ({
        franchisee_id: e.franchiseeId,
        location_id: e.locationId,
        order_line_id: e.orderLineId,
        kind: e.kind,
        category: e.category,
        quantity: e.quantity,
        base_cents: e.baseCents,
        rate_bp: e.rateBp,
        amount_cents: e.amountCents,
        plan_id: e.planId,
        source: e.source,
      })),
    ),
    franchise_event_at: eventAt?.toISOString() ?? null,
    franchise_period: eventPeriod,
  }
}

export type AccrualValues = ReturnType<typeof accrualValues>

/**
 * An order's attribution (if any) and ledger entries as CTEs (`gate` false writes nothing), written by
 * `writeEntries` when the franchise consumer reads the order's events. Each entry is booked in the
 * month of its event, or after the franchisee's last closed statement when that month is already closed.
 */
function accrualCtes<G extends string, O extends string, N extends string>(
  gate: Fragment<G>,
  orderId: Fragment<O>,
  orderNumber: Fragment<N>,
) {
  return [
    cte(
      'franchise_attribute',
      fragment`
        INSERT INTO franchise_attribution (order_id, franchisee_id, location_id, rule, reason, order_number,
          channel_id, net_cents, commission_cents, attributed_at)
        SELECT ${orderId}, x.franchisee_id, x.location_id, x.rule, x.reason, ${orderNumber}, x.channel_id,
          x.net_cents, x.commission_cents, ${accrual.at}::timestamptz
        FROM jsonb_to_recordset(${accrual.attribution}::jsonb) AS x(franchisee_id text, location_id text, rule text,
          reason text, channel_id text, net_cents int, commission_cents int)
        WHERE ${gate}
        ON CONFLICT DO NOTHING`,
    ),
    cte(
      'franchise_accrue',
      fragment`
        INSERT INTO commission_entry (franchisee_id, location_id, order_id, order_number, order_line_id, kind,
          category, quantity, base_cents, rate_bp, amount_cents, plan_id, source, event_at, period)
        SELECT x.franchisee_id, x.location_id, ${orderId}, ${orderNumber}, x.order_line_id, x.kind, x.category,
          x.quantity, x.base_cents, x.rate_bp, x.amount_cents, x.plan_id, x.source, ${accrual.at}::timestamptz,
          CASE WHEN lc.p IS NULL OR ${accrual.period}::text > lc.p THEN ${accrual.period}::text
               ELSE to_char((lc.p || '-01')::date + interval '1 month', 'YYYY-MM') END
        FROM jsonb_to_recordset(${accrual.entries}::jsonb) AS x(franchisee_id text, location_id text,
          order_line_id text, kind text, category text, quantity int, base_cents int, rate_bp int,
          amount_cents int, plan_id text, source text)
        LEFT JOIN LATERAL (
          SELECT max(period) AS p FROM franchise_statement s WHERE s.franchisee_id = x.franchisee_id
        ) lc ON true
        WHERE ${gate}
        ON CONFLICT DO NOTHING`,
    ),
  ] as const
}

export interface EntryRow {
  id: number
  franchisee_id: string
  location_id: string
  order_id: string
  order_number: number
  order_line_id: string | null
  kind: EntryKind
  category: string | null
  quantity: number
  base_cents: number
  rate_bp: number
  amount_cents: number
  plan_id: string
  source: string
  event_at: Date
  period: string
  statement_id: string | null
}

const entryColumns = sql`id, franchisee_id, location_id, order_id, order_number, order_line_id, kind, category,
  quantity, base_cents, rate_bp, amount_cents, plan_id, source, event_at, period, statement_id`

export async function entriesOfOrder(q: Executor, orderId: string): Promise<EntryRow[]> {
  return rows(q, sql`SELECT ${entryColumns} FROM commission_entry WHERE order_id = ${orderId} ORDER BY id`)
}

export const toPlanned = (e: EntryRow): PlannedEntry => ({
  franchiseeId: e.franchisee_id,
  locationId: e.location_id,
  orderLineId: e.order_line_id,
  kind: e.kind,
  category: e.category,
  quantity: e.quantity,
  baseCents: e.base_cents,
  rateBp: e.rate_bp,
  amountCents: e.amount_cents,
  planId: e.plan_id,
  source: e.source,
})

/** The last closed month of a franchisee, if any. */
export async function lastClosed(q: Executor, franchiseeId: string): Promise<string | null> {
  const [row] = await rows<{ p: string | null }>(
    q,
    sql`SELECT max(period) AS p FROM franchise_statement WHERE franchisee_id = ${franchiseeId}`,
  )
  return row?.p ?? null
}

/**
 * The entries a month's open statement shows: those booked in it, and any that reached an already
 * closed month while it was being closed (they go to the next statement, never to the closed one).
 */
export async function openEntries(
  q: Executor,
  franchiseeId: string,
  period: string,
  closedUpTo: string | null,
) {
  return rows<EntryRow>(
    q,
    sql`SELECT ${entryColumns} FROM commission_entry
        WHERE franchisee_id = ${franchiseeId} AND statement_id IS NULL
          AND (period = ${period} OR (period < ${period} AND period <= ${closedUpTo ?? ''}))
        ORDER BY id`,
  )
}

export async function statementEntries(q: Executor, statementId: string) {
  return rows<EntryRow>(
    q,
    sql`SELECT ${entryColumns} FROM commission_entry WHERE statement_id = ${statementId} ORDER BY id`,
  )
}
