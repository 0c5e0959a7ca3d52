import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'

/** A saved segment: a name and a filter over the customer base (validated, never SQL), evaluated when read. */
export const segments = pgTable('segment', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  filter: jsonb('filter').$type<Record<string, unknown>>().notNull(),
  createdBy: text('created_by'),
  ...timestamps,
})

/** draft: written, not sent; sending: its recipients are being handed to the sender, throttled; sent: all were. */
export const campaignStatuses = ['draft', 'sending', 'sent'] as const

/** An e-mail campaign to a segment: its text per language, its pace, and where it is. */
export const campaigns = pgTable('campaign', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  segmentId: text('segment_id').notNull(),
  /** `{ fr: { subject, body }, en: { subject, body } }`. */
  content: jsonb('content').$type<Record<string, { subject: string; body: string }>>().notNull(),
  /** At most this many e-mails handed to the sender per minute. */
  ratePerMinute: integer('rate_per_minute').notNull(),
  status: text('status', { enum: campaignStatuses }).notNull().default('draft'),
  /** The segment's filter as it was when the campaign was sent. */
  sentFilter: jsonb('sent_filter').$type<Record<string, unknown>>(),
  createdBy: text('created_by'),
  sentBy: text('sent_by'),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  ...timestamps,
})

/**
 * pending: in the segment when the campaign was sent, not yet handed over; queued: its e-mail is a
 * message (whose own status says sent, bounced, failed, cancelled); skipped: not written, `reason` says why.
 */
export const recipientStatuses = ['pending', 'queued', 'skipped'] as const

/** Each customer of a campaign's segment, once, in the order they are handed to the sender. */
export const campaignRecipients = pgTable(
  'campaign_recipient',
  {
    campaignId: text('campaign_id').notNull(),
    customerId: text('customer_id').notNull(),
    position: integer('position').notNull(),
    status: text('status', { enum: recipientStatuses }).notNull().default('pending'),
    reason: text('reason'),
    messageId: text('message_id'),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.customerId] }),
    index('campaign_recipient_pending_idx').on(t.campaignId, t.status, t.position),
  ],
)
