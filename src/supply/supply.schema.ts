import { sql } from 'drizzle-orm'
import {
  check,
  date,
  doublePrecision,
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

/**
 * How a store is fed: from which warehouse, on which weekdays the truck comes (ISO: 1 Monday … 7
 * Sunday), how many days an order takes to arrive, and how many pallets a truck carries.
 */
export const storeSupply = pgTable('store_supply', {
  locationId: text('location_id').primaryKey(),
  warehouseId: text('warehouse_id').notNull(),
  deliveryDays: integer('delivery_days').array().notNull(),
  leadDays: integer('lead_days').notNull().default(1),
  palletsPerTruck: integer('pallets_per_truck').notNull().default(26),
  ...timestamps,
})

/**
 * What a warehouse keeps for the web before feeding stores (days of its own sales, which are the
 * web's parcels) and the cover its purchase orders aim at.
 */
export const warehouseSupply = pgTable('warehouse_supply', {
  locationId: text('location_id').primaryKey(),
  webReserveDays: integer('web_reserve_days').notNull().default(3),
  purchaseCoverDays: integer('purchase_cover_days').notNull().default(28),
  ...timestamps,
})

/** Units of a SKU a pallet holds (a product's own, or worked out from its volume by whoever sets it). */
export const skuPallets = pgTable(
  'sku_pallet',
  {
    sku: text('sku').primaryKey(),
    unitsPerPallet: integer('units_per_pallet').notNull(),
    ...timestamps,
  },
  (t) => [check('sku_pallet_units_positive', sql`${t.unitsPerPallet} > 0`)],
)

export const policyMethods = ['min_max', 'cover'] as const

/**
 * A store's rule for a SKU: refill to `max` when the stock position falls to `min`, or keep
 * `cover_days` of sales (the velocity of the last weeks) on top of the lead time.
 */
export const replenishmentPolicies = pgTable(
  'replenishment_policy',
  {
    locationId: text('location_id').notNull(),
    sku: text('sku').notNull(),
    method: text('method', { enum: policyMethods }).notNull(),
    minQty: integer('min_qty').notNull().default(0),
    maxQty: integer('max_qty').notNull().default(0),
    coverDays: integer('cover_days').notNull().default(0),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.locationId, t.sku] })],
)

export const proposalStatuses = ['draft', 'approved'] as const

/** A store's replenishment for one day: drafted by the daily job, reviewed, approved into transfers. */
export const replenishmentProposals = pgTable(
  'replenishment_proposal',
  {
    id: text('id').primaryKey(),
    locationId: text('location_id').notNull(),
    warehouseId: text('warehouse_id').notNull(),
    proposalDate: date('proposal_date', { mode: 'string' }).notNull(),
    deliveryDate: date('delivery_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: proposalStatuses }).notNull().default('draft'),
    /** The transfers the approval created, one per truck. */
    transferIds: jsonb('transfer_ids').$type<string[]>().notNull().default([]),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('replenishment_proposal_day_idx').on(t.locationId, t.proposalDate),
    index('replenishment_proposal_date_idx').on(t.proposalDate, t.status),
  ],
)

/** One SKU of a proposal with what explains it. */
export const replenishmentLines = pgTable(
  'replenishment_line',
  {
    proposalId: text('proposal_id').notNull(),
    sku: text('sku').notNull(),
    /** What the job proposed; `quantity` is what will be sent (edited at review). */
    proposed: integer('proposed').notNull(),
    quantity: integer('quantity').notNull(),
    method: text('method', { enum: policyMethods }).notNull(),
    velocity: doublePrecision('velocity').notNull(),
    coverDays: integer('cover_days').notNull(),
    minQty: integer('min_qty').notNull(),
    maxQty: integer('max_qty').notNull(),
    onHand: integer('on_hand').notNull(),
    reserved: integer('reserved').notNull(),
    inTransit: integer('in_transit').notNull(),
    openOrders: integer('open_orders').notNull(),
    target: integer('target').notNull(),
    need: integer('need').notNull(),
    unitsPerPallet: integer('units_per_pallet').notNull(),
    pallets: doublePrecision('pallets').notNull(),
    truck: integer('truck').notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.sku] }),
    check('replenishment_line_quantity_nonneg', sql`${t.quantity} >= 0`),
  ],
)

/** A supplier the brand buys from, with its usual lead time and how much over the order it may deliver. */
export const suppliers = pgTable('supplier', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  email: text('email'),
  leadDays: integer('lead_days').notNull().default(7),
  /** Units delivered over the ordered quantity, in percent, accepted without approval. */
  overTolerancePct: integer('over_tolerance_pct').notNull().default(5),
  ...timestamps,
})

/** What a supplier sells: its price and the pack a purchase is rounded up to. */
export const supplierItems = pgTable(
  'supplier_item',
  {
    supplierId: text('supplier_id').notNull(),
    sku: text('sku').notNull(),
    unitCostCents: integer('unit_cost_cents').notNull(),
    packSize: integer('pack_size').notNull().default(1),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.supplierId, t.sku] }), index('supplier_item_sku_idx').on(t.sku)],
)

export const purchaseOrderStatuses = ['open', 'partially_received', 'received', 'cancelled'] as const

/** An order to a supplier, delivered to a warehouse (or a store for direct deliveries). */
export const purchaseOrders = pgTable(
  'purchase_order',
  {
    id: text('id').primaryKey(),
    /** The ERP's number, unique: importing the same order twice changes nothing. */
    reference: text('reference').notNull().unique(),
    supplierId: text('supplier_id').notNull(),
    locationId: text('location_id').notNull(),
    status: text('status', { enum: purchaseOrderStatuses }).notNull().default('open'),
    expectedOn: date('expected_on', { mode: 'string' }).notNull(),
    createdBy: text('created_by'),
    ...timestamps,
  },
  (t) => [index('purchase_order_location_idx').on(t.locationId, t.status)],
)

export const purchaseOrderLines = pgTable(
  'purchase_order_line',
  {
    purchaseOrderId: text('purchase_order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    unitCostCents: integer('unit_cost_cents').notNull().default(0),
    /** Good units received so far, and damaged ones (kept in quarantine for the supplier). */
    received: integer('received').notNull().default(0),
    damaged: integer('damaged').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.purchaseOrderId, t.lineNo] }),
    index('purchase_order_line_sku_idx').on(t.sku),
    check('purchase_order_line_quantity_positive', sql`${t.quantity} > 0`),
  ],
)

/** A supplier's advance shipping notice: what it says is on the truck, and when it arrives. */
export const shippingNotices = pgTable(
  'shipping_notice',
  {
    id: text('id').primaryKey(),
    purchaseOrderId: text('purchase_order_id').notNull(),
    reference: text('reference').notNull(),
    arrivesAt: timestamp('arrives_at', { withTimezone: true, mode: 'date' }).notNull(),
    lines: jsonb('lines').$type<Array<{ sku: string; quantity: number }>>().notNull(),
    status: text('status', { enum: ['announced', 'received'] })
      .notNull()
      .default('announced'),
    ...timestamps,
  },
  (t) => [uniqueIndex('shipping_notice_reference_idx').on(t.purchaseOrderId, t.reference)],
)

export interface ReceiptLine {
  sku: string
  ordered: number
  /** Ordered and not yet received before this receipt. */
  outstanding: number
  received: number
  damaged: number
  /** Good units over what was outstanding, and units missing from it. */
  over: number
  short: number
}

/** Goods received against a purchase order; over the tolerance it waits for approval before stock moves. */
export const purchaseReceipts = pgTable(
  'purchase_receipt',
  {
    id: text('id').primaryKey(),
    purchaseOrderId: text('purchase_order_id').notNull(),
    noticeId: text('notice_id'),
    locationId: text('location_id').notNull(),
    status: text('status', { enum: ['posted', 'awaiting_approval', 'rejected'] }).notNull(),
    lines: jsonb('lines').$type<ReceiptLine[]>().notNull(),
    receivedBy: text('received_by'),
    decidedBy: text('decided_by'),
    ...timestamps,
  },
  (t) => [index('purchase_receipt_order_idx').on(t.purchaseOrderId)],
)

/** Units sent back to a supplier: damaged ones out of quarantine, or sellable ones out of on hand. */
export const supplierReturns = pgTable('supplier_return', {
  id: text('id').primaryKey(),
  supplierId: text('supplier_id').notNull(),
  locationId: text('location_id').notNull(),
  purchaseOrderId: text('purchase_order_id'),
  lines: jsonb('lines')
    .$type<Array<{ sku: string; quantity: number; from: 'quarantine' | 'on_hand' }>>()
    .notNull(),
  reason: text('reason').notNull(),
  createdBy: text('created_by'),
  ...timestamps,
})
