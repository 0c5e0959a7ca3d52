import { sql } from 'drizzle-orm'
import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'
import type { DeliveryAddress } from '../network/index.ts'
import type { FeeBand, RateBand, Zone } from './rates.domain.ts'

export const serviceKinds = ['home', 'relay', 'express'] as const
export const parcelDirections = ['outbound', 'return'] as const
export const parcelStatuses = [
  'packed',
  'shipped',
  'in_transit',
  'out_for_delivery',
  'at_relay',
  'delivered',
  'exception',
  'returned_to_sender',
] as const

/** Draws the serial of tracking numbers (UPU S10: 8 digits and a check digit). */
export const trackingSerialSeq = pgSequence('tracking_serial_seq', { startWith: 10000001 })

/**
 * A carrier's service as the brand contracted it: the zones it serves (by postcode prefix), the
 * weight bands of each zone and what the carrier charges the brand for them. Saved only when every
 * zone is covered from 0 g to the service's maximum weight.
 */
export const carrierServices = pgTable('carrier_service', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  carrier: text('carrier').notNull(),
  kind: text('kind', { enum: serviceKinds }).notNull(),
  /** The two letters that start its tracking numbers (UPU S10 service indicator). */
  trackingPrefix: text('tracking_prefix').notNull(),
  /** Working days from hand-over to delivery. */
  transitDays: integer('transit_days').notNull(),
  /** Parcels handed over after this hour (Europe/Paris) leave the next working day. */
  cutoffHour: integer('cutoff_hour').notNull(),
  maxWeightG: integer('max_weight_g').notNull(),
  /** The longest side plus the girth, in millimetres. */
  maxSizeMm: integer('max_size_mm').notNull(),
  zones: jsonb('zones').$type<Zone[]>().notNull(),
  rates: jsonb('rates').$type<RateBand[]>().notNull(),
  active: boolean('active').notNull().default(true),
  /** Signs the carrier's tracking webhooks (HMAC-SHA256): kept to check them, shown once. */
  webhookSecret: text('webhook_secret').notNull(),
  ...timestamps,
})

/**
 * What a channel charges its customers for a service: fee bands by zone and weight (VAT included),
 * free above a basket, free with a promotion's code.
 */
export const deliveryFees = pgTable(
  'delivery_fee',
  {
    id: text('id').primaryKey(),
    channelId: text('channel_id').notNull(),
    serviceId: text('service_id').notNull(),
    bands: jsonb('bands').$type<FeeBand[]>().notNull(),
    /** Basket (VAT included) from which delivery is free; null: never. */
    freeFromCents: integer('free_from_cents'),
    /** Promotion codes that offer this delivery. */
    freeCodes: jsonb('free_codes').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    vatRateBp: integer('vat_rate_bp').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('delivery_fee_channel_service_idx').on(t.channelId, t.serviceId)],
)

/** A shop or locker where a relay service's parcels wait for the customer. */
export const relayPoints = pgTable(
  'relay_point',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    line1: text('line1').notNull(),
    postcode: text('postcode').notNull(),
    city: text('city').notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    openingHours: text('opening_hours'),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('relay_point_service_code_idx').on(t.serviceId, t.code),
    index('relay_point_postcode_idx').on(t.postcode),
  ],
)

/** A parcel: goods of one fulfilment task (outbound) or of a return (inbound), with its label. */
export const parcels = pgTable(
  'parcel',
  {
    id: text('id').primaryKey(),
    trackingNumber: text('tracking_number').notNull().unique(),
    serviceId: text('service_id').notNull(),
    direction: text('direction', { enum: parcelDirections }).notNull(),
    status: text('status', { enum: parcelStatuses }).notNull(),
    orderId: text('order_id').notNull(),
    taskId: text('task_id'),
    returnId: text('return_id'),
    /** Where it leaves from (outbound) or goes to (return). */
    locationId: text('location_id').notNull(),
    relayPointId: text('relay_point_id'),
    /** The customer's address (delivery, or pick-up of a return). */
    address: jsonb('address').$type<DeliveryAddress>(),
    zone: text('zone').notNull(),
    weightG: integer('weight_g').notNull(),
    lengthMm: integer('length_mm').notNull(),
    widthMm: integer('width_mm').notNull(),
    heightMm: integer('height_mm').notNull(),
    /** What the carrier charges the brand for it. */
    costCents: integer('cost_cents').notNull(),
    shippedAt: timestamp('shipped_at', { withTimezone: true, mode: 'date' }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
    createdBy: text('created_by'),
    ...timestamps,
  },
  (t) => [
    index('parcel_order_idx').on(t.orderId),
    index('parcel_task_idx').on(t.taskId),
    index('parcel_shipped_idx').on(t.locationId, t.shippedAt),
  ],
)

export const parcelLines = pgTable(
  'parcel_line',
  {
    parcelId: text('parcel_id').notNull(),
    orderLineId: text('order_line_id').notNull(),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.parcelId, t.orderLineId] })],
)

/** What the carrier says happened to a parcel, in the order it happened; each carrier event once. */
export const trackingEvents = pgTable(
  'tracking_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    parcelId: text('parcel_id').notNull(),
    /** The carrier's own id of the event: a webhook delivered twice or a file imported twice adds it once. */
    externalId: text('external_id').notNull(),
    status: text('status', { enum: parcelStatuses }).notNull(),
    description: text('description').notNull(),
    place: text('place'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    source: text('source', { enum: ['webhook', 'import', 'staff'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tracking_event_external_idx').on(t.parcelId, t.externalId),
    index('tracking_event_parcel_idx').on(t.parcelId, t.occurredAt),
  ],
)
