import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'

export const actorKinds = ['api_key', 'job', 'system'] as const

/**
 * The outbox: every business fact as an event row, written in the same transaction (often the same
 * statement) as the change it records. Rows are immutable but for `position` and `published_at`,
 * which the relay sets once, in commit order (see relay.ts).
 */
export const events = pgTable(
  'event',
  {
    /** `evt_` + ULID: sortable by the time it was recorded, unique across processes. */
    id: text('id').primaryKey(),
    /**
     * Insertion order, from a sequence: an event inserted after another committed has a higher `seq`,
     * whatever the clocks of the application servers. Not commit order: readers never page on it.
     */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    version: integer('version').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** Who caused it: an API key id, a job id, or the system; never personal data. */
    actorKind: text('actor_kind', { enum: actorKinds }).notNull(),
    actorId: text('actor_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** 1, 2, 3… in commit order, gap-free, assigned by the relay; null until then. The feed's cursor. */
    position: bigint('position', { mode: 'number' }),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  // The order's statement inserts an event with no position: it pays for the primary key and the
  // queue of unpublished events only. The indexes readers need cover published rows (partial), so they
  // are written by the relay when it publishes, off the order path. A reader's `position > $1` or a
  // pruning's `published_at < $1` implies IS NOT NULL, so the planner uses them.
  (t) => [
    uniqueIndex('event_position_idx').on(t.position).where(sql`position IS NOT NULL`),
    index('event_unpublished_idx').on(t.seq).where(sql`position IS NULL`),
    index('event_type_position_idx').on(t.type, t.position).where(sql`position IS NOT NULL`),
    index('event_published_idx').on(t.publishedAt).where(sql`published_at IS NOT NULL`),
  ],
)

/**
 * How far a reader of the published events got: the NATS publisher, each in-process consumer, and
 * the relay's own counter (`events.sequence`: the last position it assigned, kept when old events
 * are pruned so positions never restart).
 */
export const eventCursors = pgTable('event_cursor', {
  id: text('id').primaryKey(),
  position: bigint('position', { mode: 'number' }).notNull().default(0),
  ...timestamps,
})

/** The events a consumer applied, recorded in the transaction of their effect: applied once, ever. */
export const eventApplications = pgTable(
  'event_applied',
  {
    consumer: text('consumer').notNull(),
    eventId: text('event_id').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
)

export const webhookStatuses = ['active', 'disabled'] as const

/** A system outside that receives some event types by HTTPS POST, signed with its own secret. */
export const webhookSubscriptions = pgTable('webhook_subscription', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  /** Event types (`order.placed`), families (`order.*`) or `*`. */
  eventTypes: text('event_types').array().notNull(),
  description: text('description'),
  /**
   * The HMAC-SHA256 key. Signing needs the key itself (a hash of it signs nothing), so it is stored as
   * the receiver stores it; it is returned once, at creation or rotation, never listed nor logged.
   */
  signingSecret: text('signing_secret').notNull(),
  status: text('status', { enum: webhookStatuses }).notNull().default('active'),
  disabledReason: text('disabled_reason'),
  disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
  /** Start of the current run of failed attempts; null after a success. */
  failingSince: timestamp('failing_since', { withTimezone: true, mode: 'date' }),
  /** Events up to this position were considered for it (fan-out); a new one starts at the latest. */
  position: bigint('position', { mode: 'number' }).notNull().default(0),
  ...timestamps,
})

export const deliveryStatuses = ['pending', 'delivered', 'failed'] as const

/** One event to hand to one subscription, until it is delivered or given up (72 h by default). */
export const webhookDeliveries = pgTable(
  'webhook_delivery',
  {
    id: text('id').primaryKey(),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    eventPosition: bigint('event_position', { mode: 'number' }).notNull(),
    /** `aggregate_type:aggregate_id`: deliveries of one aggregate go one at a time, in position order. */
    aggregateKey: text('aggregate_key').notNull(),
    status: text('status', { enum: deliveryStatuses }).notNull().default('pending'),
    replay: boolean('replay').notNull().default(false),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** Set while a server process is sending it; past it, another may send it again. */
    leaseUntil: timestamp('lease_until', { withTimezone: true, mode: 'date' }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    index('webhook_delivery_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('webhook_delivery_aggregate_idx')
      .on(t.subscriptionId, t.aggregateKey, t.eventPosition)
      .where(sql`status = 'pending'`),
    index('webhook_delivery_event_idx').on(t.eventId),
  ],
)

/** The delivery log: every attempt with its outcome. No signature, no secret, a short response excerpt. */
export const webhookAttempts = pgTable(
  'webhook_attempt',
  {
    id: text('id').primaryKey(),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    subscriptionId: text('subscription_id').notNull(),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    attempt: integer('attempt').notNull(),
    ok: boolean('ok').notNull(),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    /** Why it failed without an answer: `timeout`, `connection_refused`… */
    error: text('error'),
    responseExcerpt: text('response_excerpt'),
    attemptedAt: timestamp('attempted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('webhook_attempt_subscription_idx').on(t.subscriptionId, t.id)],
)
