import { sql } from 'drizzle-orm'
import { type Db, rows } from '../db/database.ts'
import { byJob, orderEvents, outboxInsertFrom } from '../events/index.ts'
import { releasedEvents } from '../inventory/index.ts'
import type { Job } from '../jobs/job.ts'
import { releasePromotionsCtes } from '../offer/index.ts'

const actor = byJob('orders.expire-drafts')

/**
 * Expires drafts whose hold has run out and gives their stock back, in one statement per batch.
 * SKIP LOCKED lets several servers sweep at once, and a draft being confirmed right now (its row
 * locked) is left alone: it either confirms in time or is swept next pass.
 */
export async function expireDrafts(db: Db, batch = 500): Promise<number> {
  const [result] = await rows<{ expired: number }>(
    db,
    sql`WITH o AS (
          UPDATE orders SET status = 'expired', draft_expires_at = NULL, updated_at = now()
          WHERE id IN (
            SELECT id FROM orders WHERE status = 'draft' AND draft_expires_at <= now()
            ORDER BY draft_expires_at LIMIT ${batch} FOR UPDATE SKIP LOCKED)
          RETURNING id
        ),
        r AS (
          UPDATE reservation SET status = 'expired', updated_at = now()
          WHERE order_id IN (SELECT id FROM o) AND status = 'active'
          RETURNING order_id, location_id, sku, quantity
        ),
        -- One order.expired per order, then one stock.reservations_released per location for the batch.
        ev AS (
          ${outboxInsertFrom(
            orderEvents,
            'order.expired',
            actor,
            sql`SELECT o.id AS aggregate_id,
                       jsonb_build_object('order_id', o.id, 'released_units',
                         (SELECT coalesce(sum(r.quantity), 0)::int FROM r WHERE r.order_id = o.id)) AS payload
                FROM o ORDER BY o.id`,
          )}
        ),
        evs AS (${releasedEvents(actor, 'draft_expired', sql`r`)}),
        agg AS (SELECT location_id, sku, sum(quantity)::int AS qty FROM r GROUP BY location_id, sku),
        s AS (
          UPDATE stock_level s SET reserved = s.reserved - agg.qty, updated_at = now()
          FROM agg WHERE s.location_id = agg.location_id AND s.sku = agg.sku
        ),
        m AS (
          INSERT INTO stock_movement (location_id, sku, kind, reserved_delta, reference, reason, actor)
          SELECT location_id, sku, 'release', -quantity, order_id, 'draft expired', 'system' FROM r
        ),
        e AS (
          INSERT INTO order_event (order_id, type, from_status, to_status, actor)
          SELECT id, 'expired', 'draft', 'expired', 'system' FROM o
        ),
        ${sql.raw(releasePromotionsCtes('o'))}
        SELECT count(*)::int AS expired FROM o`,
  )
  return result?.expired ?? 0
}

/** Abandoned drafts give their stock back, batch after batch until none is due. */
export const ordersJobs: Job[] = [
  {
    id: 'orders.expire-drafts',
    async run(db, _log, signal) {
      let total = 0
      let n: number
      do {
        n = await expireDrafts(db)
        total += n
      } while (n > 0 && !signal.aborted)
      return total
    },
  },
]
