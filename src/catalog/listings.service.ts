import { and, asc, count, eq, gt, inArray } from 'drizzle-orm'
import { assortment, channels, getChannel } from '../channels/index.ts'
import { type Executor, inTransaction, type Tx } from '../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { refused } from './catalog.errors.ts'
import { productsByRef } from './lookup.service.ts'

export interface AssortmentChange {
  add?: string[]
  remove?: string[]
}

/**
 * Lists products in a channel and delists others, all or nothing (selective distribution: each
 * channel its own range). Products are named by id or code; an unknown one refuses the whole change.
 */
export const changeAssortment = inTransaction(changeAssortmentIn)

async function changeAssortmentIn(tx: Tx, ref: string, change: AssortmentChange) {
  const channel = await getChannel(tx, ref)
  const add = change.add ?? []
  const remove = change.remove ?? []
  const products = await productsByRef(tx, [...add, ...remove])
  const resolve = (refs: string[], list: 'add' | 'remove') =>
    refs.map((r, i) => {
      const product = products.get(r)
      if (!product) {
        const field = `${list}/${i}`
        throw refused('unknown_product', `${field}: no product with id or code ${r}.`, { field })
      }
      return product.id
    })
  const added = resolve(add, 'add')
  const removed = resolve(remove, 'remove')
  const both = removed.findIndex((id) => added.includes(id))
  if (both >= 0)
    throw invalidInput(`remove/${both}`, 'this product is also in add; list or delist it, not both')
  await listInChannels(tx, [channel.id], added)
  if (removed.length > 0) {
    await tx
      .delete(assortment)
      .where(and(eq(assortment.channelId, channel.id), inArray(assortment.productId, removed)))
  }
  const [listed] = await tx
    .select({ n: count() })
    .from(assortment)
    .where(eq(assortment.channelId, channel.id))
  return { channelId: channel.id, listedCount: listed?.n ?? 0 }
}

/** The products a channel lists, ordered by product id, `limit + 1` rows for `toPage`. */
export async function listAssortment(q: Executor, ref: string, limit: number, cursor?: string) {
  const channel = await getChannel(q, ref)
  const listed = await q
    .select({ productId: assortment.productId })
    .from(assortment)
    .where(and(eq(assortment.channelId, channel.id), cursor ? gt(assortment.productId, cursor) : undefined))
    .orderBy(asc(assortment.productId))
    .limit(limit + 1)
  const products = await productsByRef(
    q,
    listed.map((l) => l.productId),
  )
  return listed.map((l) => ({ productId: l.productId, productCode: products.get(l.productId)?.code ?? '' }))
}

/** Lists products in channels (already listed ones stay as they are). */
export async function listInChannels(tx: Tx, channelIds: string[], productIds: string[]) {
  const unique = [...new Set(productIds)]
  const rows = channelIds.flatMap((channelId) => unique.map((productId) => ({ channelId, productId })))
  if (rows.length > 0) await tx.insert(assortment).values(rows).onConflictDoNothing()
}

/** The codes of the channels listing each product. */
export async function channelCodesOf(q: Executor, productIds: string[]): Promise<Map<string, string[]>> {
  const byProduct = new Map<string, string[]>()
  if (productIds.length === 0) return byProduct
  const found = await q
    .select({ productId: assortment.productId, code: channels.code })
    .from(assortment)
    .innerJoin(channels, eq(channels.id, assortment.channelId))
    .where(inArray(assortment.productId, productIds))
    .orderBy(asc(channels.code))
  for (const f of found) byProduct.set(f.productId, [...(byProduct.get(f.productId) ?? []), f.code])
  return byProduct
}

/** Subquery of the ids of the products a channel lists, to filter a product query. */
export function listedIn(q: Executor, channelId: string) {
  return q
    .select({ productId: assortment.productId })
    .from(assortment)
    .where(eq(assortment.channelId, channelId))
}

/** A channel's assortment as the API shows it; a channel key reads its own channel's only. */
export async function channelAssortment(
  q: Executor,
  actor: Actor,
  ref: string,
  limit: number,
  cursor?: string,
) {
  if (actor.role === 'channel' && (await getChannel(q, ref)).id !== actor.channelId) {
    throw forbidden('A channel key reads the assortment of its own channel only.')
  }
  const list = await listAssortment(q, ref, limit, cursor)
  return list.map((p) => ({ product_id: p.productId, product_code: p.productCode }))
}
