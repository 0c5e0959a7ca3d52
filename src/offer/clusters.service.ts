import { sql } from 'drizzle-orm'
import { getChannel, getPriceList } from '../channels/index.ts'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import { invalidInput } from '../shared/errors.ts'
import { notFound } from './offer.errors.ts'

export interface ListingRuleInput {
  cluster: string
  category?: string
  product?: string
  listed: boolean
  reason?: string
}

interface RuleRow {
  cluster: string
  target_kind: 'category' | 'product'
  target: string
  product_code: string | null
  listed: boolean
  reason: string | null
  updated_by: string | null
  updated_at: Date | string
}

const ruleView = (r: RuleRow) => ({
  cluster: r.cluster,
  category: r.target_kind === 'category' ? r.target : null,
  product_id: r.target_kind === 'product' ? r.target : null,
  product_code: r.product_code,
  listed: r.listed,
  reason: r.reason,
  updated_by: r.updated_by,
  updated_at: new Date(r.updated_at).toISOString(),
})

/** The rule's target: exactly one of a category or a product (id or code). */
async function targetOf(q: Executor, input: { category?: string; product?: string }) {
  if ((input.category === undefined) === (input.product === undefined))
    throw invalidInput('category', 'give either a category or a product')
  if (input.category !== undefined) return { kind: 'category' as const, target: input.category }
  const [p] = await rows<{ id: string }>(
    q,
    sql`SELECT id FROM product WHERE id = ${input.product} OR code = ${input.product} LIMIT 1`,
  )
  if (!p) throw invalidInput('product', `no product with id or code ${input.product}`)
  return { kind: 'product' as const, target: p.id }
}

async function assertClusterExists(q: Executor, cluster: string) {
  const found = await rows(q, sql`SELECT 1 FROM location WHERE cluster = ${cluster} LIMIT 1`)
  if (found.length === 0) throw invalidInput('cluster', `no store belongs to cluster ${cluster} yet`)
}

export const putListingRule = inTransaction(putListingRuleIn)

export async function putListingRuleIn(tx: Tx, input: ListingRuleInput, actor: string) {
  await assertClusterExists(tx, input.cluster)
  const { kind, target } = await targetOf(tx, input)
  if (!input.listed && !input.reason) throw invalidInput('reason', 'say why the cluster does not carry it')
  await tx.execute(
    sql`INSERT INTO cluster_listing (cluster, target_kind, target, listed, reason, updated_by)
        VALUES (${input.cluster}, ${kind}, ${target}, ${input.listed}, ${input.reason ?? null}, ${actor})
        ON CONFLICT (cluster, target_kind, target) DO UPDATE
          SET listed = excluded.listed, reason = excluded.reason, updated_by = excluded.updated_by, updated_at = now()`,
  )
  return (await listListingRules(tx, input.cluster)).find(
    (r) => (kind === 'category' ? r.category : r.product_id) === target,
  )!
}

export const deleteListingRule = inTransaction(deleteListingRuleIn)

async function deleteListingRuleIn(tx: Tx, input: { cluster: string; category?: string; product?: string }) {
  const { kind, target } = await targetOf(tx, input)
  const gone = await rows(
    tx,
    sql`DELETE FROM cluster_listing WHERE cluster = ${input.cluster} AND target_kind = ${kind} AND target = ${target}
        RETURNING 1`,
  )
  if (gone.length === 0) throw notFound('cluster_listing', `${input.cluster}/${target}`)
}

export async function listListingRules(q: Executor, cluster?: string) {
  const found = await rows<RuleRow>(
    q,
    sql`SELECT cl.*, p.code AS product_code FROM cluster_listing cl
        LEFT JOIN product p ON cl.target_kind = 'product' AND p.id = cl.target
        WHERE ${cluster ?? null}::text IS NULL OR cl.cluster = ${cluster ?? null}
        ORDER BY cl.cluster, cl.target_kind, cl.target`,
  )
  return found.map(ruleView)
}

export const putClusterPriceList = inTransaction(putClusterPriceListIn)

async function putClusterPriceListIn(
  tx: Tx,
  input: { channel: string; cluster: string; price_list: string },
) {
  await assertClusterExists(tx, input.cluster)
  const channel = await getChannel(tx, input.channel)
  const list = await getPriceList(tx, input.price_list)
  if (list.id === channel.priceListId)
    throw invalidInput('price_list', 'is already the channel’s own list; a cluster list holds its own prices')
  await tx.execute(
    sql`INSERT INTO cluster_price_list (channel_id, cluster, price_list_id) VALUES (${channel.id}, ${input.cluster}, ${list.id})
        ON CONFLICT (channel_id, cluster) DO UPDATE SET price_list_id = excluded.price_list_id, updated_at = now()`,
  )
  return (await listClusterPriceLists(tx)).find(
    (c) => c.channel_id === channel.id && c.cluster === input.cluster,
  )!
}

export const deleteClusterPriceList = inTransaction(deleteClusterPriceListIn)

async function deleteClusterPriceListIn(tx: Tx, channelRef: string, cluster: string) {
  const channel = await getChannel(tx, channelRef)
  const gone = await rows(
    tx,
    sql`DELETE FROM cluster_price_list WHERE channel_id = ${channel.id} AND cluster = ${cluster} RETURNING 1`,
  )
  if (gone.length === 0) throw notFound('cluster_price_list', `${channelRef}/${cluster}`)
}

export async function listClusterPriceLists(q: Executor) {
  return rows<{
    channel_id: string
    channel: string
    cluster: string
    price_list_id: string
    price_list: string
  }>(
    q,
    sql`SELECT cpl.channel_id, c.code AS channel, cpl.cluster, cpl.price_list_id, pl.code AS price_list
        FROM cluster_price_list cpl JOIN channel c ON c.id = cpl.channel_id JOIN price_list pl ON pl.id = cpl.price_list_id
        ORDER BY c.code, cpl.cluster`,
  )
}

/** The price list a store's cluster has in a channel, if any. */
export async function clusterListOf(
  q: Executor,
  channelId: string,
  storeRef: string,
): Promise<string | null> {
  const [found] = await rows<{ price_list_id: string }>(
    q,
    sql`SELECT cpl.price_list_id FROM location l
        JOIN cluster_price_list cpl ON cpl.cluster = l.cluster AND cpl.channel_id = ${channelId}
        WHERE l.id = ${storeRef} OR l.code = ${storeRef}`,
  )
  return found?.price_list_id ?? null
}
