import { sql } from 'drizzle-orm'
import { type Db, type Executor, rows, type Tx } from '../db/database.ts'
import type { EventActor, PublishedEvent } from './define.ts'
import { matchesAny } from './patterns.ts'

/** The relay's counter: the last position it assigned (seeded by the migration, never reset). */
export const SEQUENCER = 'events.sequence'

/**
 * Publishes committed events: gives each the next position, 1, 2, 3…, in the order their transactions
 * committed, and returns how many it published.
 *
 * Why a position, not the event id or `seq`: both are assigned at insert, and transactions do not commit
 * in insert order. A reader paging on them (`id > last seen`) can read evt_5 while evt_4's transaction
 * is still open, and never see evt_4 once it commits. The position is assigned here, after commit, by
 * one relay at a time: the relay's counter row is locked (FOR UPDATE) until its transaction commits, and
 * PostgreSQL makes a commit visible before it releases the commit's locks. So relay runs are serialised,
 * each run's positions follow the previous run's and become visible after them: whatever a reader's
 * snapshot, the published positions it sees are 1…P with no hole, and a cursor never skips an event.
 * A second relay (another process) finds the counter locked and skips its pass (SKIP LOCKED) instead of
 * waiting; the events themselves are taken FOR UPDATE SKIP LOCKED so nothing else holding one delays it.
 * The counter outlives pruned events, so positions never restart.
 *
 * Within one run events go in insertion order (`seq`): one aggregate's facts are written by transactions
 * that lock the aggregate's row, so the later fact is inserted after the earlier one committed.
 */
export async function sequenceEvents(db: Db, limit = 1000): Promise<number> {
  // Idle passes cost one read, no transaction.
  const [waiting] = await rows<{ any: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM event WHERE position IS NULL) AS any`,
  )
  if (!waiting?.any) return 0
  return db.transaction(async (tx) => {
    const [counter] = await rows<{ position: number }>(
      tx,
      sql`SELECT position FROM event_cursor WHERE id = ${SEQUENCER} FOR UPDATE SKIP LOCKED`,
    )
    if (!counter) return 0
    // A new statement, so a new snapshot taken with the counter held: it sees every earlier run's work.
    const [done] = await rows<{ n: number }>(
      tx,
      sql`WITH next AS (
            SELECT id, seq FROM event WHERE position IS NULL ORDER BY seq LIMIT ${limit} FOR UPDATE SKIP LOCKED
          ),
          numbered AS (
            SELECT id, ${counter.position}::bigint + row_number() OVER (ORDER BY seq) AS position FROM next
          ),
          published AS (
            UPDATE event e SET position = n.position, published_at = now(), updated_at = now()
            FROM numbered n WHERE e.id = n.id
            RETURNING e.position
          ),
          c AS (
            UPDATE event_cursor SET position = (SELECT max(position) FROM published), updated_at = now()
            WHERE id = ${SEQUENCER} AND EXISTS (SELECT 1 FROM published)
          )
          SELECT count(*)::int AS n FROM published`,
    )
    return done?.n ?? 0
  })
}

interface EventRow {
  id: string
  type: string
  version: number
  position: number
  aggregate_type: string
  aggregate_id: string
  occurred_at: Date | string
  actor_kind: EventActor['kind']
  actor_id: string | null
  payload: Record<string, unknown>
}

export const eventColumns = sql.raw(
  'id, type, version, position, aggregate_type, aggregate_id, occurred_at, actor_kind, actor_id, payload',
)

export function toPublished(r: EventRow): PublishedEvent {
  return {
    id: r.id,
    type: r.type,
    version: r.version,
    position: Number(r.position),
    aggregate: { type: r.aggregate_type, id: r.aggregate_id },
    occurred_at: new Date(r.occurred_at).toISOString(),
    actor: { kind: r.actor_kind, id: r.actor_id },
    data: r.payload,
  }
}

/** Published events after a position, in position order, optionally of some types only. */
export async function eventsAfter(
  q: Executor,
  after: number,
  limit: number,
  types?: readonly string[],
): Promise<PublishedEvent[]> {
  const typeFilter =
    types && types.length > 0
      ? sql`AND type IN (SELECT jsonb_array_elements_text(${JSON.stringify(types)}::jsonb))`
      : sql``
  const found = await rows<EventRow>(
    q,
    sql`SELECT ${eventColumns} FROM event
        WHERE position > ${after} ${typeFilter}
        ORDER BY position LIMIT ${limit}`,
  )
  return found.map(toPublished)
}

/**
 * A page of the pull feed. The page and the head (the last position published) are read in one
 * statement, so from one snapshot: when the page is not full, every event up to the head was seen, and
 * the next cursor moves to the head even if none of those was of the types asked (a filtered reader
 * does not scan the same stretch again).
 */
export async function feedPage(
  q: Executor,
  after: number,
  limit: number,
  types?: readonly string[],
): Promise<{ data: PublishedEvent[]; next_cursor: string; has_more: boolean }> {
  const typeFilter =
    types && types.length > 0
      ? sql`AND type IN (SELECT jsonb_array_elements_text(${JSON.stringify(types)}::jsonb))`
      : sql``
  const found = await rows<EventRow & { head: number }>(
    q,
    sql`SELECT c.position AS head, e.* FROM event_cursor c
        LEFT JOIN LATERAL (
          SELECT ${eventColumns} FROM event
          WHERE position > ${after} ${typeFilter}
          ORDER BY position LIMIT ${limit + 1}
        ) e ON true
        WHERE c.id = ${SEQUENCER}
        ORDER BY e.position`,
  )
  const head = Number(found[0]?.head ?? 0)
  const events = found.filter((r) => r.id !== null).map(toPublished)
  const data = events.slice(0, limit)
  const hasMore = events.length > limit
  const next = hasMore ? data.at(-1)!.position : Math.max(after, head)
  return { data, next_cursor: String(next), has_more: hasMore }
}

/** The oldest position still kept (older ones were pruned), or null when none is. */
export async function oldestPosition(q: Executor): Promise<number | null> {
  const [r] = await rows<{ p: number | null }>(q, sql`SELECT min(position) AS p FROM event`)
  return r?.p == null ? null : Number(r.p)
}

/**
 * A reaction to events inside this process (points earned on completion, a franchise accrual…). It
 * applies each event once: the event id is recorded in the same transaction as the effect, and the
 * consumer's cursor moves in that transaction too, so a crash replays nothing twice and loses nothing.
 */
export interface EventConsumer {
  /** `<capability>.<reaction>`, e.g. `loyalty.earn-on-completion`: its cursor and its job's id. */
  id: string
  /** Types (`order.completed`), families (`order.*`) or `*`. */
  types: readonly string[]
  /** Applies one event with the transaction its effect must be written in. Throwing retries the batch later. */
  apply(tx: Tx, event: PublishedEvent): Promise<void>
}

/**
 * One pass of a consumer: the events after its cursor, each applied once, in position order, in one
 * transaction with the cursor's move. While another process runs the same consumer (its cursor row
 * locked), this pass does nothing. Returns how many events it applied.
 */
export async function runConsumer(db: Db, consumer: EventConsumer, limit = 200): Promise<number> {
  await db.execute(sql`INSERT INTO event_cursor (id) VALUES (${consumer.id}) ON CONFLICT DO NOTHING`)
  return db.transaction(async (tx) => {
    const [cursor] = await rows<{ position: number }>(
      tx,
      sql`SELECT position FROM event_cursor WHERE id = ${consumer.id} FOR UPDATE SKIP LOCKED`,
    )
    if (!cursor) return 0
    const batch = await eventsAfter(tx, Number(cursor.position), limit)
    if (batch.length === 0) return 0
    let applied = 0
    for (const event of batch) {
      if (!matchesAny(consumer.types, event.type)) continue
      const first = await rows(
        tx,
        sql`INSERT INTO event_applied (consumer, event_id) VALUES (${consumer.id}, ${event.id})
            ON CONFLICT DO NOTHING RETURNING 1`,
      )
      if (first.length === 0) continue
      await consumer.apply(tx, event)
      applied++
    }
    await tx.execute(
      sql`UPDATE event_cursor SET position = ${batch.at(-1)!.position}, updated_at = now()
          WHERE id = ${consumer.id}`,
    )
    return applied
  })
}
