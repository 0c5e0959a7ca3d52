import { asc, eq, gt, inArray, or, sql } from 'drizzle-orm'
import type { Executor, Tx } from '../db/database.ts'
import { newId } from '../shared/ids.ts'
import { conflict, notFound, refused } from './channels.errors.ts'
import { priceLists } from './channels.schema.ts'

/* The price lists a channel sells from (their code, name and currency); the prices in them are the catalog's. */

export type PriceListRow = typeof priceLists.$inferSelect

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
