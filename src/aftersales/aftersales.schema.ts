import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  pgSequence,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'

export const ticketNumberSeq = pgSequence('ticket_number_seq', { startWith: 700001 })

export const ticketKinds = ['repair', 'replacement', 'complaint', 'missing_item', 'supplier_claim'] as const
/** Kinds a channel, a till or an agent opens; a supplier claim is opened by a refunded defective return. */
export const openableTicketKinds = ['repair', 'replacement', 'complaint', 'missing_item'] as const
export const ticketStatuses = [
  'open',
  'in_progress',
  'waiting_customer',
  'at_repairer',
  'resolved',
  'closed',
] as const

/** An after-sales service (SAV) ticket about an order line, opened and followed from any channel. */
export const serviceTickets = pgTable(
  'service_ticket',
  {
    id: text('id').primaryKey(),
    number: bigint('number', { mode: 'number' })
      .notNull()
      .unique()
      .default(sql`nextval('ticket_number_seq')`),
    orderId: text('order_id').notNull(),
    orderLineId: text('order_line_id').notNull(),
    /** The customer's ticket; null for the store's own (a supplier claim on a refunded defective item). */
    customerId: text('customer_id'),
    /** The return that brought the product back, when it came back defective. */
    returnId: text('return_id'),
    kind: text('kind', { enum: ticketKinds }).notNull(),
    status: text('status', { enum: ticketStatuses }).notNull(),
    subject: text('subject').notNull(),
    /** The location holding the product now (a store, the warehouse), if the brand has it. */
    locationId: text('location_id'),
    /** Where it was opened: the channel of the key, or the store of the till. */
    openedChannelId: text('opened_channel_id'),
    openedLocationId: text('opened_location_id'),
    openedBy: text('opened_by'),
    resolution: text('resolution'),
    ...timestamps,
  },
  (t) => [
    index('service_ticket_customer_idx').on(t.customerId, t.id),
    index('service_ticket_order_idx').on(t.orderId),
    index('service_ticket_status_idx').on(t.status, t.id),
  ],
)

/** Messages and notes on a ticket, and each status change, in order. Append-only. */
export const serviceTicketMessages = pgTable(
  'service_ticket_message',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: text('ticket_id').notNull(),
    body: text('body').notNull(),
    /** Internal notes are for staff; the others can be shown to the customer. */
    internal: boolean('internal').notNull().default(false),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    author: text('author'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('service_ticket_message_ticket_idx').on(t.ticketId, t.id)],
)

/** Binary column: photos are kept in the database, so one backup (PGlite's directory or PostgreSQL's) holds them. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' })

/**
 * A photo attached to a ticket (the defect, the packaging, the serial plate), by the customer from
 * their account or by staff. Its type was checked from its bytes, not from what the sender said.
 */
export const serviceTicketPhotos = pgTable(
  'service_ticket_photo',
  {
    id: text('id').primaryKey(),
    ticketId: text('ticket_id').notNull(),
    contentType: text('content_type').notNull(),
    fileName: text('file_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    /** The message the photo illustrates, if it came with one. */
    messageId: bigint('message_id', { mode: 'number' }),
    author: text('author'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('service_ticket_photo_ticket_idx').on(t.ticketId, t.id)],
)
