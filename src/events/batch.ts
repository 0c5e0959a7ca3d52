import { sql } from 'drizzle-orm'
import { type Db, rows, type Tx } from '../db/database.ts'
import type { Job } from '../jobs/job.ts'
import type { PublishedEvent } from './define.ts'
import { matchesAny } from './patterns.ts'
import { type EventConsumer, eventsAfter, SEQUENCER, sequenceEvents } from './relay.ts'

/**
 * A consumer whose effect is cheaper per batch than per event: aggregates rebuilt set-based for every
 * day and customer a batch touches (channel analytics), instead of once per event. It is an
 * `EventConsumer` too (`apply` is a batch of one), so it shares the cursor and the `event_applied`
 * rows with `runConsumer`: whichever runner takes a pass, each event is applied once.
 */
export interface BatchConsumer extends EventConsumer {
  /** Applies the events not applied before (in position order), with the transaction that records them. */
  applyBatch(tx: Tx, events: readonly PublishedEvent[]): Promise<void>
  /** Seconds between its job's passes; absent: the sweep interval (PASSERELLE_SWEEP_INTERVAL). */
  intervalS?: number
  /** Jobs whose productive pass starts its next pass at once in this process (Job.wakeAfter). */
  wakeAfter?: readonly string[]
}

export function batchConsumer(c: Omit<BatchConsumer, 'apply'>): BatchConsumer {
  return { ...c, apply: (tx, event) => c.applyBatch(tx, [event]) }
}

export const isBatchConsumer = (c: EventConsumer): c is BatchConsumer => 'applyBatch' in c

/**
 * One pass of a batch consumer: the events after its cursor (up to `limit`), the ids of those of its
 * types recorded in `event_applied` in one statement (a duplicate is left out), the rest applied in
 * one call, and the cursor moved, all in one transaction. While another runner holds the cursor, the
 * pass does nothing (as `runConsumer`). Returns how many events it applied.
 */
export async function runBatchConsumer(db: Db, consumer: BatchConsumer, limit = 1000): Promise<number> {
  return (await pass(db, consumer, limit)).applied
}

/**
 * Brings a batch consumer up to the last event published, pass after pass (at most `maxPasses`), and
 * says how many events it applied: what a reader calls to see the effects of events just committed.
 * Publishes the events waiting first (the relay's pass, safe beside the relay's own job).
 */
export async function catchUpBatchConsumer(db: Db, consumer: BatchConsumer, maxPasses = 20): Promise<number> {
  for (let i = 0; i < maxPasses && (await sequenceEvents(db)) > 0; i++);
  // Idle, a read asks one question: no cursor row locked (and so written) for nothing.
  const [c] = await rows<{ behind: boolean }>(
    db,
    sql`SELECT coalesce((SELECT position FROM event_cursor WHERE id = ${consumer.id}), 0)
               < (SELECT position FROM event_cursor WHERE id = ${SEQUENCER}) AS behind`,
  )
  if (!c?.behind) return 0
  let applied = 0
  for (let i = 0; i < maxPasses; i++) {
    const p = await pass(db, consumer, 1000)
    applied += p.applied
    if (p.read === 0) break
  }
  return applied
}

async function pass(
  db: Db,
  consumer: BatchConsumer,
  limit: number,
): Promise<{ applied: number; read: number }> {
  await db.execute(sql`INSERT INTO event_cursor (id) VALUES (${consumer.id}) ON CONFLICT DO NOTHING`)
  return db.transaction(async (tx) => {
    const [cursor] = await rows<{ position: number }>(
      tx,
      sql`SELECT position FROM event_cursor WHERE id = ${consumer.id} FOR UPDATE SKIP LOCKED`,
    )
    if (!cursor) return { applied: 0, read: 0 }
    const batch = await eventsAfter(tx, Number(cursor.position), limit)
    if (batch.length === 0) return { applied: 0, read: 0 }
    const wanted = batch.filter((e) => matchesAny(consumer.types, e.type))
    const fresh =
      wanted.length === 0
        ? []
        : await rows<{ event_id: string }>(
            tx,
            sql`INSERT INTO event_applied (consumer, event_id)
                SELECT ${consumer.id}, x FROM jsonb_array_elements_text(${JSON.stringify(wanted.map((e) => e.id))}::jsonb) x
                ON CONFLICT DO NOTHING RETURNING event_id`,
          )
    const first = new Set(fresh.map((r) => r.event_id))
    const events = wanted.filter((e) => first.has(e.id))
    if (events.length > 0) await consumer.applyBatch(tx, events)
    await tx.execute(
      sql`UPDATE event_cursor SET position = ${batch.at(-1)!.position}, updated_at = now()
          WHERE id = ${consumer.id}`,
    )
    return { applied: events.length, read: batch.length }
  })
}

/**
 * A batch consumer run as a job of its own, every `intervalS` seconds (absent: the consumer's own,
 * else the sweep interval, PASSERELLE_SWEEP_INTERVAL), taking up to `limit` events a pass.
 */
export function batchConsumerJob(consumer: BatchConsumer, intervalS = consumer.intervalS, limit = 1000): Job {
  return {
    id: consumer.id,
    ...(intervalS === undefined ? {} : { intervalS }),
    ...(consumer.wakeAfter ? { wakeAfter: consumer.wakeAfter } : {}),
    run: (db) => runBatchConsumer(db, consumer, limit),
  }
}
