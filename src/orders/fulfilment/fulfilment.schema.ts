import { sql } from 'drizzle-orm'
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core'
import { timestamps } from '../../db/columns.ts'

export const taskStatuses = [
  'awaiting_stock',
  'allocated',
  'picking',
  'packed',
  'ready_for_pickup',
  'collected',
  'shipped',
  'delivered',
  'cancelled',
  'expired',
] as const
export type TaskStatus = (typeof taskStatuses)[number]

/** `ship`: a parcel to the customer; `collect`: handed over in a store; `transfer`: sent to the pickup store. */
export const taskKinds = ['ship', 'collect', 'transfer'] as const
export type TaskKind = (typeof taskKinds)[number]

/**
 * The work one location does for one order: prepare its lines, then hand them over (pickup,
 * reserve & collect) or ship them (delivery). Its lines are order lines whose source is this location.
 */
export const fulfilmentTasks = pgTable(
  'fulfilment_task',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    locationId: text('location_id').notNull(),
    /**
     * `ship`: a parcel to the customer; `collect`: handed over in this store; `transfer`: sent to
     * the pickup store of the order.
     */
    kind: text('kind', { enum: taskKinds }).notNull(),
    status: text('status', { enum: taskStatuses }).notNull(),
    /** When the parcel should leave, or the order be ready to collect. */
    promisedAt: timestamp('promised_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** A collect task ready in store is cancelled and refunded if not collected by then. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    /** The API key of whoever claimed the preparation. */
    claimedBy: text('claimed_by'),
    ...timestamps,
  },
  (t) => [
    index('fulfilment_task_queue_idx').on(t.locationId, t.status, t.promisedAt),
    index('fulfilment_task_order_idx').on(t.orderId),
    index('fulfilment_task_expiry_idx').on(t.expiresAt).where(sql`status = 'ready_for_pickup'`),
  ],
)

export const fulfilmentTaskLines = pgTable(
  'fulfilment_task_line',
  {
    taskId: text('task_id').notNull(),
    orderLineId: text('order_line_id').notNull(),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    /** Units the location could not find or found damaged: moved to another location or cancelled. */
    rejectedQuantity: integer('rejected_quantity').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.orderLineId] }),
    check(
      'fulfilment_task_line_quantity',
      sql`${t.rejectedQuantity} >= 0 AND ${t.rejectedQuantity} <= ${t.quantity}`,
    ),
  ],
)

/** Every step of a task, with who took it. Append-only. */
export const fulfilmentTaskEvents = pgTable(
  'fulfilment_task_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    taskId: text('task_id').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actor: text('actor'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('fulfilment_task_event_task_idx').on(t.taskId, t.id)],
)

/** Wrong pickup codes a store may hear for one order before its hand-over is locked. */
export const pickupAttemptLimit = 5

/**
 * Wrong pickup codes given at the counter for an order. At the limit the hand-over is locked (a
 * code can no longer be guessed) until a store manager unlocks it; every lock and unlock is an
 * event of the collect task (who, when, why).
 */
export const pickupGuards = pgTable(
  'pickup_guard',
  {
    orderId: text('order_id').primaryKey(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedAt: timestamp('locked_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    check(
      'pickup_guard_attempts_within_limit',
      sql`${t.failedAttempts} >= 0 AND ${t.failedAttempts} <= ${sql.raw(String(pickupAttemptLimit))}`,
    ),
  ],
)
