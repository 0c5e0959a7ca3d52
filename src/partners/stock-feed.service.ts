import { sql } from 'drizzle-orm'
import { getChannel } from '../channels/index.ts'
import { type Db, type Executor, rows, type Tx } from '../db/database.ts'
import { type EventActor, partnerEvents, recordEvents } from '../events/index.ts'
import type { Actor } from '../shared/actor.ts'
import { invalidInput } from '../shared/errors.ts'
import { notFound, refused } from './partners.errors.ts'
import { type FeedItem, feedChanges, offeredUnits, type StockBuffer } from './stock-feed.domain.ts'

export interface FeedSettingsInput {
  skus?: string[]
  categories?: string[]
  location_ids: string[]
  buffer_bp?: number
  buffer_units?: number
}

interface FeedRow {
  channel_id: string
  skus: string[]
  categories: string[]
  location_ids: string[]
  buffer_bp: number
  buffer_units: number
  last_seq: number | string
  updated_at: Date | string
}

/**
 * The partner channel whose feed a request reads or sets. A channel key reads its own feed only:
 * another channel's is answered as absent (404), so a partner learns nothing of another's feed.
 */
async function feedChannel(q: Executor, actor: Actor, ref: string) {
  const channel = await getChannel(q, ref)
  if (actor.role === 'channel' && actor.channelId !== channel.id) throw notFound('stock_feed', ref)
  if (channel.kind !== 'partner')
    throw refused('not_a_partner', `The channel ${channel.code} is not a partner.`)
  return channel
}

const json = (v: unknown) => JSON.stringify(v)

/** Each listed SKU known, each category holding a product, each location known: else 400 naming the entry. */
async function checkedSettings(q: Executor, input: FeedSettingsInput) {
  const skus = [...new Set(input.skus ?? [])]
  const categories = [...new Set(input.categories ?? [])]
  if (skus.length === 0 && categories.length === 0) {
    throw invalidInput('skus', 'name the SKUs the partner may sell, or their categories (categories)')
  }
  const known = await rows<{ sku: string }>(
    q,
    sql`SELECT sku FROM variant WHERE sku IN (SELECT jsonb_array_elements_text(${json(skus)}::jsonb))`,
  )
  const knownSkus = new Set(known.map((r) => r.sku))
  const sku = (input.skus ?? []).findIndex((s) => !knownSkus.has(s))
  if (sku >= 0) throw invalidInput(`skus/${sku}`, `no product has the SKU ${input.skus![sku]}`)
  const used = await rows<{ category: string }>(
    q,
    sql`SELECT DISTINCT category FROM product
        WHERE category IN (SELECT jsonb_array_elements_text(${json(categories)}::jsonb))`,
  )
  const usedCategories = new Set(used.map((r) => r.category))
  const cat = (input.categories ?? []).findIndex((c) => !usedCategories.has(c))
  if (cat >= 0) {
    throw invalidInput(`categories/${cat}`, `no product is in the category ${input.categories![cat]}`)
  }
  const locs = await rows<{ id: string; code: string }>(
    q,
    sql`SELECT id, code FROM location WHERE id IN (SELECT jsonb_array_elements_text(${json(input.location_ids)}::jsonb))
          OR code IN (SELECT jsonb_array_elements_text(${json(input.location_ids)}::jsonb))`,
  )
  const locationIds = input.location_ids.map((ref, i) => {
    const loc = locs.find((l) => l.id === ref) ?? locs.find((l) => l.code === ref)
    if (!loc) throw invalidInput(`location_ids/${i}`, `no location has the id or code ${ref}`)
    return loc.id
  })
  return {
    skus,
    categories,
    locationIds: [...new Set(locationIds)],
    bufferBp: input.buffer_bp ?? 0,
    bufferUnits: input.buffer_units ?? 0,
  }
}

/**
 * Sets what a partner may sell and from where, and brings its feed in line at once: the SKUs that
 * enter it are offered, those that leave it drop to 0, each change numbered after the feed's last.
 */
export async function putFeedSettings(tx: Tx, actor: Actor, ref: string, input: FeedSettingsInput) {
  const channel = await feedChannel(tx, actor, ref)
  const s = await checkedSettings(tx, input)
  await tx.execute(
    sql`INSERT INTO partner_stock_feed (channel_id, skus, categories, location_ids, buffer_bp, buffer_units)
        VALUES (${channel.id}, ${json(s.skus)}::jsonb, ${json(s.categories)}::jsonb, ${json(s.locationIds)}::jsonb,
          ${s.bufferBp}, ${s.bufferUnits})
        ON CONFLICT (channel_id) DO UPDATE SET skus = excluded.skus, categories = excluded.categories,
          location_ids = excluded.location_ids, buffer_bp = excluded.buffer_bp,
          buffer_units = excluded.buffer_units, updated_at = now()`,
  )
  await refreshFeed(tx, channel.id, null, { kind: 'api_key', id: actor.keyId })
  return getFeedSettings(tx, actor, ref)
}

export async function getFeedSettings(q: Executor, actor: Actor, ref: string) {
  const channel = await feedChannel(q, actor, ref)
  const [f] = await rows<FeedRow & { offered: number }>(
    q,
    sql`SELECT f.*, (SELECT count(*) FROM partner_stock_item i
                     WHERE i.channel_id = f.channel_id AND i.offered AND i.quantity > 0)::int AS offered
        FROM partner_stock_feed f WHERE f.channel_id = ${channel.id}`,
  )
  if (!f) throw notFound('stock_feed', ref)
  return {
    channel: { id: channel.id, code: channel.code, name: channel.name },
    skus: f.skus,
    categories: f.categories,
    location_ids: f.location_ids,
    buffer_bp: f.buffer_bp,
    buffer_units: f.buffer_units,
    skus_in_stock: f.offered,
    cursor: String(f.last_seq),
    updated_at: new Date(f.updated_at).toISOString(),
  }
}

/**
 * Brings a partner's feed in line with the stock, for these SKUs (null: every SKU of the feed), in
 * the caller's transaction: one read of what the partner may sell and what the brand has available
 * at its locations, the decision in the domain, one write of the rows that change, numbered after
 * the feed's last change (the feed row is locked, so numbers are taken in commit order), and their
 * `partner.stock_changed` events. Returns how many rows changed.
 */
export async function refreshFeed(
  tx: Tx,
  channelId: string,
  skus: readonly string[] | null,
  actor: EventActor,
): Promise<number> {
  const [feed] = await rows<FeedRow>(
    tx,
    sql`SELECT * FROM partner_stock_feed WHERE channel_id = ${channelId} FOR UPDATE`,
  )
  if (!feed) return 0
  const only =
    skus === null ? sql`` : sql`AND v.sku IN (SELECT jsonb_array_elements_text(${json(skus)}::jsonb))`
  // What the partner may sell now (listed for its channel, by SKU or category) with what the brand's
  // channels leave available at the partner's locations: on hand − reserved − safety stock, per location.
  const scope = await rows<{ sku: string; available: number }>(
    tx,
    sql`SELECT v.sku, coalesce((
          SELECT sum(greatest(s.on_hand - s.reserved - s.safety_stock, 0)) FROM stock_level s
          WHERE s.sku = v.sku AND s.location_id IN (SELECT jsonb_array_elements_text(${json(feed.location_ids)}::jsonb))
        ), 0)::int AS available
        FROM variant v JOIN product p ON p.id = v.product_id
        WHERE (v.sku IN (SELECT jsonb_array_elements_text(${json(feed.skus)}::jsonb))
               OR p.category IN (SELECT jsonb_array_elements_text(${json(feed.categories)}::jsonb)))
          AND EXISTS (SELECT 1 FROM assortment a WHERE a.channel_id = ${channelId} AND a.product_id = v.product_id)
          ${only}`,
  )
  const current = await rows<FeedItem>(
    tx,
    sql`SELECT sku, quantity, offered FROM partner_stock_item WHERE channel_id = ${channelId}
        ${skus === null ? sql`` : sql`AND sku IN (SELECT jsonb_array_elements_text(${json(skus)}::jsonb))`}`,
  )
  const buffer: StockBuffer = { bufferBp: feed.buffer_bp, bufferUnits: feed.buffer_units }
  const changes = feedChanges(
    new Map(current.map((c) => [c.sku, c])),
    new Map(scope.map((r) => [r.sku, offeredUnits(r.available, buffer)])),
  )
  if (changes.length === 0) return 0
  const first = Number(feed.last_seq) + 1
  const numbered = changes.map((c, i) => ({ ...c, seq: first + i }))
  const last = first + changes.length - 1
  await tx.execute(
    sql`WITH c AS (
          SELECT * FROM jsonb_to_recordset(${json(numbered)}::jsonb)
            AS x(sku text, quantity int, offered boolean, seq bigint)
        ), up AS (
          INSERT INTO partner_stock_item (channel_id, sku, quantity, offered, seq)
          SELECT ${channelId}, sku, quantity, offered, seq FROM c
          ON CONFLICT (channel_id, sku) DO UPDATE SET quantity = excluded.quantity, offered = excluded.offered,
            seq = excluded.seq, updated_at = now()
        )
        UPDATE partner_stock_feed SET last_seq = ${last} WHERE channel_id = ${channelId}`,
  )
  const events = []
  for (let i = 0; i < numbered.length; i += 500) {
    const part = numbered.slice(i, i + 500)
    events.push(
      partnerEvents.event('partner.stock_changed', {
        aggregateId: channelId,
        actor,
        payload: {
          channel_id: channelId,
          cursor: String(part.at(-1)!.seq),
          items: part.map((c) => ({ sku: c.sku, quantity: c.quantity, offered: c.offered })),
        },
      }),
    )
  }
  await recordEvents(tx, events)
  return changes.length
}

/** Brings every partner's feed in line for these SKUs (null: every SKU). */
export async function refreshFeeds(tx: Tx, skus: readonly string[] | null, actor: EventActor) {
  const feeds = await rows<{ channel_id: string }>(
    tx,
    sql`SELECT channel_id FROM partner_stock_feed ORDER BY channel_id`,
  )
  let changed = 0
  for (const f of feeds) changed += await refreshFeed(tx, f.channel_id, skus, actor)
  return changed
}

export interface FeedPage {
  channel: { id: string; code: string }
  snapshot: boolean
  cursor: string
  has_more: boolean
  items: Array<{
    sku: string
    ean: string | null
    name: string | null
    quantity: number
    offered: boolean
    updated_at: string
  }>
}

/**
 * A partner's feed: without a cursor, a snapshot of every SKU it is offered; with the cursor a
 * previous page answered, each SKU whose offer changed since (a SKU no longer offered comes at 0,
 * `offered: false`). Pages of `limit` rows in change order; `cursor` of the answer is the next one
 * to pass. The feed first catches up with the stock events committed so far (`catchUp`).
 */
export async function readFeed(
  db: Db,
  actor: Actor,
  ref: string,
  query: { cursor?: string; limit?: number },
  catchUp: () => Promise<unknown>,
): Promise<FeedPage> {
  const channel = await feedChannel(db, actor, ref)
  const after = query.cursor === undefined ? 0 : Number(query.cursor)
  if (!Number.isSafeInteger(after)) throw invalidInput('cursor', 'pass back the cursor a feed page answered')
  await catchUp()
  const limit = query.limit ?? 1000
  const snapshot = query.cursor === undefined
  // The page and the feed's last change in one statement (one view of the data): the cursor of a last
  // page is the feed's last change, so a snapshot goes on from there even past unoffered rows.
  const found = await rows<{
    feed_seq: number | string
    sku: string | null
    ean: string | null
    name: string | null
    quantity: number
    offered: boolean
    seq: number | string
    updated_at: Date | string
  }>(
    db,
    sql`SELECT f.last_seq AS feed_seq, x.* FROM partner_stock_feed f
        LEFT JOIN LATERAL (
          SELECT i.sku, v.ean, p.name, i.quantity, i.offered, i.seq, i.updated_at
          FROM partner_stock_item i
          LEFT JOIN variant v ON v.sku = i.sku LEFT JOIN product p ON p.id = v.product_id
          WHERE i.channel_id = f.channel_id AND i.seq > ${after} ${snapshot ? sql`AND i.offered` : sql``}
          ORDER BY i.seq LIMIT ${limit + 1}
        ) x ON true
        WHERE f.channel_id = ${channel.id}
        ORDER BY x.seq`,
  )
  if (found.length === 0) throw notFound('stock_feed', ref)
  const listed = found.filter((r) => r.sku !== null)
  const hasMore = listed.length > limit
  const page = listed.slice(0, limit)
  const feedSeq = Number(found[0]!.feed_seq)
  const cursor = hasMore ? Number(page.at(-1)!.seq) : Math.max(after, feedSeq)
  return {
    channel: { id: channel.id, code: channel.code },
    snapshot,
    cursor: String(cursor),
    has_more: hasMore,
    items: page.map((r) => ({
      sku: r.sku!,
      ean: r.ean,
      name: r.name,
      quantity: r.quantity,
      offered: r.offered,
      updated_at: new Date(r.updated_at).toISOString(),
    })),
  }
}
