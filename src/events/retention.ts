import { sql } from 'drizzle-orm'
import { type Db, rows } from '../db/database.ts'
import { startupError } from '../shared/common.errors.ts'

/** How long published events are kept (feed, replay), from PASSERELLE_EVENT_RETENTION_DAYS. */
export function retentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PASSERELLE_EVENT_RETENTION_DAYS?.trim() || '30'
  const days = Number(raw)
  if (!/^\d+$/.test(raw) || days < 1 || days > 3650) {
    throw startupError(
      'invalid_config',
      `PASSERELLE_EVENT_RETENTION_DAYS must be a whole number from 1 to 3650 (got "${raw}").`,
      { setting: 'PASSERELLE_EVENT_RETENTION_DAYS' },
    )
  }
  return days
}

const BATCH = 5000

/**
 * Deletes events published more than `days` ago that every reader is done with: past the cursor of
 * every consumer and publisher, and with no webhook delivery still pending. Deliveries finished that long
 * ago go too, with their attempts. Batches of 5,000, so a first pass over a large backlog never holds a
 * long transaction. Returns how many events it deleted.
 */
export async function pruneEvents(db: Db, days: number, signal?: AbortSignal): Promise<number> {
  const cutoff = sql`now() - ${days}::int * interval '1 day'`
  let deleted = 0
  for (;;) {
    const [r] = await rows<{ n: number }>(
      db,
      sql`WITH gone AS (
            DELETE FROM event WHERE id IN (
              SELECT e.id FROM event e
              WHERE e.published_at < ${cutoff}
                AND e.position <= (SELECT min(position) FROM event_cursor)
                AND NOT EXISTS (
                  SELECT 1 FROM webhook_delivery d WHERE d.event_id = e.id AND d.status = 'pending')
              ORDER BY e.position LIMIT ${BATCH}
              FOR UPDATE SKIP LOCKED)
            RETURNING 1
          )
          SELECT count(*)::int AS n FROM gone`,
    )
    deleted += r?.n ?? 0
    if ((r?.n ?? 0) < BATCH || signal?.aborted) break
  }
  await db.execute(sql`DELETE FROM webhook_delivery WHERE status <> 'pending' AND updated_at < ${cutoff}`)
  await db.execute(sql`DELETE FROM event_applied WHERE applied_at < ${cutoff}`)
  return deleted
}
