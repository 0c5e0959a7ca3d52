import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm'
import { getPriceList, priceLists, prices } from '../channels/index.ts'
import { type Executor, inTransaction, type Tx } from '../db/database.ts'
import { invalidInput, refused } from '../shared/errors.ts'
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

async function setPricesIn(tx: Tx, ref: string, input: PriceInput[]): Promise<{ updated: number }> {
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
  )
  return { updated: input.length }
}

/** Writes prices in one statement; the SKUs are known to exist. */
export async function upsertPrices(
  tx: Tx,
  priceListId: string,
  rows: Array<{ sku: string; amountCents: number }>,
) {
  if (rows.length === 0) return
  touchPriceBook()
  await tx
    .insert(prices)
    .values(rows.map((r) => ({ priceListId, sku: r.sku, amountCents: r.amountCents })))
    .onConflictDoUpdate({
      target: [prices.priceListId, prices.sku],
      set: { amountCents: sql`excluded.amount_cents`, updatedAt: sql`now()` },
    })
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
