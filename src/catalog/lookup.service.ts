import { inArray, or } from 'drizzle-orm'
import type { Executor } from '../db/database.ts'
import { products, variants } from './catalog.schema.ts'

/*
 * The look-ups other capabilities make in the catalog (does this SKU exist, which product does a
 * code name). Kept apart from catalog.service because the catalog itself uses channels (assortment,
 * prices) and channels use these: one direction of imports each way, no cycle.
 */

export interface ProductRef {
  id: string
  code: string
}

/** The products named by these ids or codes, keyed by every ref that names one. */
export async function productsByRef(q: Executor, refs: string[]): Promise<Map<string, ProductRef>> {
  const wanted = [...new Set(refs)]
  if (wanted.length === 0) return new Map()
  const found = await q
    .select({ id: products.id, code: products.code })
    .from(products)
    .where(or(inArray(products.id, wanted), inArray(products.code, wanted)))
  const byRef = new Map<string, ProductRef>()
  for (const p of found) byRef.set(p.code, p)
  // An id wins over a code that happens to spell it.
  for (const p of found) byRef.set(p.id, p)
  return byRef
}

/** Which of these SKUs the catalog knows. */
export async function knownSkus(q: Executor, skus: string[]): Promise<Set<string>> {
  const wanted = [...new Set(skus)]
  if (wanted.length === 0) return new Set()
  const found = await q.select({ sku: variants.sku }).from(variants).where(inArray(variants.sku, wanted))
  return new Set(found.map((v) => v.sku))
}

/** The unit weight in grams of these SKUs, as shipped; a SKU whose weight is not known is left out. */
export async function unitWeights(q: Executor, skus: string[]): Promise<Map<string, number>> {
  const wanted = [...new Set(skus)]
  if (wanted.length === 0) return new Map()
  const found = await q
    .select({ sku: variants.sku, weightG: variants.weightG })
    .from(variants)
    .where(inArray(variants.sku, wanted))
  return new Map(found.filter((v) => v.weightG !== null).map((v) => [v.sku, v.weightG!]))
}
