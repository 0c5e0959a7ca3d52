import { eq, or } from 'drizzle-orm'
import { priceListsByCode } from '../channels/index.ts'
import type { Tx } from '../db/database.ts'
import type { EventActor } from '../events/index.ts'
import { invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { variantProblem } from './catalog.domain.ts'
import { conflict, refused } from './catalog.errors.ts'
import { products, variants } from './catalog.schema.ts'
import type { ProductRow } from './catalog.view.ts'
import { upsertPrices } from './list-prices.service.ts'

export interface NewVariant {
  sku: string
  /** EAN-13 barcode, check digit included. */
  ean: string
  /** The product name by default. */
  name?: string
  /** Size, colour…: what tells this variant from its siblings. */
  attributes?: Record<string, string>
  /** Grams per unit as shipped. */
  weight_g?: number
  /** Unit price TTC in cents by price list code. */
  prices?: Record<string, number>
}

/** Field path of the i-th variant of a request, ending with "/" (or "" when the body is the variant). */
export type FieldPrefix = (index: number) => string

/** Refuses, naming the field, barcodes that do not scan and SKUs or EANs repeated in the request. */
export function checkVariants(list: readonly NewVariant[], prefix: FieldPrefix) {
  const problem = variantProblem(list)
  if (problem) throw invalidInput(`${prefix(problem.index)}${problem.field}`, problem.message)
}

/**
 * Writes checked variants of a product and their prices. A SKU or EAN already used elsewhere is a
 * 409 naming the value and the product holding it; an unknown price list a 422. The caller's
 * transaction makes it all or nothing.
 */
export async function insertVariants(
  tx: Tx,
  product: ProductRow,
  list: readonly NewVariant[],
  prefix: FieldPrefix,
  actor: EventActor,
) {
  const codes = list.flatMap((v) => Object.keys(v.prices ?? {}))
  const priceLists = await priceListsByCode(tx, codes)
  for (const [i, v] of list.entries()) {
    const unknown = Object.keys(v.prices ?? {}).find((code) => !priceLists.has(code))
    if (unknown !== undefined) {
      const field = `${prefix(i)}prices/${unknown}`
      throw refused('unknown_price_list', `${field}: no price list with code ${unknown}; create it first.`, {
        field,
      })
    }
  }
  const inserted = await tx
    .insert(variants)
    .values(
      list.map((v) => ({
        id: newId('var'),
        productId: product.id,
        sku: v.sku,
        ean: v.ean,
        name: v.name ?? product.name,
        attributes: v.attributes ?? {},
        weightG: v.weight_g ?? null,
      })),
    )
    // One statement in the usual case; a taken SKU or EAN is then looked up to say by whom.
    .onConflictDoNothing()
    .returning({ sku: variants.sku })
  if (inserted.length < list.length) await refuseTaken(tx, list, new Set(inserted.map((v) => v.sku)), prefix)
  const byList = new Map<string, Array<{ sku: string; amountCents: number }>>()
  for (const v of list) {
    for (const [code, amountCents] of Object.entries(v.prices ?? {})) {
      const id = priceLists.get(code)!.id
      byList.set(id, [...(byList.get(id) ?? []), { sku: v.sku, amountCents }])
    }
  }
  for (const [priceListId, rows] of byList) await upsertPrices(tx, priceListId, rows, actor)
}

async function refuseTaken(tx: Tx, list: readonly NewVariant[], inserted: Set<string>, prefix: FieldPrefix) {
  const index = list.findIndex((v) => !inserted.has(v.sku))
  const v = list[index]!
  const holders = await tx
    .select({ sku: variants.sku, ean: variants.ean, productCode: products.code })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(or(eq(variants.sku, v.sku), eq(variants.ean, v.ean)))
  const bySku = holders.find((h) => h.sku === v.sku)
  const [field, value, holder] = bySku
    ? ['sku', v.sku, bySku]
    : ['ean', v.ean, holders.find((h) => h.ean === v.ean)]
  const path = `${prefix(index)}${field}`
  throw conflict(
    'already_exists',
    `${path}: ${field.toUpperCase()} ${value} is already used by product ${holder?.productCode ?? 'another product'}.`,
    { field: path, value },
  )
}
