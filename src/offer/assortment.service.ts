import { sql } from 'drizzle-orm'
import { getChannel } from '../channels/index.ts'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import { invalidInput } from '../shared/errors.ts'
import { type AssortmentFinding, assortmentFindings } from './assortment.domain.ts'
import type { AssortmentStrategy } from './assortment.schema.ts'
import { notFound } from './offer.errors.ts'

export const putCategoryStrategy = inTransaction(putCategoryStrategyIn)

async function putCategoryStrategyIn(
  tx: Tx,
  category: string,
  input: { strategy: AssortmentStrategy; endless_aisle?: boolean },
  actor: string,
) {
  const [known] = await rows(tx, sql`SELECT 1 FROM product WHERE category = ${category} LIMIT 1`)
  if (!known) throw invalidInput('category', `no product is in category ${category}`)
  await tx.execute(
    sql`INSERT INTO category_assortment (category, strategy, endless_aisle, updated_by)
        VALUES (${category}, ${input.strategy}, ${input.endless_aisle ?? true}, ${actor})
        ON CONFLICT (category) DO UPDATE SET strategy = excluded.strategy, endless_aisle = excluded.endless_aisle,
          updated_by = excluded.updated_by, updated_at = now()`,
  )
  return listCategoryStrategies(tx)
}

export async function listCategoryStrategies(q: Executor) {
  return rows<{ category: string; strategy: string; endless_aisle: boolean }>(
    q,
    sql`SELECT category, strategy, endless_aisle FROM category_assortment ORDER BY category`,
  )
}

async function productId(q: Executor, ref: string): Promise<string> {
  const [p] = await rows<{ id: string }>(q, sql`SELECT id FROM product WHERE id = ${ref} OR code = ${ref}`)
  if (!p) throw notFound('product', ref)
  return p.id
}

/** A product that follows another strategy than its category's; null goes back to the category's. */
export const putProductStrategy = inTransaction(putProductStrategyIn)

async function putProductStrategyIn(tx: Tx, ref: string, strategy: AssortmentStrategy | null, actor: string) {
  const id = await productId(tx, ref)
  await tx.execute(
    strategy === null
      ? sql`DELETE FROM product_assortment WHERE product_id = ${id}`
      : sql`INSERT INTO product_assortment (product_id, strategy, updated_by) VALUES (${id}, ${strategy}, ${actor})
            ON CONFLICT (product_id) DO UPDATE SET strategy = excluded.strategy, updated_by = excluded.updated_by,
              updated_at = now()`,
  )
  return { product_id: id, strategy }
}

/** Records why a product is not sold in a channel (a cross-channel product's justified exclusion). */
export const putExclusion = inTransaction(putExclusionIn)

async function putExclusionIn(
  tx: Tx,
  input: { channel: string; product: string; reason: string; note?: string },
  actor: string,
) {
  const channel = await getChannel(tx, input.channel).catch(() => {
    throw invalidInput('channel', `no channel ${input.channel}`)
  })
  const id = await productId(tx, input.product).catch(() => {
    throw invalidInput('product', `no product ${input.product}`)
  })
  await tx.execute(
    sql`INSERT INTO assortment_exclusion (channel_id, product_id, reason, note, actor)
        VALUES (${channel.id}, ${id}, ${input.reason}, ${input.note ?? null}, ${actor})
        ON CONFLICT (channel_id, product_id) DO UPDATE SET reason = excluded.reason, note = excluded.note,
          actor = excluded.actor, created_at = now()`,
  )
  return { channel_id: channel.id, product_id: id, reason: input.reason, note: input.note ?? null }
}

export const deleteExclusion = inTransaction(deleteExclusionIn)

async function deleteExclusionIn(tx: Tx, channelRef: string, productRef: string) {
  const channel = await getChannel(tx, channelRef)
  const id = await productId(tx, productRef)
  const [gone] = await rows(
    tx,
    sql`DELETE FROM assortment_exclusion WHERE channel_id = ${channel.id} AND product_id = ${id} RETURNING 1`,
  )
  if (!gone) throw notFound('assortment_exclusion', `${channel.code}/${productRef}`)
}

/**
 * Every product whose listing breaks its strategy, in product id order from `cursor`: overlaps of
 * selective products, unjustified gaps of cross-channel ones. One statement reads a page of products
 * with a strategy, their channels and their exclusions.
 */
export async function assortmentReport(q: Executor, limit: number, cursor?: string) {
  const channels = await rows<{ id: string; code: string }>(
    q,
    sql`SELECT id, code FROM channel ORDER BY code`,
  )
  const codes = new Map(channels.map((c) => [c.id, c.code]))
  const findings: AssortmentFinding[] = []
  let after = cursor ?? ''
  // Pages of products are read until `limit` findings are found or the catalog ends.
  for (;;) {
    const page = await rows<{
      id: string
      code: string
      category: string
      strategy: AssortmentStrategy
      listed: string[] | null
      excluded: Array<{ channel_id: string; reason: string }> | null
    }>(
      q,
      sql`SELECT p.id, p.code, p.category, coalesce(pa.strategy, ca.strategy) AS strategy,
                 (SELECT array_agg(a.channel_id) FROM assortment a WHERE a.product_id = p.id) AS listed,
                 (SELECT json_agg(json_build_object('channel_id', e.channel_id, 'reason', e.reason))
                  FROM assortment_exclusion e WHERE e.product_id = p.id) AS excluded
          FROM product p
          LEFT JOIN category_assortment ca ON ca.category = p.category
          LEFT JOIN product_assortment pa ON pa.product_id = p.id
          WHERE p.id > ${after} AND coalesce(pa.strategy, ca.strategy) IS NOT NULL
          ORDER BY p.id LIMIT 1000`,
    )
    for (const p of page) {
      after = p.id
      findings.push(
        ...assortmentFindings(
          {
            productId: p.id,
            code: p.code,
            category: p.category,
            strategy: p.strategy,
            listedIn: p.listed ?? [],
            excluded: new Map((p.excluded ?? []).map((e) => [e.channel_id, e.reason])),
          },
          channels.map((c) => c.id),
        ),
      )
      if (findings.length >= limit) break
    }
    if (findings.length >= limit || page.length < 1000) break
  }
  return {
    data: findings.slice(0, limit).map((f) => ({ ...f, channels: f.channels.map((c) => codes.get(c) ?? c) })),
    next_cursor: findings.length >= limit ? findings[limit - 1]!.product_id : null,
  }
}
