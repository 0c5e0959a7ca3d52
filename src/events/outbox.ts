import { type SQL, sql } from 'drizzle-orm'
import type { Tx } from '../db/database.ts'
import type { NewEvent } from './define.ts'

// An event is written by the statement or transaction that makes the fact true, never after it: a fact
// rolled back leaves no event, and an event committed is a fact. The relay publishes it later.

const columns = 'id, type, version, aggregate_type, aggregate_id, occurred_at, actor_kind, actor_id, payload'
const recordType =
  'id text, type text, version int, aggregate_type text, aggregate_id text, occurred_at timestamptz, ' +
  'actor_kind text, actor_id text, payload jsonb'

/** The events as the JSON array the outbox statements read (`jsonb_to_recordset`). */
export function eventRecords(events: readonly NewEvent[]): string {
  return JSON.stringify(
    events.map((e) => ({
      id: e.id,
      type: e.type,
      version: e.version,
      aggregate_type: e.aggregateType,
      aggregate_id: e.aggregateId,
      occurred_at: e.occurredAt?.toISOString() ?? null,
      actor_kind: e.actor.kind,
      actor_id: e.actor.id,
      payload: e.payload,
    })),
  )
}

/**
 * The outbox insert as statement text, to append as a data-modifying CTE to a prepared statement with
 * positional parameters: `param` is the placeholder of `eventRecords(events)` (`$35`), `gate` an optional
 * SQL condition that must hold for the events to be written (the same gate as the fact's own inserts):
 *
 *   WITH …, o AS (INSERT INTO orders … WHERE ${gate}), ev AS (${outboxInsertText('$35', gate)}) SELECT …
 *
 * Events are inserted in array order: their `seq`, so their order within one aggregate, follows it.
 */
export function outboxInsertText(param: string, gate?: string): string {
  return (
    `INSERT INTO event (${columns}) ` +
    `SELECT x.id, x.type, x.version, x.aggregate_type, x.aggregate_id, coalesce(x.occurred_at, now()), ` +
    `x.actor_kind, x.actor_id, x.payload FROM jsonb_to_recordset(${param}::jsonb) AS x(${recordType})` +
    (gate ? ` WHERE ${gate}` : '')
  )
}

/**
 * The outbox insert as a drizzle fragment, for a CTE of a statement built with sql``:
 * sql`WITH t AS (UPDATE …), ev AS (${outboxInsert(events)}) SELECT …`.
 */
export function outboxInsert(events: readonly NewEvent[], gate?: SQL): SQL {
  return sql`INSERT INTO event (${sql.raw(columns)})
    SELECT x.id, x.type, x.version, x.aggregate_type, x.aggregate_id, coalesce(x.occurred_at, now()),
           x.actor_kind, x.actor_id, x.payload
    FROM jsonb_to_recordset(${eventRecords(events)}::jsonb) AS x(${sql.raw(recordType)})
    ${gate ? sql`WHERE ${gate}` : sql``}`
}

/** Records events in the caller's transaction: they are published only if it commits. */
export async function recordEvents(tx: Tx, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return
  await tx.execute(outboxInsert(events))
}
