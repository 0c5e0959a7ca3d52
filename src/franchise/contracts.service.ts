import { sql } from 'drizzle-orm'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import { cachedLocations } from '../network/index.ts'
import type { Actor } from '../shared/actor.ts'
import { invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { codeResolver } from '../shared/refs.ts'
import {
  type AttributionRule,
  attributionRules,
  type Catchment,
  defaultRuleOrder,
} from './attribution.domain.ts'
import { conflict, notFound, refused } from './franchise.errors.ts'
import { toPlan } from './franchise.store.ts'
import { franchiseeFor } from './statements.service.ts'

/** Franchisees named in requests by id or code (`FR-RIVIERA`): the id, from a cache of the codes. */
export const franchiseeRefs = codeResolver<Executor>('franchisee', 'fra', (q) =>
  rows<{ id: string; code: string }>(q, sql`SELECT id, code FROM franchisee`),
)

export async function createFranchisee(tx: Tx, input: { code: string; name: string; contract_ref?: string }) {
  const [row] = await rows<{ id: string }>(
    tx,
    sql`INSERT INTO franchisee (id, code, name, contract_ref)
        VALUES (${newId('fra')}, ${input.code}, ${input.name}, ${input.contract_ref ?? ''})
        ON CONFLICT (code) DO NOTHING RETURNING id`,
  )
  if (!row) throw conflict('franchisee_code_taken', `A franchisee already has the code ${input.code}.`)
  return franchiseeView(tx, row.id)
}

/** A franchisee with its stores, as head office or that franchisee sees it. */
export async function getFranchisee(q: Executor, actor: Actor, ref: string) {
  return franchiseeView(q, (await franchiseeFor(q, actor, ref)).id)
}

export async function franchiseeView(q: Executor, id: string) {
  const [row] = await rows<{
    id: string
    code: string
    name: string
    contract_ref: string
    created_at: Date
    stores: Array<{ location_id: string; catchment: Catchment }>
  }>(
    q,
    sql`SELECT f.id, f.code, f.name, f.contract_ref, f.created_at,
          (SELECT coalesce(json_agg(json_build_object('location_id', s.location_id, 'catchment', s.catchment)
             ORDER BY s.location_id), '[]') FROM franchise_store s WHERE s.franchisee_id = f.id) AS stores
        FROM franchisee f WHERE f.id = ${id}`,
  )
  if (!row) throw notFound('franchisee', id)
  // The store's name and town: a franchisee key reads no locations, and its screens show names.
  const locations = await cachedLocations(q)
  const stores = row.stores.map((s) => {
    const l = locations.get(s.location_id)
    return { ...s, name: l?.name ?? s.location_id, city: l?.city ?? '' }
  })
  return { ...row, stores, created_at: new Date(row.created_at).toISOString() }
}

export async function listFranchisees(q: Executor, actor: Actor, limit: number, cursor?: string) {
  const ids = await rows<{ id: string }>(
    q,
    sql`SELECT id FROM franchisee
        WHERE (${cursor ?? null}::text IS NULL OR id < ${cursor ?? null})
          AND (${actor.role === 'franchisee' ? (actor.franchiseeId ?? '') : null}::text IS NULL
               OR id = ${actor.franchiseeId ?? ''})
        ORDER BY id DESC LIMIT ${limit + 1}`,
  )
  return Promise.all(ids.map((r) => franchiseeView(q, r.id)))
}

function checkCatchment(c: Catchment) {
  if (c.kind === 'radius' && !(c.radius_km > 0))
    throw invalidInput('catchment/radius_km', 'give a radius above 0 km')
  if (c.kind === 'postcodes' && c.postcodes.length === 0)
    throw invalidInput('catchment/postcodes', 'list at least one postcode')
}

/** Puts a franchised store under a franchisee's contract, with its catchment area. */
export const assignStore = inTransaction(assignStoreIn)

export async function assignStoreIn(
  tx: Tx,
  actor: Actor,
  franchiseeRef: string,
  locationId: string,
  catchment: Catchment,
) {
  const f = await franchiseeFor(tx, actor, franchiseeRef)
  checkCatchment(catchment)
  const [loc] = await rows<{ kind: string; ownership: string }>(
    tx,
    sql`SELECT kind, ownership FROM location WHERE id = ${locationId} OR code = ${locationId}`,
  )
  if (!loc) throw notFound('location', locationId)
  if (loc.kind !== 'store' || loc.ownership !== 'franchised')
    throw refused(
      'not_a_franchised_store',
      `${locationId} is not a franchised store: only those earn commissions.`,
    )
  const clean =
    catchment.kind === 'postcodes'
      ? { kind: 'postcodes' as const, postcodes: catchment.postcodes.map((p) => p.replace(/\s/g, '')) }
      : catchment
  await tx.execute(
    sql`INSERT INTO franchise_store (location_id, franchisee_id, catchment)
        SELECT id, ${f.id}, ${JSON.stringify(clean)}::jsonb FROM location WHERE id = ${locationId} OR code = ${locationId}
        ON CONFLICT (location_id) DO UPDATE SET franchisee_id = excluded.franchisee_id,
          catchment = excluded.catchment, updated_at = now()`,
  )
  return franchiseeView(tx, f.id)
}

export interface PlanInput {
  location_id?: string
  valid_from: string
  valid_until?: string
  default_rate_bp: number
  category_rates_bp?: Record<string, number>
  click_collect_fee_cents?: number
  ship_from_store_fee_cents?: number
  monthly_minimum_cents?: number
}

const planColumns = sql`id, franchisee_id, location_id, valid_from::text AS valid_from, valid_until::text AS valid_until,
  default_rate_bp, category_rates_bp, click_collect_fee_cents, ship_from_store_fee_cents, monthly_minimum_cents`

export const planView = (p: ReturnType<typeof toPlan>) => ({
  id: p.id,
  franchisee_id: p.franchiseeId,
  location_id: p.locationId,
  valid_from: p.validFrom,
  valid_until: p.validUntil,
  default_rate_bp: p.defaultRateBp,
  category_rates_bp: p.categoryRatesBp,
  click_collect_fee_cents: p.clickCollectFeeCents,
  ship_from_store_fee_cents: p.shipFromStoreFeeCents,
  monthly_minimum_cents: p.monthlyMinimumCents,
})

export async function createPlan(tx: Tx, actor: Actor, franchiseeRef: string, input: PlanInput) {
  const f = await franchiseeFor(tx, actor, franchiseeRef)
  if (input.valid_until !== undefined && input.valid_until <= input.valid_from)
    throw invalidInput('valid_until', 'must come after valid_from')
  for (const [category, bp] of Object.entries(input.category_rates_bp ?? {}))
    if (!Number.isInteger(bp) || bp < 0 || bp > 10_000)
      throw invalidInput(`category_rates_bp/${category}`, 'a rate in basis points between 0 and 10000')
  if (input.location_id) {
    const [own] = await rows(
      tx,
      sql`SELECT 1 FROM franchise_store WHERE location_id = ${input.location_id} AND franchisee_id = ${f.id}`,
    )
    if (!own) throw invalidInput('location_id', `${input.location_id} is not a store of ${f.code}`)
  }
  const [row] = await rows<Parameters<typeof toPlan>[0]>(
    tx,
    sql`INSERT INTO commission_plan (id, franchisee_id, location_id, valid_from, valid_until, default_rate_bp,
          category_rates_bp, click_collect_fee_cents, ship_from_store_fee_cents, monthly_minimum_cents)
        VALUES (${newId('cpl')}, ${f.id}, ${input.location_id ?? null}, ${input.valid_from}::date,
          ${input.valid_until ?? null}::date, ${input.default_rate_bp}, ${JSON.stringify(input.category_rates_bp ?? {})}::jsonb,
          ${input.click_collect_fee_cents ?? 0}, ${input.ship_from_store_fee_cents ?? 0}, ${input.monthly_minimum_cents ?? 0})
        RETURNING ${planColumns}`,
  )
  return planView(toPlan(row!))
}

export async function listPlans(
  q: Executor,
  actor: Actor,
  franchiseeRef: string,
  limit: number,
  cursor?: string,
) {
  const f = await franchiseeFor(q, actor, franchiseeRef)
  const list = await rows<Parameters<typeof toPlan>[0]>(
    q,
    sql`SELECT ${planColumns} FROM commission_plan WHERE franchisee_id = ${f.id}
          AND (${cursor ?? null}::text IS NULL OR id < ${cursor ?? null})
        ORDER BY id DESC LIMIT ${limit + 1}`,
  )
  return list.map((p) => planView(toPlan(p)))
}

export async function getPolicy(q: Executor) {
  const [row] = await rows<{ rules: AttributionRule[]; nearest_max_km: number }>(
    q,
    sql`SELECT rules, nearest_max_km FROM attribution_policy WHERE id = 'default'`,
  )
  return row ?? { rules: defaultRuleOrder, nearest_max_km: 50 }
}

export const putPolicy = inTransaction(putPolicyIn)

export async function putPolicyIn(tx: Tx, rules: string[], nearestMaxKm: number) {
  const bad = rules.findIndex((r) => !(attributionRules as readonly string[]).includes(r))
  if (bad >= 0) throw invalidInput(`rules/${bad}`, `unknown rule; use ${attributionRules.join(', ')}`)
  const repeated = rules.findIndex((r, i) => rules.indexOf(r) !== i)
  if (repeated >= 0) throw invalidInput(`rules/${repeated}`, `${rules[repeated]} is listed twice`)
  await tx.execute(
    sql`INSERT INTO attribution_policy (id, rules, nearest_max_km) VALUES ('default', ${JSON.stringify(rules)}::jsonb, ${nearestMaxKm})
        ON CONFLICT (id) DO UPDATE SET rules = excluded.rules, nearest_max_km = excluded.nearest_max_km, updated_at = now()`,
  )
  return getPolicy(tx)
}

export async function listAttributions(
  q: Executor,
  actor: Actor,
  filter: { franchiseeId?: string; period?: string },
  limit: number,
  cursor?: string,
) {
  const franchiseeId =
    actor.role === 'franchisee'
      ? actor.franchiseeId!
      : filter.franchiseeId
        ? (await franchiseeFor(q, actor, filter.franchiseeId)).id
        : null
  const list = await rows<{
    order_id: string
    order_number: number
    channel_id: string
    franchisee_id: string
    location_id: string
    rule: string
    reason: string
    net_cents: number
    commission_cents: number
    attributed_at: Date
  }>(
    q,
    sql`SELECT order_id, order_number, channel_id, franchisee_id, location_id, rule, reason, net_cents,
          commission_cents, attributed_at FROM franchise_attribution
        WHERE (${franchiseeId}::text IS NULL OR franchisee_id = ${franchiseeId})
          AND (${cursor ?? null}::text IS NULL OR order_id < ${cursor ?? null})
          AND (${filter.period ?? null}::text IS NULL
               OR to_char(attributed_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM') = ${filter.period ?? null})
        ORDER BY order_id DESC LIMIT ${limit + 1}`,
  )
  return list.map((a) => ({ ...a, attributed_at: new Date(a.attributed_at).toISOString() }))
}

export async function getAttribution(q: Executor, actor: Actor, orderId: string) {
  const [row] = await listAttributionsOf(q, orderId)
  if (!row || (actor.role === 'franchisee' && row.franchisee_id !== actor.franchiseeId))
    throw notFound('attribution', orderId)
  return row
}

async function listAttributionsOf(q: Executor, orderId: string) {
  const list = await rows<{
    order_id: string
    order_number: number
    channel_id: string
    franchisee_id: string
    location_id: string
    rule: string
    reason: string
    net_cents: number
    commission_cents: number
    attributed_at: Date
  }>(
    q,
    sql`SELECT order_id, order_number, channel_id, franchisee_id, location_id, rule, reason, net_cents,
          commission_cents, attributed_at FROM franchise_attribution WHERE order_id = ${orderId}`,
  )
  return list.map((a) => ({ ...a, attributed_at: new Date(a.attributed_at).toISOString() }))
}
