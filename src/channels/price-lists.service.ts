import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm'
import { knownSkus } from '../catalog/lookup.service.ts'
import type { Executor, Tx } from '../db/database.ts'
import { touchPriceBook } from '../offer/price-book.service.ts'
import { invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { conflict, notFound, refused } from './channels.errors.ts'
import { priceLists, prices } from './channels.schema.ts'

export type PriceListRow = typeof priceLists.$inferSelect
export type PriceRow = typeof prices.$inferSelect

export interface NewPriceList {
  code: string
  name: string
  currency?: string
}

export async function getPriceList(q: Executor, ref: string): Promise<PriceListRow> {
  const [row] = await q
    .select()
    .from(priceLists)
    .where(or(eq(priceLists.id, ref), eq(priceLists.code, ref)))
    // An id wins over a code that happens to spell it.
    .orderBy(sql`${priceLists.id} = ${ref} DESC`)
    .limit(1)
  if (!row) throw notFound('price_list', ref)
  return row
}

export async function createPriceList(tx: Tx, input: NewPriceList): Promise<PriceListRow> {
  const [row] = await tx
    .insert(priceLists)
    .values({ id: newId('prl'), code: input.code, name: input.name, currency: input.currency ?? 'EUR' })
    .onConflictDoNothing()
    .returning()
  if (!row) {
    throw conflict('already_exists', `A price list with code ${input.code} already exists.`, {
      field: 'code',
      value: input.code,
    })
  }
  return row
}

/** The price list of this code, created when missing; refused when it is kept in another currency. */
export async function ensurePriceList(tx: Tx, input: Required<NewPriceList>, field: string) {
  const [existing] = await tx.select().from(priceLists).where(eq(priceLists.code, input.code))
  if (!existing) {
    const [created] = await tx
      .insert(priceLists)
      .values({ id: newId('prl'), ...input })
      .onConflictDoNothing()
      .returning()
    // Lost a race with another request creating the same list: use theirs.
    if (!created) return ensurePriceList(tx, input, field)
    return created
  }
  if (existing.currency !== input.currency) {
    throw refused(
      'currency_mismatch',
      `${field}: price list ${input.code} is in ${existing.currency}, the channel sells in ${input.currency}; ` +
        'choose another price list or the same currency.',
      { field },
    )
  }
  return existing
}

export async function listPriceLists(q: Executor, limit: number, cursor?: string) {
  return q
    .select()
    .from(priceLists)
    .where(cursor ? gt(priceLists.id, cursor) : undefined)
    .orderBy(asc(priceLists.id))
    .limit(limit + 1)
}

/** Price lists by code, for the codes that exist. */
export async function priceListsByCode(q: Executor, codes: string[]): Promise<Map<string, PriceListRow>> {
  if (codes.length === 0) return new Map()
  const found = await q
    .select()
    .from(priceLists)
    .where(inArray(priceLists.code, [...new Set(codes)]))
  return new Map(found.map((p) => [p.code, p]))
}

export interface PriceInput {
  sku: string
  amount_cents: number
}

/**
 * Sets many prices of one list at once (a new season's tariff): every SKU must exist, or nothing
 * is written. A price already set is replaced.
 */
export async function setPrices(tx: Tx, ref: string, input: PriceInput[]): Promise<{ updated: number }> {
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
