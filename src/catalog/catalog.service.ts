import { and, asc, eq, exists, gt, ilike, inArray, or, sql } from 'drizzle-orm'
import { channelsByRef } from '../channels/index.ts'
import { type Executor, inTransaction, type Tx } from '../db/database.ts'
import { byApiKey, bySystem } from '../events/index.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { eanProblem, frenchVatRate } from './catalog.domain.ts'
import { conflict, fail, notFound, refused } from './catalog.errors.ts'
import { products, variants } from './catalog.schema.ts'
import {
  type ProductRow,
  type ProductView,
  productViews,
  type ScannedVariant,
  scannedVariant,
} from './catalog.view.ts'
import { listedIn, listInChannels } from './listings.service.ts'
import { checkVariants, insertVariants, type NewVariant } from './variants.service.ts'

export type { NewVariant } from './variants.service.ts'

export interface NewProduct {
  code: string
  name: string
  category: string
  /** Percent: 20, 10, 5.5 or 2.1. */
  vat_rate: number
  brand?: string
  description?: string
  variants: NewVariant[]
  /** Channels (ids or codes) listing the product from the start. */
  channels?: string[]
}

export interface ProductChange {
  name?: string
  category?: string
  brand?: string
  description?: string
  vat_rate?: number
}

export interface ProductFilter {
  /** Part of a name, product code or SKU, any case. */
  q?: string
  category?: string
  /** Only products this channel (id) lists. */
  channelId?: string
}

/** The product named by this id or code. */
export async function getProduct(q: Executor, ref: string, listedInChannel?: string): Promise<ProductRow> {
  const [row] = await q
    .select()
    .from(products)
    .where(
      and(
        or(eq(products.id, ref), eq(products.code, ref)),
        listedInChannel ? inArray(products.id, listedIn(q, listedInChannel)) : undefined,
      ),
    )
    .orderBy(sql`${products.id} = ${ref} DESC`)
    .limit(1)
  if (!row) throw notFound('product', ref)
  return row
}

/** A product with its variants, prices and channels; with `listedInChannel`, only if that channel lists it. */
export async function getProductView(
  q: Executor,
  ref: string,
  listedInChannel?: string,
): Promise<ProductView> {
  const [view] = await productViews(q, [await getProduct(q, ref, listedInChannel)])
  return view!
}

/**
 * Creates a product, its variants, their prices and its listings in one transaction: any refused
 * value (bad barcode, SKU or EAN already used, unknown price list or channel) writes nothing.
 */
export async function createProduct(tx: Tx, input: NewProduct, actor?: Actor): Promise<ProductView> {
  const vatRateBp = vatRate(input.vat_rate)
  checkVariants(input.variants, (i) => `variants/${i}/`)
  const channelRefs = input.channels ?? []
  const channels = await channelsByRef(tx, channelRefs)
  const unknown = channelRefs.findIndex((r) => !channels.has(r))
  if (unknown >= 0) {
    const field = `channels/${unknown}`
    throw refused('unknown_channel', `${field}: no channel with id or code ${channelRefs[unknown]}.`, {
      field,
    })
  }
  const [product] = await tx
    .insert(products)
    .values({
      id: newId('prd'),
      code: input.code,
      name: input.name,
      category: input.category,
      vatRateBp,
      brand: input.brand ?? '',
      description: input.description ?? '',
    })
    .onConflictDoNothing()
    .returning()
  if (!product) {
    throw conflict('already_exists', `code: a product with code ${input.code} already exists.`, {
      field: 'code',
      value: input.code,
    })
  }
  await insertVariants(tx, product, input.variants, (i) => `variants/${i}/`, eventActorOf(actor))
  await listInChannels(
    tx,
    channelRefs.map((r) => channels.get(r)!.id),
    [product.id],
  )
  return (await productViews(tx, [product]))[0]!
}

/** Prices written with a product are recorded as changed by its key (by the system when loaded). */
const eventActorOf = (actor: Actor | undefined) => (actor ? byApiKey(actor.keyId) : bySystem)

/** Adds one variant (a new size or colour) to a product, with the same checks as at creation. */
export async function addVariant(
  tx: Tx,
  ref: string,
  input: NewVariant,
  actor?: Actor,
): Promise<ProductView> {
  const product = await getProduct(tx, ref)
  checkVariants([input], () => '')
  await insertVariants(tx, product, [input], () => '', eventActorOf(actor))
  await tx.update(products).set({ updatedAt: new Date() }).where(eq(products.id, product.id))
  return getProductView(tx, product.id)
}

export const updateProduct = inTransaction(updateProductIn)

async function updateProductIn(tx: Tx, ref: string, change: ProductChange): Promise<ProductView> {
  const product = await getProduct(tx, ref)
  await tx
    .update(products)
    .set({
      ...(change.name === undefined ? {} : { name: change.name }),
      ...(change.category === undefined ? {} : { category: change.category }),
      ...(change.brand === undefined ? {} : { brand: change.brand }),
      ...(change.description === undefined ? {} : { description: change.description }),
      ...(change.vat_rate === undefined ? {} : { vatRateBp: vatRate(change.vat_rate) }),
      updatedAt: new Date(),
    })
    .where(eq(products.id, product.id))
  return getProductView(tx, product.id)
}

/** Products matching every filter, ordered by id, `limit + 1` of them for `toPage`. */
export async function listProducts(
  q: Executor,
  filter: ProductFilter,
  limit: number,
  cursor?: string,
): Promise<ProductView[]> {
  const needle = filter.q?.trim()
  const pattern = needle ? `%${escapeLike(needle)}%` : undefined
  const rows = await q
    .select()
    .from(products)
    .where(
      and(
        filter.category ? eq(products.category, filter.category) : undefined,
        filter.channelId ? inArray(products.id, listedIn(q, filter.channelId)) : undefined,
        pattern
          ? or(
              ilike(products.name, pattern),
              ilike(products.code, pattern),
              exists(
                q
                  .select({ one: sql`1` })
                  .from(variants)
                  .where(and(eq(variants.productId, products.id), ilike(variants.sku, pattern))),
              ),
            )
          : undefined,
        cursor ? gt(products.id, cursor) : undefined,
      ),
    )
    .orderBy(asc(products.id))
    .limit(limit + 1)
  return productViews(q, rows)
}

/**
 * The variant a till scans (by EAN) or a clerk types (by SKU); with `listedInChannel`, only if that
 * channel lists its product. A barcode with a wrong check digit is a misread, said as such.
 */
export async function findVariant(
  q: Executor,
  by: { ean?: string; sku?: string },
  listedInChannel?: string,
): Promise<ScannedVariant> {
  if (by.ean === undefined && by.sku === undefined) {
    throw invalidInput('ean', 'give the scanned barcode as ean, or a sku')
  }
  if (by.ean !== undefined) {
    const bad = eanProblem(by.ean)
    if (bad) throw invalidInput('ean', bad)
  }
  const [hit] = await q
    .select({ variant: variants, product: products })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(
      and(
        by.ean !== undefined ? eq(variants.ean, by.ean) : undefined,
        by.sku !== undefined ? eq(variants.sku, by.sku) : undefined,
        listedInChannel ? inArray(products.id, listedIn(q, listedInChannel)) : undefined,
      ),
    )
    .limit(1)
  if (!hit) {
    const what = [by.ean && `EAN ${by.ean}`, by.sku && `SKU ${by.sku}`].filter(Boolean).join(' and ')
    throw fail('variant_not_found', `No variant with ${what}${listedInChannel ? ' in this channel' : ''}.`, {
      ...by,
    })
  }
  return scannedVariant(q, hit.variant, hit.product)
}

function vatRate(percent: number): number {
  const bp = frenchVatRate(percent)
  if (bp === null) {
    throw invalidInput('vat_rate', `${percent} is not a French VAT rate; use 20, 10, 5.5 or 2.1 (percent)`)
  }
  return bp
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** A channel key sees its own channel's products only; other keys may ask for one channel's. */
async function channelScope(q: Executor, actor: Actor, requested?: string): Promise<string | undefined> {
  const channel = requested ? (await channelsByRef(q, [requested])).get(requested) : undefined
  if (actor.role === 'channel') {
    if (requested && channel?.id !== actor.channelId) {
      throw forbidden('A channel key sees the products of its own channel only.')
    }
    return actor.channelId ?? undefined
  }
  if (requested && !channel) throw invalidInput('channel', `no channel with id or code ${requested}`)
  return channel?.id
}

/** Products found by text, category and channel (`channel`: id or code), within what the key may see. */
export async function listProductsFor(
  q: Executor,
  actor: Actor,
  filter: Omit<ProductFilter, 'channelId'> & { channel?: string },
  limit: number,
  cursor?: string,
) {
  const { channel, ...rest } = filter
  return listProducts(q, { ...rest, channelId: await channelScope(q, actor, channel) }, limit, cursor)
}

/** A product, if the key's channel lists it (other keys see every product). */
export async function getProductFor(q: Executor, actor: Actor, ref: string) {
  return getProductView(q, ref, await channelScope(q, actor))
}

/** A variant scanned (EAN) or typed (SKU), if the key's channel lists it. */
export async function findVariantFor(q: Executor, actor: Actor, by: { ean?: string; sku?: string }) {
  return findVariant(q, by, await channelScope(q, actor))
}
