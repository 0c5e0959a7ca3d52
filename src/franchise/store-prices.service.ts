import { type SQL, sql } from 'drizzle-orm'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import { byApiKey, type EventActor, outboxInsertFrom, priceEvents, recordEvents } from '../events/index.ts'
import type { ObservedStorePrice } from '../offer/index.ts'
import type { Actor } from '../shared/actor.ts'
import { invalidInput } from '../shared/errors.ts'
import { notFound, refused } from './franchise.errors.ts'
import { franchiseeFor } from './statements.service.ts'

/**
 * Franchisees price their own stores (French competition law: the brand recommends resale prices and
 * may set maximums, it never imposes them). Writes are serialised by one lock: a franchisee's price
 * and a maximum lowered at the same moment cannot leave a price above the maximum.
 */
const STORE_PRICE_LOCK = 0x73707263 // 'sprc'

async function lockStorePrices(tx: Tx) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${STORE_PRICE_LOCK})`)
}

interface FranchisedStore {
  franchiseeId: string
  locationId: string
  cluster: string | null
}

/** The store, if it is one of this franchisee's (another's, or none, answers 404 for both). */
async function storeOf(q: Executor, actor: Actor, franchiseeRef: string, storeRef: string) {
  const f = await franchiseeFor(q, actor, franchiseeRef)
  const [s] = await rows<{ id: string; cluster: string | null }>(
    q,
    sql`SELECT l.id, l.cluster FROM franchise_store fs JOIN location l ON l.id = fs.location_id
        WHERE fs.franchisee_id = ${f.id} AND (l.id = ${storeRef} OR l.code = ${storeRef})`,
  )
  if (!s) throw notFound('location', storeRef)
  return { franchiseeId: f.id, locationId: s.id, cluster: s.cluster } satisfies FranchisedStore
}

interface PriceRow {
  sku: string
  product_name: string
  variant_name: string
  recommended_cents: number
  max_cents: number | null
  own_cents: number | null
  updated_at: Date | string | null
}

/**
 * A store's SKUs with the brand's recommendation (what an owned store of its cluster sells at: the
 * store channel's cluster list, else its list), the brand's maximum and the store's own price.
 */
function storePriceRows(store: FranchisedStore, where: SQL, tail: SQL = sql``) {
  return sql`
    WITH ch AS (SELECT id, price_list_id FROM channel WHERE kind = 'store' ORDER BY code LIMIT 1),
         cl AS (SELECT cpl.price_list_id FROM cluster_price_list cpl JOIN ch ON cpl.channel_id = ch.id
                WHERE cpl.cluster = ${store.cluster}::text)
    SELECT v.sku, p.name AS product_name, v.name AS variant_name,
           coalesce(cpr.amount_cents, pr.amount_cents) AS recommended_cents,
           pm.max_cents, sp.amount_cents AS own_cents, sp.updated_at
    FROM variant v
    JOIN product p ON p.id = v.product_id
    CROSS JOIN ch
    LEFT JOIN price pr ON pr.price_list_id = ch.price_list_id AND pr.sku = v.sku
    LEFT JOIN price cpr ON cpr.price_list_id = (SELECT price_list_id FROM cl) AND cpr.sku = v.sku
    LEFT JOIN price_maximum pm ON pm.sku = v.sku
    LEFT JOIN store_price sp ON sp.location_id = ${store.locationId} AND sp.sku = v.sku
    WHERE coalesce(cpr.amount_cents, pr.amount_cents) IS NOT NULL AND ${where}
    ${tail}`
}

const view = (locationId: string, r: PriceRow) => ({
  location_id: locationId,
  sku: r.sku,
  product_name: r.product_name,
  variant_name: r.variant_name,
  recommended_cents: r.recommended_cents,
  max_cents: r.max_cents,
  own_cents: r.own_cents,
  price_cents: r.own_cents ?? r.recommended_cents,
  updated_at: r.own_cents === null || r.updated_at === null ? null : new Date(r.updated_at).toISOString(),
})

/** One page of a franchised store's prices, by SKU: recommended, maximum, its own. */
export async function listStorePrices(
  q: Executor,
  actor: Actor,
  franchiseeRef: string,
  storeRef: string,
  opts: { limit: number; cursor?: string; q?: string; own?: boolean },
) {
  const store = await storeOf(q, actor, franchiseeRef, storeRef)
  const like = opts.q ? `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
  const found = await rows<PriceRow>(
    q,
    storePriceRows(
      store,
      sql`(${opts.cursor ?? null}::text IS NULL OR v.sku > ${opts.cursor ?? null}::text)
          AND (${like}::text IS NULL OR v.sku ILIKE ${like}::text OR p.name ILIKE ${like}::text)
          AND (${opts.own === true} = false OR sp.sku IS NOT NULL)`,
      sql`ORDER BY v.sku LIMIT ${opts.limit + 1}`,
    ),
  )
  return found.map((r) => view(store.locationId, r))
}

async function priceOf(q: Executor, store: FranchisedStore, sku: string) {
  const [row] = await rows<PriceRow>(q, storePriceRows(store, sql`v.sku = ${sku}`))
  if (!row) throw notFound('sku', sku)
  return row
}

export async function getStorePrice(
  q: Executor,
  actor: Actor,
  franchiseeRef: string,
  storeRef: string,
  sku: string,
) {
  const store = await storeOf(q, actor, franchiseeRef, storeRef)
  return view(store.locationId, await priceOf(q, store, sku))
}

const euros = (cents: number) =>
  `${(cents / 100).toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`

/**
 * Sets a franchised store's own price of a SKU: below the recommendation is the franchisee's right,
 * above the brand's maximum is refused (422 naming it). Its `price.store_changed` is written in the
 * same transaction.
 */
export const setStorePrice = inTransaction(
  async (tx: Tx, actor: Actor, franchiseeRef: string, storeRef: string, sku: string, cents: number) => {
    const store = await storeOf(tx, actor, franchiseeRef, storeRef)
    await lockStorePrices(tx)
    const before = await priceOf(tx, store, sku)
    if (before.max_cents !== null && cents > before.max_cents) {
      throw refused(
        'price_above_maximum',
        `amount_cents: ${euros(cents)} is above the brand's maximum of ${euros(before.max_cents)} for ${sku}: price it at ${euros(before.max_cents)} or less.`,
        {
          field: 'amount_cents',
          sku,
          max_cents: before.max_cents,
          recommended_cents: before.recommended_cents,
        },
      )
    }
    if (before.own_cents !== cents) {
      await tx.execute(
        sql`INSERT INTO store_price (location_id, sku, amount_cents, franchisee_id)
            VALUES (${store.locationId}, ${sku}, ${cents}, ${store.franchiseeId})
            ON CONFLICT (location_id, sku) DO UPDATE SET amount_cents = excluded.amount_cents,
              franchisee_id = excluded.franchisee_id, updated_at = now()`,
      )
      await recordChange(tx, actor, store, before, cents)
    }
    return view(store.locationId, await priceOf(tx, store, sku))
  },
)

/** Removes a store's own price of a SKU: the store sells at the recommendation again. */
export const removeStorePrice = inTransaction(
  async (tx: Tx, actor: Actor, franchiseeRef: string, storeRef: string, sku: string) => {
    const store = await storeOf(tx, actor, franchiseeRef, storeRef)
    await lockStorePrices(tx)
    const before = await priceOf(tx, store, sku)
    if (before.own_cents !== null) {
      await tx.execute(sql`DELETE FROM store_price WHERE location_id = ${store.locationId} AND sku = ${sku}`)
      await recordChange(tx, actor, store, before, null)
    }
    return view(store.locationId, await priceOf(tx, store, sku))
  },
)

async function recordChange(
  tx: Tx,
  actor: Actor,
  store: FranchisedStore,
  before: PriceRow,
  cents: number | null,
) {
  await recordEvents(tx, [
    priceEvents.event('price.store_changed', {
      aggregateId: store.locationId,
      actor: byApiKey(actor.keyId),
      payload: {
        location_id: store.locationId,
        franchisee_id: store.franchiseeId,
        sku: before.sku,
        old_cents: before.own_cents,
        new_cents: cents,
        recommended_cents: before.recommended_cents,
        max_cents: before.max_cents,
        reason: 'franchisee',
      },
    }),
  ])
}

/** The brand's maximums, by SKU. */
export async function listPriceMaximums(q: Executor, limit: number, cursor?: string) {
  const found = await rows<{ sku: string; max_cents: number; updated_at: Date | string }>(
    q,
    sql`SELECT sku, max_cents, updated_at FROM price_maximum
        WHERE ${cursor ?? null}::text IS NULL OR sku > ${cursor ?? null}::text
        ORDER BY sku LIMIT ${limit + 1}`,
  )
  return found.map((m) => ({ ...m, updated_at: new Date(m.updated_at).toISOString() }))
}

/**
 * Sets (or removes, with null) the brand's maximum resale prices. A franchised store's own price above
 * a new maximum is lowered to it in the same transaction, each with its `price.store_changed`.
 */
export const putPriceMaximums = inTransaction(
  async (tx: Tx, actor: Actor, maximums: Array<{ sku: string; max_cents: number | null }>) => {
    const seen = new Map<string, number>()
    for (const [i, m] of maximums.entries()) {
      const first = seen.get(m.sku)
      if (first !== undefined)
        throw invalidInput(`maximums/${i}/sku`, `${m.sku} is already given at maximums/${first}`)
      seen.set(m.sku, i)
    }
    const data = JSON.stringify(maximums)
    const known = await rows<{ sku: string }>(
      tx,
      sql`SELECT v.sku FROM variant v
          WHERE v.sku IN (SELECT x.sku FROM jsonb_to_recordset(${data}::jsonb) AS x(sku text))`,
    )
    const knownSkus = new Set(known.map((k) => k.sku))
    const unknown = maximums.findIndex((m) => !knownSkus.has(m.sku))
    if (unknown >= 0)
      throw invalidInput(`maximums/${unknown}/sku`, `no variant has SKU ${maximums[unknown]!.sku}`)
    await lockStorePrices(tx)
    const lowered = await rows<{ location_id: string; sku: string; from_cents: number; to_cents: number }>(
      tx,
      sql`WITH x AS (SELECT * FROM jsonb_to_recordset(${data}::jsonb) AS x(sku text, max_cents int)),
          removed AS (
            DELETE FROM price_maximum pm USING x WHERE pm.sku = x.sku AND x.max_cents IS NULL RETURNING pm.sku
          ),
          written AS (
            INSERT INTO price_maximum (sku, max_cents) SELECT sku, max_cents FROM x WHERE max_cents IS NOT NULL
            ON CONFLICT (sku) DO UPDATE SET max_cents = excluded.max_cents, updated_at = now()
            RETURNING sku
          ),
          above AS (
            SELECT sp.location_id, sp.franchisee_id, sp.sku, sp.amount_cents AS from_cents, x.max_cents AS to_cents
            FROM store_price sp JOIN x ON x.sku = sp.sku
            WHERE x.max_cents IS NOT NULL AND sp.amount_cents > x.max_cents
          ),
          lowered AS (
            UPDATE store_price sp SET amount_cents = a.to_cents, updated_at = now()
            FROM above a WHERE sp.location_id = a.location_id AND sp.sku = a.sku
            RETURNING sp.location_id
          ),
          ev AS (${loweredEvents(byApiKey(actor.keyId), sql`SELECT * FROM above`)})
          SELECT location_id, sku, from_cents, to_cents FROM above ORDER BY location_id, sku`,
    )
    return { updated: maximums.length, lowered }
  },
)

/** `price.store_changed` for own prices lowered to a new maximum (recommendation read as the list shows it). */
function loweredEvents(actor: EventActor, above: SQL) {
  return outboxInsertFrom(
    priceEvents,
    'price.store_changed',
    actor,
    sql`SELECT a.location_id AS aggregate_id,
               jsonb_build_object('location_id', a.location_id, 'franchisee_id', a.franchisee_id, 'sku', a.sku,
                 'old_cents', a.from_cents, 'new_cents', a.to_cents, 'recommended_cents', (
                   SELECT coalesce((SELECT cpr.amount_cents FROM cluster_price_list cpl
                                    JOIN price cpr ON cpr.price_list_id = cpl.price_list_id AND cpr.sku = a.sku
                                    WHERE cpl.channel_id = ch.id AND cpl.cluster = l.cluster),
                                   (SELECT pr.amount_cents FROM price pr WHERE pr.price_list_id = ch.price_list_id AND pr.sku = a.sku))
                   FROM (SELECT id, price_list_id FROM channel WHERE kind = 'store' ORDER BY code LIMIT 1) ch
                   JOIN location l ON l.id = a.location_id),
                 'max_cents', a.to_cents, 'reason', 'maximum_lowered') AS payload
        FROM (${above}) a ORDER BY a.location_id, a.sku`,
  )
}

/**
 * Franchised stores' own prices of these SKUs, beside the brand's recommendation at each store: what
 * the offer's coherence report shows as observed (the brand may not impose them, so never corrects them).
 */
export async function observedStorePrices(q: Executor, skus: string[]): Promise<ObservedStorePrice[]> {
  if (skus.length === 0) return []
  return rows<ObservedStorePrice>(
    q,
    sql`WITH ch AS (SELECT id, price_list_id FROM channel WHERE kind = 'store' ORDER BY code LIMIT 1)
        SELECT sp.sku, sp.location_id, l.code AS store_code, l.name AS store_name, f.code AS franchisee_code, sp.amount_cents AS price_cents,
               coalesce((SELECT cpr.amount_cents FROM cluster_price_list cpl
                         JOIN price cpr ON cpr.price_list_id = cpl.price_list_id AND cpr.sku = sp.sku
                         WHERE cpl.channel_id = ch.id AND cpl.cluster = l.cluster),
                        (SELECT pr.amount_cents FROM price pr WHERE pr.price_list_id = ch.price_list_id AND pr.sku = sp.sku))
                 AS recommended_cents
        FROM store_price sp
        JOIN location l ON l.id = sp.location_id
        JOIN franchisee f ON f.id = sp.franchisee_id
        LEFT JOIN ch ON true
        WHERE sp.sku IN (SELECT jsonb_array_elements_text(${JSON.stringify(skus)}::jsonb))
        ORDER BY sp.sku, l.code`,
  )
}

/** How many own prices franchised stores set, over SKUs of these categories. */
export async function countStorePrices(q: Executor, categories: string[]): Promise<number> {
  if (categories.length === 0) return 0
  const [r] = await rows<{ n: number }>(
    q,
    sql`SELECT count(*)::int AS n FROM store_price sp
        JOIN variant v ON v.sku = sp.sku JOIN product p ON p.id = v.product_id
        WHERE p.category IN (SELECT jsonb_array_elements_text(${JSON.stringify(categories)}::jsonb))`,
  )
  return r?.n ?? 0
}

/**
 * The own prices of a store, for its till to sell offline at them (an owned store has none). Its
 * staff, its franchisee and head office read them; anyone else is answered 404.
 */
export async function ownPricesOf(
  q: Executor,
  actor: Actor,
  storeRef: string,
  limit: number,
  cursor?: string,
) {
  const [store] = await rows<{ id: string; franchisee_id: string | null }>(
    q,
    sql`SELECT l.id, fs.franchisee_id FROM location l LEFT JOIN franchise_store fs ON fs.location_id = l.id
        WHERE l.id = ${storeRef} OR l.code = ${storeRef}`,
  )
  const allowed =
    store &&
    (actor.role === 'admin' ||
      (actor.role === 'store_staff' && actor.locationId === store.id) ||
      (actor.role === 'franchisee' &&
        store.franchisee_id !== null &&
        actor.franchiseeId === store.franchisee_id))
  if (!allowed) throw notFound('location', storeRef)
  return rows<{ sku: string; price_cents: number }>(
    q,
    sql`SELECT sku, amount_cents AS price_cents FROM store_price
        WHERE location_id = ${store.id} AND (${cursor ?? null}::text IS NULL OR sku > ${cursor ?? null}::text)
        ORDER BY sku LIMIT ${limit + 1}`,
  )
}
