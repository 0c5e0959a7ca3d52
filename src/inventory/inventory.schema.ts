import { sql } from 'drizzle-orm'
import { bigserial, check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { variants } from '../catalog/index.ts'
import { timestamps } from '../db/columns.ts'
import { locations } from '../network/index.ts'

export const stockLevels = pgTable(
  'stock_level',
  {
    locationId: text('location_id')
      .notNull()
      .references(() => locations.id),
    sku: text('sku')
      .notNull()
      .references(() => variants.sku),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    safetyStock: integer('safety_stock').notNull().default(0),
    /** Units shipped from another location and not yet received here (not on hand, not promisable). */
    inTransit: integer('in_transit').notNull().default(0),
    /** Returned units kept apart (damaged, or defective and waiting for after-sales): never sellable. */
    quarantined: integer('quarantined').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.sku, t.locationId] }),
    check('stock_level_in_transit_nonneg', sql`${t.inTransit} >= 0`),
    check('stock_level_quarantined_nonneg', sql`${t.quarantined} >= 0`),
    index('stock_level_location_idx').on(t.locationId),
    check('stock_level_on_hand_nonneg', sql`${t.onHand} >= 0`),
    check('stock_level_reserved_nonneg', sql`${t.reserved} >= 0`),
    check('stock_level_safety_nonneg', sql`${t.safetyStock} >= 0`),
  ],
)

export const movementKinds = [
  'receipt',
  'sale',
  'reservation',
  'release',
  'adjustment',
  'count',
  'transfer_out',
  'transfer_in',
  'return',
  'quarantine',
  'supplier_return',
] as const
export type MovementKind = (typeof movementKinds)[number]

/** Append-only ledger: on hand (and reserved) of a SKU at a location is the sum of its deltas. */
export const stockMovements = pgTable(
  'stock_movement',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    locationId: text('location_id').notNull(),
    sku: text('sku').notNull(),
    kind: text('kind', { enum: movementKinds }).notNull(),
    onHandDelta: integer('on_hand_delta').notNull().default(0),
    reservedDelta: integer('reserved_delta').notNull().default(0),
    quarantinedDelta: integer('quarantined_delta').notNull().default(0),
    /** What caused the movement: an order, a reservation, a receipt reference, a transfer. */
    reference: text('reference'),
    reason: text('reason'),
    actor: text('actor'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_movement_sku_location_idx').on(t.sku, t.locationId, t.id),
    // The sales of the last weeks, read by replenishment for each store's velocity.
    index('stock_movement_sale_idx').on(t.createdAt).where(sql`kind = 'sale'`),
  ],
)

export const reservations = pgTable(
  'reservation',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    orderLineId: text('order_line_id').notNull(),
    locationId: text('location_id').notNull(),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    status: text('status', { enum: ['active', 'consumed', 'released', 'expired'] })
      .notNull()
      .default('active'),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    index('reservation_order_idx').on(t.orderId),
    index('reservation_active_expiry_idx')
      .on(t.expiresAt)
      .where(sql`status = 'active' AND expires_at IS NOT NULL`),
  ],
)

/**
 * Goods on their way between two locations: a replenishment or inter-store transfer, or the units of
 * a click & collect order brought to the pickup store. Received once, at the destination.
 */
export const transfers = pgTable(
  'transfer',
  {
    id: text('id').primaryKey(),
    fromLocationId: text('from_location_id').notNull(),
    toLocationId: text('to_location_id').notNull(),
    status: text('status', { enum: ['in_transit', 'received'] }).notNull(),
    /** The order whose pickup this transfer serves, if any. */
    orderId: text('order_id'),
    expectedAt: timestamp('expected_at', { withTimezone: true, mode: 'date' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }),
    createdBy: text('created_by'),
    ...timestamps,
  },
  (t) => [
    index('transfer_to_idx').on(t.toLocationId, t.status, t.expectedAt),
    index('transfer_from_idx').on(t.fromLocationId, t.status),
  ],
)

export const transferLines = pgTable(
  'transfer_line',
  {
    transferId: text('transfer_id').notNull(),
    lineNo: integer('line_no').notNull(),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    /** The order line the units are for (a pickup), null for replenishment. */
    orderLineId: text('order_line_id'),
  },
  (t) => [
    primaryKey({ columns: [t.transferId, t.lineNo] }),
    check('transfer_line_quantity_positive', sql`${t.quantity} > 0`),
  ],
)
