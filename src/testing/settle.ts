import { sql } from 'drizzle-orm'
import { eventConsumers } from '../app/jobs.ts'
import { type Db, rows } from '../db/database.ts'
import { isBatchConsumer, runBatchConsumer, runConsumer, sequenceEvents } from '../events/index.ts'

/**
 * What the served app does a moment after each request, done now: the relay publishes the events
 * waiting in the outbox, then every consumer (points earned, franchise commissions…) applies them,
 * until each has read up to the last event published. A test calls it where a user would have waited
 * half a second (the served app runs the relay and each consumer every 200 ms).
 */
export async function settle(db: Db): Promise<void> {
  while ((await sequenceEvents(db)) > 0);
  for (const consumer of eventConsumers) {
    for (let pass = 0; ; pass++) {
      // As the served app runs it: a batch consumer (analytics) in batches.
      if (isBatchConsumer(consumer)) await runBatchConsumer(db, consumer, 1000)
      else await runConsumer(db, consumer, 1000)
      const [c] = await rows<{ behind: boolean }>(
        db,
        sql`SELECT coalesce((SELECT position FROM event_cursor WHERE id = ${consumer.id}), 0)
                   < (SELECT position FROM event_cursor WHERE id = 'events.sequence') AS behind`,
      )
      if (!c?.behind) break
      if (pass > 1000) throw new Error(`settle: ${consumer.id} does not catch up`)
    }
  }
}
