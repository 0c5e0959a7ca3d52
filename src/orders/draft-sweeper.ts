import { sql } from 'drizzle-orm'
import { refreshAggregates } from '../analytics/refresh.store.ts'
import { type Db, rows } from '../db/database.ts'
import { loggableError } from '../db/loggable-error.ts'
import { connectionFailure } from '../db/unavailable.ts'
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

type Log = {
  info(o: object, m: string): void
  warn(o: object, m: string): void
  error(o: object, m: string): void
}

export function startDraftSweeper(db: Db, intervalS: number, log: Log): Sweeper {
  let running: Promise<void> | undefined
  // Each job runs even when another failed; all run again next interval.
  const jobs: [string, () => Promise<void>][] = [
    [
      'draft expiry',
      async () => {
        let n: number
        do {
          n = await expireDrafts(db)
          if (n > 0) log.info({ expired: n }, 'expired draft orders released their stock')
        } while (n > 0 && !stopped)
      },
    ],
    [
      'uncollected orders',
      async () => {
        const uncollected = await expireUncollected(db)
        if (uncollected > 0) log.info({ expired: uncollected }, 'uncollected orders cancelled and refunded')
      },
    ],
    [
      'stored value expiry',
      async () => {
        const lapsed = await expireStoredValue(db)
        if (lapsed > 0) log.info({ expired: lapsed }, 'gift cards, credit notes and vouchers expired')
      },
    ],
    [
      'loyalty points expiry',
      async () => {
        const points = await expireDuePoints(db)
        if (points && points.points > 0) log.info({ ...points }, 'loyalty points expired')
      },
    ],
    [
      'scheduled prices',
      async () => {
        const prices = await applyDuePriceChanges(db)
        if (prices > 0) log.info({ prices }, 'scheduled prices took effect')
      },
    ],
    // Analytics read the order events past their watermark, off the order path.
    [
      'analytics refresh',
      async () => {
        await refreshAggregates(db)
      },
    ],
  ]
  const tick = () => {
    if (running) return
    running = (async () => {
      for (const [job, run] of jobs) {
        if (stopped) break
        try {
          await run()
        } catch (err) {
          const lost = connectionFailure(err)
          if (lost) {
            // The other jobs would fail the same way: the whole pass waits for the next interval.
            log.warn({ job, reason: lost }, 'database unavailable; background jobs retry next interval')
            break
          }
          log.error(
            { error: loggableError(err), job },
            'background job failed; the other jobs go on and it is retried next interval',
          )
        }
      }
    })().finally(() => {
      running = undefined
    })
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
