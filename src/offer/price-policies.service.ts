import { sql } from 'drizzle-orm'
import { knownSkus } from '../catalog/index.ts'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import { invalidInput } from '../shared/errors.ts'
import { type CoherencePolicy, pct, toBp } from './coherence.domain.ts'
import { notFound, refused } from './offer.errors.ts'
import { type ChannelRef, channelRefs, policyRows, toPolicy } from './offer.store.ts'

export interface PricePolicyInput {
  max_spread_pct?: number | null
  max_spread_cents?: number | null
  direction?: Array<{ cheaper: string; dearer: string }>
  min_margin_pct?: number | null
  price_endings?: number[] | null
  competitor?: { max_above_pct: number; window_days?: number } | null
}

export function policyDto(p: CoherencePolicy, channels: Map<string, ChannelRef>) {
  const code = (id: string) => channels.get(id)?.code ?? id
  return {
    category: p.category,
    max_spread_pct: p.maxSpreadBp === null ? null : pct(p.maxSpreadBp),
    max_spread_cents: p.maxSpreadCents,
    direction: p.direction.map((d) => ({ cheaper: code(d.cheaper), dearer: code(d.dearer) })),
    min_margin_pct: p.minMarginBp === null ? null : pct(p.minMarginBp),
    price_endings: p.priceEndings,
    competitor:
      p.competitorMaxAboveBp === null
        ? null
        : { max_above_pct: pct(p.competitorMaxAboveBp), window_days: p.competitorWindowDays },
  }
}

/** Sets the coherence policy of a category, replacing the previous one. Channels by id or code. */
export const putPricePolicy = inTransaction(putPricePolicyIn)

export async function putPricePolicyIn(tx: Tx, category: string, input: PricePolicyInput) {
  const channels = await channelRefs(tx)
  const byRef = new Map<string, ChannelRef>()
  for (const c of channels) byRef.set(c.code, c)
  for (const c of channels) byRef.set(c.id, c)
  const direction = (input.direction ?? []).map((d, i) => {
    const cheaper = byRef.get(d.cheaper)
    if (!cheaper) throw invalidInput(`direction/${i}/cheaper`, `no channel ${d.cheaper}`)
    const dearer = byRef.get(d.dearer)
    if (!dearer) throw invalidInput(`direction/${i}/dearer`, `no channel ${d.dearer}`)
    if (cheaper.id === dearer.id) throw invalidInput(`direction/${i}/dearer`, 'names the same channel twice')
    return { cheaper: cheaper.id, dearer: dearer.id }
  })
  const endings = input.price_endings ?? null
  if (endings && new Set(endings).size !== endings.length) {
    throw invalidInput('price_endings', 'lists an ending twice')
  }
  await tx.execute(
    sql`INSERT INTO coherence_policy (category, max_spread_bp, max_spread_cents, direction, min_margin_bp, price_endings,
                                      competitor_max_above_bp, competitor_window_days)
        VALUES (${category}, ${nullableBp(input.max_spread_pct)}, ${input.max_spread_cents ?? null},
                ${JSON.stringify(direction)}::jsonb, ${nullableBp(input.min_margin_pct)},
                ${endings === null ? null : JSON.stringify([...endings].sort((a, b) => b - a))}::jsonb,
                ${nullableBp(input.competitor?.max_above_pct)}, ${input.competitor?.window_days ?? 30})
        ON CONFLICT (category) DO UPDATE SET
          max_spread_bp = excluded.max_spread_bp, max_spread_cents = excluded.max_spread_cents,
          direction = excluded.direction, min_margin_bp = excluded.min_margin_bp,
          price_endings = excluded.price_endings, competitor_max_above_bp = excluded.competitor_max_above_bp,
          competitor_window_days = excluded.competitor_window_days, updated_at = now()`,
  )
  return getPolicy(tx, category)
}

const nullableBp = (percent: number | null | undefined) =>
  percent === null || percent === undefined ? null : toBp(percent)

export async function listPolicies(q: Executor) {
  const channels = new Map((await channelRefs(q)).map((c) => [c.id, c]))
  return (await policyRows(q)).map((r) => policyDto(toPolicy(r), channels))
}

export async function getPolicy(q: Executor, category: string) {
  const [row] = await policyRows(q, category)
  if (!row) throw notFound('coherence_policy', category)
  const channels = new Map((await channelRefs(q)).map((c) => [c.id, c]))
  return policyDto(toPolicy(row), channels)
}

export const deletePolicy = inTransaction(deletePolicyIn)

async function deletePolicyIn(tx: Tx, category: string) {
  const gone = await rows(
    tx,
    sql`DELETE FROM coherence_policy WHERE category = ${category} RETURNING category`,
  )
  if (gone.length === 0) throw notFound('coherence_policy', category)
}

/** Sets what SKUs cost (up to thousands at once); every SKU must exist, or nothing is written. */
export const setCosts = inTransaction(setCostsIn)

export async function setCostsIn(tx: Tx, costs: Array<{ sku: string; cost_cents: number }>) {
  const firstAt = new Map<string, number>()
  for (const [i, c] of costs.entries()) {
    const first = firstAt.get(c.sku)
    if (first !== undefined) throw invalidInput(`costs/${i}/sku`, `${c.sku} is already in costs/${first}`)
    firstAt.set(c.sku, i)
  }
  const known = await knownSkus(
    tx,
    costs.map((c) => c.sku),
  )
  const unknown = costs.findIndex((c) => !known.has(c.sku))
  if (unknown >= 0) {
    const field = `costs/${unknown}/sku`
    throw refused('unknown_sku', `${field}: no variant has SKU ${costs[unknown]!.sku}; create it first.`, {
      field,
    })
  }
  await tx.execute(
    sql`INSERT INTO sku_cost (sku, cost_cents)
        SELECT x.sku, x.cost_cents FROM jsonb_to_recordset(${JSON.stringify(costs)}::jsonb) AS x(sku text, cost_cents int)
        ON CONFLICT (sku) DO UPDATE SET cost_cents = excluded.cost_cents, updated_at = now()`,
  )
  return { updated: costs.length }
}

export async function listCosts(q: Executor, skus: string[] | undefined, limit: number, cursor?: string) {
  return rows<{ sku: string; cost_cents: number; updated_at: Date | string }>(
    q,
    sql`SELECT sku, cost_cents, updated_at FROM sku_cost
        WHERE true
          ${skus && skus.length > 0 ? sql`AND sku IN (SELECT jsonb_array_elements_text(${JSON.stringify(skus)}::jsonb))` : sql``}
          ${cursor ? sql`AND sku > ${cursor}` : sql``}
        ORDER BY sku LIMIT ${limit + 1}`,
  )
}

/** SKU costs as the API shows them (`skus`: these only). */
export async function costs(q: Executor, skus: string[] | undefined, limit: number, cursor?: string) {
  const found = await listCosts(q, skus, limit, cursor)
  return found.map((c) => ({ ...c, updated_at: new Date(c.updated_at).toISOString() }))
}
