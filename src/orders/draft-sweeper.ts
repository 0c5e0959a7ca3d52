import { sql } from 'drizzle-orm'
import { refreshAggregates } from '../analytics/refresh.store.ts'
import { type Db, rows } from '../db/database.ts'
import { loggableError } from '../db/loggable-error.ts'
import { expireUncollected } from '../fulfilment/fulfilment.service.ts'
import { expireDuePoints } from '../loyalty/expiry.service.ts'
import { applyDuePriceChanges } from '../offer/prices.service.ts'
import { releasePromotionsCtes } from '../offer/promotions.service.ts'
import { expireStoredValue } from '../stored-value/stored-value.service.ts'

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

export interface Sweeper {
  stop(): Promise<void>
}

export function startDraftSweeper(
  db: Db,
  intervalS: number,
  log: { info(o: object, m: string): void; error(o: object, m: string): void },
): Sweeper {
  let running: Promise<void> | undefined
  const tick = () => {
    if (running) return
    running = (async () => {
      try {
        let n: number
        do {
          n = await expireDrafts(db)
          if (n > 0) log.info({ expired: n }, 'expired draft orders released their stock')
        } while (n > 0 && !stopped)
        const uncollected = await expireUncollected(db)
        if (uncollected > 0) log.info({ expired: uncollected }, 'uncollected orders cancelled and refunded')
        const lapsed = await expireStoredValue(db)
        if (lapsed > 0) log.info({ expired: lapsed }, 'gift cards, credit notes and vouchers expired')
        const points = await expireDuePoints(db)
        if (points && points.points > 0) log.info({ ...points }, 'loyalty points expired')
        const prices = await applyDuePriceChanges(db)
        if (prices > 0) log.info({ prices }, 'scheduled prices took effect')
        // Analytics read the order events past their watermark, off the order path.
        await refreshAggregates(db)
      } catch (err) {
        log.error({ error: loggableError(err) }, 'draft sweeper failed; retrying next interval')
      } finally {
        running = undefined
      }
    })()
  }
  let stopped = false
  const timer = setInterval(tick, intervalS * 1000)
  timer.unref()
  tick()
  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
