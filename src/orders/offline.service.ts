import { sql } from 'drizzle-orm'
import { type Executor, rows, type Tx } from '../db/database.ts'
import type { Shortfall } from '../inventory/index.ts'
import { type Actor, mayOverride } from '../shared/actor.ts'
import { forbidden } from '../shared/errors.ts'
import { notFound } from './orders.errors.ts'

/** Records beside the order what its till said of a sale made offline, in the order's transaction. */
export async function recordOfflineSaleIn(
  tx: Tx,
  sale: {
    orderId: string
    storeId: string
    registerId: string | null
    ticket: string
    soldAt: Date
    shortfall: Shortfall[]
  },
) {
  await tx.execute(
    sql`INSERT INTO offline_sale (order_id, store_id, register_id, ticket, sold_at, shortfall, flagged)
        VALUES (${sale.orderId}, ${sale.storeId}, ${sale.registerId}, ${sale.ticket},
                ${sale.soldAt.toISOString()}::timestamptz, ${JSON.stringify(sale.shortfall)}::jsonb,
                ${sale.shortfall.length > 0})`,
  )
}

interface OfflineRow {
  order_id: string
  order_number: number
  store_id: string
  register_id: string | null
  ticket: string
  sold_at: Date | string
  created_at: Date | string
  total_cents: number
  shortfall: Shortfall[]
  flagged: boolean
  reviewed_at: Date | string | null
  reviewed_by: string | null
}

const iso = (d: Date | string) => new Date(d).toISOString()

function view(r: OfflineRow) {
  return {
    order_id: r.order_id,
    order_number: String(r.order_number),
    store_id: r.store_id,
    register_id: r.register_id,
    ticket: r.ticket,
    sold_at: iso(r.sold_at),
    recorded_at: iso(r.created_at),
    total_cents: r.total_cents,
    shortfall: r.shortfall,
    flagged: r.flagged && r.reviewed_at === null,
    reviewed_at: r.reviewed_at === null ? null : iso(r.reviewed_at),
    reviewed_by: r.reviewed_by,
  }
}

/** Whose offline sales a key sees: head office every store's, a store key its own store's. */
function scopeOf(actor: Actor, storeId: string | undefined): string | null {
  if (actor.role === 'admin') return storeId ?? null
  if (actor.role === 'store_staff' && actor.locationId) return actor.locationId
  throw forbidden('Offline sales are read by head office and by the store that made them.')
}

/**
 * The sales tills made offline, newest order first; `flagged`: only those whose units the books
 * no longer held, not yet looked at by a manager.
 */
export async function listOfflineSales(
  q: Executor,
  actor: Actor,
  filter: { flagged?: boolean; storeId?: string },
  limit: number,
  cursor?: string,
) {
  const store = scopeOf(actor, filter.storeId)
  return rows<OfflineRow>(
    q,
    sql`SELECT s.order_id, o.number AS order_number, s.store_id, s.register_id, s.ticket, s.sold_at,
               s.created_at, o.total_cents, s.shortfall, s.flagged, s.reviewed_at, s.reviewed_by
        FROM offline_sale s JOIN orders o ON o.id = s.order_id
        WHERE (${store}::text IS NULL OR s.store_id = ${store}::text)
          AND (${filter.flagged === true} = false OR (s.flagged AND s.reviewed_at IS NULL))
          AND (${cursor ?? null}::text IS NULL OR s.order_id < ${cursor ?? null}::text)
        ORDER BY s.order_id DESC LIMIT ${limit + 1}`,
  ).then((list) => list.map(view))
}

/** A manager has looked at an offline sale's shortfall (counted the shelf, found the cause). */
export async function reviewOfflineSale(db: Executor, actor: Actor, orderId: string) {
  if (!mayOverride(actor)) throw forbidden('A store manager or head office reviews an offline sale.')
  const store = scopeOf(actor, undefined)
  const [found] = await rows<{ order_id: string }>(
    db,
    sql`UPDATE offline_sale SET reviewed_at = coalesce(reviewed_at, now()),
               reviewed_by = coalesce(reviewed_by, ${actor.keyId}), updated_at = now()
        WHERE order_id = ${orderId} AND (${store}::text IS NULL OR store_id = ${store}::text)
        RETURNING order_id`,
  )
  if (!found) throw notFound('order', orderId)
  const [row] = await listOfflineSalesOne(db, orderId)
  return row!
}

async function listOfflineSalesOne(q: Executor, orderId: string) {
  return rows<OfflineRow>(
    q,
    sql`SELECT s.order_id, o.number AS order_number, s.store_id, s.register_id, s.ticket, s.sold_at,
               s.created_at, o.total_cents, s.shortfall, s.flagged, s.reviewed_at, s.reviewed_by
        FROM offline_sale s JOIN orders o ON o.id = s.order_id WHERE s.order_id = ${orderId}`,
  ).then((list) => list.map(view))
}
