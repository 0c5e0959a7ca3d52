import { and, asc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm'
import { getPriceList, priceLists, priceListsByCode, prices } from '../channels/index.ts'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import { byApiKey, bySystem, type EventActor, outboxInsertFrom, priceEvents } from '../events/index.ts'
import type { Actor } from '../shared/actor.ts'
import {
  created,
  type ExportPage,
  type LineOutcome,
  refusedLine,
  unchanged,
  updated,
} from '../shared/batch.ts'
import { invalidInput } from '../shared/errors.ts'
import { refused } from './catalog.errors.ts'
import { knownSkus } from './lookup.service.ts'

/**
 * When a price was last written through this process: the offer's price book, checked before, reads
 * the changes first. Every writer of prices (lists here, price changes in the offer) touches it.
 */
let touchedAt = 0

export function touchPriceBook() {
  touchedAt = Date.now()
}

export function pricesWrittenAt(): number {
  return touchedAt
}

export type PriceRow = typeof prices.$inferSelect

export interface PriceInput {
  sku: string
  amount_cents: number
}

/**
 * Sets many prices of one list at once (a new season's tariff): every SKU must exist, or nothing
 * is written. A price already set is replaced.
 */
export const setPrices = inTransaction(setPricesIn)

async function setPricesIn(
  tx: Tx,
  ref: string,
  input: PriceInput[],
  actor?: Actor,
): Promise<{ updated: number }> {
  const list = await getPriceList(tx, ref)
  const firstAt = new Map<string, number>()
  for (const [i, p] of input.entries()) {
    const first = firstAt.get(p.sku)
    if (first !== undefined)
      throw invalidInput(`prices/${i}/sku`, `${p.sku} is already priced at prices/${first}`)
    firstAt.set(p.sku, i)
  }
  const known = await knownSkus(
    tx,
    input.map((p) => p.sku),
  )
  const unknown = input.findIndex((p) => !known.has(p.sku))
  if (unknown >= 0) {
    const field = `prices/${unknown}/sku`
    throw refused('unknown_sku', `${field}: no variant has SKU ${input[unknown]!.sku}; create it first.`, {
      field,
    })
  }
  await upsertPrices(
    tx,
    list.id,
    input.map((p) => ({ sku: p.sku, amountCents: p.amount_cents })),
    actor ? byApiKey(actor.keyId) : bySystem,
  )
  return { updated: input.length }
}

/**
 * Writes prices in one statement; the SKUs are known to exist. Each price that changes (or is set
 * for the first time) records its `price.changed` in the same statement.
 */
export async function upsertPrices(
  tx: Tx,
  priceListId: string,
  rows: Array<{ sku: string; amountCents: number }>,
  actor: EventActor,
) {
  if (rows.length === 0) return
  touchPriceBook()
  const data = JSON.stringify(rows.map((r) => ({ sku: r.sku, amount_cents: r.amountCents })))
  await tx.execute(
    sql`WITH x AS (SELECT * FROM jsonb_to_recordset(${data}::jsonb) AS x(sku text, amount_cents int)),
        before AS (
          SELECT x.sku, p.amount_cents AS old_cents, x.amount_cents AS new_cents
          FROM x LEFT JOIN price p ON p.price_list_id = ${priceListId} AND p.sku = x.sku
        ),
        w AS (
          INSERT INTO price (price_list_id, sku, amount_cents) SELECT ${priceListId}, sku, amount_cents FROM x
          ON CONFLICT (price_list_id, sku) DO UPDATE SET amount_cents = excluded.amount_cents, updated_at = now()
        ),
        ev AS (${priceChangedEvents(actor, sql`SELECT ${priceListId}::text AS price_list_id, sku, old_cents, new_cents, now() AS valid_from FROM before`)})
        SELECT 1`,
  )
}

/**
 * `price.changed` for each row of `changes` (price_list_id, sku, old_cents, new_cents, valid_from)
 * whose price differs, naming the channels that sell at that list (directly or for a cluster).
 */
export function priceChangedEvents(actor: EventActor, changes: SQL) {
  return outboxInsertFrom(
    priceEvents,
    'price.changed',
    actor,
    sql`SELECT c.price_list_id AS aggregate_id,
               jsonb_build_object('price_list_id', c.price_list_id, 'sku', c.sku, 'old_cents', c.old_cents,
                 'new_cents', c.new_cents, 'valid_from', c.valid_from,
                 'channel_ids', (SELECT coalesce(jsonb_agg(ch.id ORDER BY ch.id), '[]'::jsonb) FROM (
                    SELECT id FROM channel WHERE price_list_id = c.price_list_id
                    UNION SELECT channel_id FROM cluster_price_list WHERE price_list_id = c.price_list_id) ch)) AS payload
        FROM (${changes}) c WHERE c.old_cents IS DISTINCT FROM c.new_cents
        ORDER BY c.price_list_id, c.sku`,
  )
}

/** One list's prices ordered by SKU, `limit + 1` rows for `toPage`. */
export async function listPrices(
  q: Executor,
  ref: string,
  skus: string[] | undefined,
  limit: number,
  cursor?: string,
) {
  const list = await getPriceList(q, ref)
  const found = await q
    .select()
    .from(prices)
    .where(
      and(
        eq(prices.priceListId, list.id),
        skus && skus.length > 0 ? inArray(prices.sku, skus) : undefined,
        cursor ? gt(prices.sku, cursor) : undefined,
      ),
    )
    .orderBy(asc(prices.sku))
    .limit(limit + 1)
  return { list, prices: found }
}

export interface SkuPrice {
  sku: string
  priceList: string
  amountCents: number
}

/** Every price of these SKUs in every list, ordered by list code. */
export async function pricesOfSkus(q: Executor, skus: string[]): Promise<SkuPrice[]> {
  if (skus.length === 0) return []
  return q
    .select({ sku: prices.sku, priceList: priceLists.code, amountCents: prices.amountCents })
    .from(prices)
    .innerJoin(priceLists, eq(priceLists.id, prices.priceListId))
    .where(inArray(prices.sku, skus))
    .orderBy(asc(priceLists.code))
}

/** One price of a price file: a list (by code), a SKU, its unit price TTC in cents. */
export interface PriceLine {
  priceList: string
  sku: string
  amountCents: number
}

/**
 * Sets the prices of these lines (of any lists) in the caller's transaction, recording a
 * `price.changed` for each that changes; a line naming an unknown list or SKU is refused alone.
 */
export async function writePriceLines(
  tx: Tx,
  lines: readonly PriceLine[],
  actor: EventActor,
): Promise<LineOutcome[]> {
  if (lines.length === 0) return []
  const [lists, known] = await Promise.all([
    priceListsByCode(
      tx,
      lines.map((l) => l.priceList),
    ),
    knownSkus(
      tx,
      lines.map((l) => l.sku),
    ),
  ])
  const pairs = lines.flatMap((l) => {
    const list = lists.get(l.priceList)
    return list ? [{ price_list_id: list.id, sku: l.sku }] : []
  })
  const current = await rows<{ price_list_id: string; sku: string; amount_cents: number }>(
    tx,
    sql`SELECT p.price_list_id, p.sku, p.amount_cents
        FROM price p JOIN jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) AS x(price_list_id text, sku text)
          ON p.price_list_id = x.price_list_id AND p.sku = x.sku`,
  )
  const cents = new Map(current.map((p) => [`${p.price_list_id}|${p.sku}`, p.amount_cents]))
  const writes = new Map<string, Array<{ sku: string; amountCents: number }>>()
  const outcomes = lines.map((l): LineOutcome => {
    const list = lists.get(l.priceList)
    if (!list) {
      return refusedLine(
        'price_list',
        'unknown_price_list',
        `no price list with code ${l.priceList}; create it first.`,
      )
    }
    if (!known.has(l.sku))
      return refusedLine('sku', 'unknown_sku', `no variant has SKU ${l.sku}; import it first.`)
    const before = cents.get(`${list.id}|${l.sku}`)
    if (before === l.amountCents) return unchanged
    writes.set(list.id, [...(writes.get(list.id) ?? []), { sku: l.sku, amountCents: l.amountCents }])
    return before === undefined ? created : updated
  })
  for (const [priceListId, changed] of writes) await upsertPrices(tx, priceListId, changed, actor)
  return outcomes
}

/** A price as a price file lists it. */
export interface PriceExportRow {
  price_list: string
  sku: string
  amount_cents: number
}

/** Prices by list code then SKU after `cursor` (`<list code>\n<sku>`), `limit` at a time. */
export async function exportPriceLines(
  q: Executor,
  cursor: string | null,
  limit: number,
): Promise<ExportPage<PriceExportRow>> {
  const [afterList, afterSku] = cursor === null ? [null, null] : cursor.split('\n')
  const found = await rows<PriceExportRow>(
    q,
    sql`SELECT l.code AS price_list, p.sku, p.amount_cents
        FROM price p JOIN price_list l ON l.id = p.price_list_id
        ${afterList === null ? sql`` : sql`WHERE (l.code, p.sku) > (${afterList}, ${afterSku ?? ''})`}
        ORDER BY l.code, p.sku LIMIT ${limit}`,
  )
  const last = found[found.length - 1]
  return { rows: found, next: found.length === limit && last ? `${last.price_list}\n${last.sku}` : null }
}
