import { sql } from 'drizzle-orm'
import { monotonicFactory } from 'ulid'
import { priceChangedEvents, touchPriceBook } from '../catalog/index.ts'
import { type Executor, rows } from '../db/database.ts'
import { prepared } from '../db/prepared.ts'
import { byJob } from '../events/index.ts'
import type { ChannelPrice, CoherencePolicy, CompetitorLow } from './coherence.domain.ts'

const nextUlid = monotonicFactory()
/** Time-ordered ids like the rest of the engine: `pch_…` price changes, `cob_…` competitor observations. */
export const offerId = (prefix: 'pch' | 'cob') => `${prefix}_${nextUlid()}`

const json = (v: unknown) => JSON.stringify(v)

export interface PolicyRow {
  category: string
  max_spread_bp: number | null
  max_spread_cents: number | null
  direction: Array<{ cheaper: string; dearer: string }>
  min_margin_bp: number | null
  price_endings: number[] | null
  competitor_max_above_bp: number | null
  competitor_window_days: number
  updated_at: Date | string
}

export const toPolicy = (r: PolicyRow): CoherencePolicy => ({
  category: r.category,
  maxSpreadBp: r.max_spread_bp,
  maxSpreadCents: r.max_spread_cents,
  direction: r.direction,
  minMarginBp: r.min_margin_bp,
  priceEndings: r.price_endings,
  competitorMaxAboveBp: r.competitor_max_above_bp,
  competitorWindowDays: r.competitor_window_days,
})

export async function policyRows(q: Executor, category?: string): Promise<PolicyRow[]> {
  return rows<PolicyRow>(
    q,
    sql`SELECT * FROM coherence_policy ${category === undefined ? sql`` : sql`WHERE category = ${category}`}
        ORDER BY category`,
  )
}

export interface ChannelRef {
  id: string
  code: string
  price_list_id: string
  price_list_code: string
}

export async function channelRefs(q: Executor): Promise<ChannelRef[]> {
  return rows<ChannelRef>(
    q,
    sql`SELECT c.id, c.code, c.price_list_id, pl.code AS price_list_code
        FROM channel c JOIN price_list pl ON pl.id = c.price_list_id ORDER BY c.code`,
  )
}

export interface SkuRow {
  sku: string
  product_code: string
  product_name: string
  category: string
  cost_cents: number | null
  /** `channel_id=cents,…` of the channels that list the product and have a price for the SKU. */
  prices: string
}

/**
 * The current channel prices of SKUs in the given categories, one row per SKU, ordered by SKU: one
 * set-based statement (a price counts in a channel that lists the product).
 */
export async function skuRows(
  q: Executor,
  opts: { categories: string[]; skus?: string[]; after?: string },
): Promise<SkuRow[]> {
  if (opts.categories.length === 0) return []
  return rows<SkuRow>(
    q,
    sql`SELECT v.sku, p.code AS product_code, p.name AS product_name, p.category, sc.cost_cents,
               string_agg(c.id || '=' || pr.amount_cents, ',') AS prices
        FROM product p
        JOIN variant v ON v.product_id = p.id
        JOIN assortment a ON a.product_id = p.id
        JOIN channel c ON c.id = a.channel_id
        JOIN price pr ON pr.price_list_id = c.price_list_id AND pr.sku = v.sku
        LEFT JOIN sku_cost sc ON sc.sku = v.sku
        WHERE p.category IN (SELECT jsonb_array_elements_text(${json(opts.categories)}::jsonb))
          ${opts.skus ? sql`AND v.sku IN (SELECT jsonb_array_elements_text(${json(opts.skus)}::jsonb))` : sql``}
          ${opts.after ? sql`AND v.sku > ${opts.after}` : sql``}
        GROUP BY v.sku, p.code, p.name, p.category, sc.cost_cents
        ORDER BY v.sku`,
  )
}

export function parsePrices(row: SkuRow, channels: Map<string, ChannelRef>): ChannelPrice[] {
  const out: ChannelPrice[] = []
  for (const part of row.prices.split(',')) {
    const eq = part.lastIndexOf('=')
    const c = channels.get(part.slice(0, eq))
    if (c)
      out.push({
        channelId: c.id,
        channelCode: c.code,
        priceListId: c.price_list_id,
        cents: Number(part.slice(eq + 1)),
      })
  }
  return out.sort((a, b) => (a.channelCode < b.channelCode ? -1 : 1))
}

export interface CompetitorRow {
  sku: string
  channel_id: string
  competitor: string
  price_cents: number
  observed_at: Date | string
  source: string
}

/** The cheapest competitor observation per SKU and channel within each category policy's window. */
export async function cheapestCompetitors(
  q: Executor,
  at: Date,
  skus?: string[],
): Promise<Map<string, CompetitorLow[]>> {
  const found = await rows<CompetitorRow>(
    q,
    sql`SELECT DISTINCT ON (cp.sku, cp.channel_id) cp.sku, cp.channel_id, cp.competitor, cp.price_cents,
               cp.observed_at, cp.source
        FROM competitor_price cp
        JOIN variant v ON v.sku = cp.sku
        JOIN product p ON p.id = v.product_id
        JOIN coherence_policy pol ON pol.category = p.category
        WHERE cp.observed_at <= ${at.toISOString()}::timestamptz
          AND cp.observed_at > ${at.toISOString()}::timestamptz - make_interval(days => pol.competitor_window_days)
          ${skus ? sql`AND cp.sku IN (SELECT jsonb_array_elements_text(${json(skus)}::jsonb))` : sql``}
        ORDER BY cp.sku, cp.channel_id, cp.price_cents, cp.observed_at DESC`,
  )
  const out = new Map<string, CompetitorLow[]>()
  for (const r of found) {
    const low = {
      channelId: r.channel_id,
      competitor: r.competitor,
      cents: r.price_cents,
      observedAt: new Date(r.observed_at),
    }
    const list = out.get(r.sku)
    if (list) list.push(low)
    else out.set(r.sku, [low])
  }
  return out
}

export interface ResolvedPrice {
  price_list_id: string
  sku: string
  cents: number
  /** Since when this price is in force; null when only known as the price before a later change. */
  since: Date | string | null
  change_id: string | null
  old_cents: number | null
}

/*
 * The price in force at an instant is the latest of: the changes in force by then, and the `price`
 * row itself when it was written outside the history (a tariff loaded through the price lists, the
 * demo). A `price` row written by a change carries that change's `applied_at` as its `updated_at`
 * (one transaction, one now()), which tells the two apart. Before anything known, the price is the
 * `old_cents` of the first later change. One statement, planned once per connection on PostgreSQL.
 */
const RESOLVE = `
  WITH w AS (
    SELECT pl.id AS price_list_id, s.sku
    FROM price_list pl CROSS JOIN jsonb_array_elements_text($2::jsonb) AS s(sku)
    WHERE $1::text IS NULL OR pl.id = $1::text
  ),
  entries AS (
    SELECT w.price_list_id, w.sku, pc.valid_from AS since, pc.new_cents AS cents, pc.id AS change_id, pc.old_cents
    FROM w JOIN price_change pc ON pc.sku = w.sku AND pc.price_list_id = w.price_list_id AND pc.valid_from <= $3::timestamptz
    UNION ALL
    SELECT w.price_list_id, w.sku, pr.updated_at, pr.amount_cents, NULL, NULL
    FROM w JOIN price pr ON pr.price_list_id = w.price_list_id AND pr.sku = w.sku
    WHERE pr.updated_at <= $3::timestamptz
      AND NOT EXISTS (SELECT 1 FROM price_change x WHERE x.sku = pr.sku AND x.price_list_id = pr.price_list_id
                        AND x.applied_at = pr.updated_at)
  ),
  latest AS (
    SELECT DISTINCT ON (price_list_id, sku) * FROM entries
    ORDER BY price_list_id, sku, since DESC, change_id DESC NULLS LAST
  ),
  first_after AS (
    SELECT DISTINCT ON (w.price_list_id, w.sku) w.price_list_id, w.sku, pc.old_cents
    FROM w JOIN price_change pc ON pc.sku = w.sku AND pc.price_list_id = w.price_list_id AND pc.valid_from > $3::timestamptz
    ORDER BY w.price_list_id, w.sku, pc.valid_from
  )
  SELECT coalesce(l.price_list_id, f.price_list_id) AS price_list_id, coalesce(l.sku, f.sku) AS sku,
         coalesce(l.cents, f.old_cents) AS cents, l.since, l.change_id, l.old_cents
  FROM latest l FULL JOIN first_after f ON f.price_list_id = l.price_list_id AND f.sku = l.sku
  WHERE coalesce(l.cents, f.old_cents) IS NOT NULL`

/** Prices in force at `at` of these SKUs, in one price list or in all of them. */
export async function resolvePrices(
  q: Executor,
  skus: string[],
  at: Date,
  priceListId: string | null = null,
): Promise<ResolvedPrice[]> {
  if (skus.length === 0) return []
  return prepared<ResolvedPrice>(q, 'offer_resolve_prices', RESOLVE, [
    priceListId,
    json(skus),
    at.toISOString(),
  ])
}

/** Writes the scheduled changes that are due into `price` (see applyDuePriceChanges). */
export async function applyDue(q: Executor): Promise<number> {
  touchPriceBook()
  const [r] = await rows<{ applied: number }>(
    q,
    sql`WITH due AS (
          SELECT DISTINCT ON (price_list_id, sku) id, price_list_id, sku, new_cents, valid_from
          FROM price_change WHERE applied_at IS NULL AND valid_from <= now()
          ORDER BY price_list_id, sku, valid_from DESC, id DESC
        ),
        fresh AS (
          SELECT d.* FROM due d
          WHERE NOT EXISTS (SELECT 1 FROM price_change x WHERE x.sku = d.sku AND x.price_list_id = d.price_list_id
                              AND x.applied_at IS NOT NULL AND x.valid_from > d.valid_from)
        ),
        written AS (
          INSERT INTO price (price_list_id, sku, amount_cents, created_at, updated_at)
          SELECT price_list_id, sku, new_cents, now(), now() FROM fresh
          ON CONFLICT (price_list_id, sku) DO UPDATE SET amount_cents = excluded.amount_cents, updated_at = now()
          RETURNING sku
        ),
        marked AS (
          UPDATE price_change SET applied_at = now(), updated_at = now()
          WHERE applied_at IS NULL AND valid_from <= now() RETURNING id
        ),
        ev AS (${priceChangedEvents(
          byJob('offer.apply-scheduled-prices'),
          sql`SELECT f.price_list_id, f.sku, p.amount_cents AS old_cents, f.new_cents, f.valid_from
              FROM fresh f LEFT JOIN price p ON p.price_list_id = f.price_list_id AND p.sku = f.sku`,
        )})
        SELECT (SELECT count(*)::int FROM written) AS applied, (SELECT count(*)::int FROM marked) AS marked`,
  )
  return r?.applied ?? 0
}
