import { type SQL, sql } from 'drizzle-orm'
import type { Tx } from '../db/database.ts'
import { type Cte, cte, type Fragment, fragment, param } from '../db/statement.ts'
import type { EventActor, EventGroup, NewEvent } from './define.ts'

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

const outboxJson = param('outbox_events_json')

/**
 * The outbox insert as the CTE `events_outbox` of a statement built with src/db/statement.ts, written
 * only when `gate` holds (the gate of the fact's own inserts). Its one parameter is filled by
 * `outboxValues(events)`. Events are inserted in array order: keep one such CTE per statement, so the
 * order of one aggregate's events is the array's.
 */
export function outboxCte<G extends string = never>(gate?: Fragment<G>): Cte<'outbox_events_json' | G> {
  return cte(
    'events_outbox',
    fragment`
      INSERT INTO event (id, type, version, aggregate_type, aggregate_id, occurred_at, actor_kind, actor_id, payload)
      SELECT x.id, x.type, x.version, x.aggregate_type, x.aggregate_id, coalesce(x.occurred_at, now()),
             x.actor_kind, x.actor_id, x.payload
      FROM jsonb_to_recordset(${outboxJson}::jsonb) AS x(
        id text, type text, version int, aggregate_type text, aggregate_id text, occurred_at timestamptz,
        actor_kind text, actor_id text, payload jsonb)
      ${gate ? fragment`WHERE ${gate}` : fragment``}`,
  )
}

/** The value of `outboxCte`'s parameter. */
export function outboxValues(events: readonly NewEvent[]): { outbox_events_json: string } {
  return { outbox_events_json: eventRecords(events) }
}

/**
 * The outbox insert of events whose facts only the statement knows (a batch that expires whatever is
 * due, a release summed per location): `source` is a query of `aggregate_id` and `payload` (jsonb)
 * rows, one event each, in its order; the id is made by the database (`passerelle_event_id()`, a
 * ULID like the application's). The payload must fit the type's schema: the tests of each such
 * statement check it against the catalogue.
 */
export function outboxInsertFrom(group: EventGroup, type: string, actor: EventActor, source: SQL): SQL {
  const def = group.definitions.find((d) => d.type === type)
  if (!def) throw new Error(`unknown event type ${type}`)
  return sql`INSERT INTO event (${sql.raw(columns)})
    SELECT passerelle_event_id(), ${type}, ${def.version}::int, ${def.aggregate}, x.aggregate_id, now(),
           ${actor.kind}, ${actor.id}::text, x.payload
    FROM (${source}) AS x`
}

/** Records events in the caller's transaction: they are published only if it commits. */
export async function recordEvents(tx: Tx, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return
  await tx.execute(outboxInsert(events))
}
