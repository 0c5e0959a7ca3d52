import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'

export const countScopes = ['full', 'zone', 'category', 'cycle'] as const
export const countStatuses = ['counting', 'recount', 'review', 'approved', 'cancelled'] as const

/**
 * A stock count at a location: what it covers, and where it is in counting → recount → review →
 * approved. On hand of each SKU is kept as it was when the count started (the snapshot): what the
 * counters find is compared with it, and the movements after it (sales, receipts) are replayed on top.
 */
export const countSessions = pgTable(
  'count_session',
  {
    id: text('id').primaryKey(),
    locationId: text('location_id').notNull(),
    scope: text('scope', { enum: countScopes }).notNull(),
    /** The zone's name or the category counted; null for full and cycle counts. */
    scopeValue: text('scope_value'),
    status: text('status', { enum: countStatuses }).notNull().default('counting'),
    /** A line whose variance exceeds this many units (or this share of the snapshot) is recounted. */
    recountUnits: integer('recount_units').notNull().default(3),
    recountPct: integer('recount_pct').notNull().default(20),
    startedBy: text('started_by'),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [index('count_session_location_idx').on(t.locationId, t.status)],
)

export const countLines = pgTable(
  'count_line',
  {
    sessionId: text('session_id').notNull(),
    sku: text('sku').notNull(),
    /** On hand when the count started. */
    snapshot: integer('snapshot').notNull(),
    counted: integer('counted'),
    needsRecount: boolean('needs_recount').notNull().default(false),
    recounted: integer('recounted'),
    /** At approval: on hand then, and the count movement written (counted − snapshot, replayed). */
    onHandAtApproval: integer('on_hand_at_approval'),
    appliedDelta: integer('applied_delta'),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.sku] }),
    check('count_line_counted_nonneg', sql`${t.counted} IS NULL OR ${t.counted} >= 0`),
    check('count_line_recounted_nonneg', sql`${t.recounted} IS NULL OR ${t.recounted} >= 0`),
  ],
)
