import { sql } from 'drizzle-orm'
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'

export const messageChannels = ['email', 'sms'] as const
/**
 * queued: waiting for its send (or its next attempt, or its planned time: a pickup reminder);
 * sent: the SMTP server or the SMS provider accepted it; bounced: refused for good (a mailbox or number
 * that does not exist); failed: given up after retrying; cancelled: withdrawn before it went (a
 * reminder for an order collected meanwhile, a queued message of a customer erased since).
 */
export const messageStatuses = ['queued', 'sent', 'failed', 'bounced', 'cancelled'] as const

/**
 * Every message to a customer, one row each: written by the notifications consumer in the transaction
 * that moves its cursor, handed to SMTP or the SMS provider by the sender job. One per event and
 * template (and channel): a duplicate event writes nothing.
 */
export const notificationMessages = pgTable(
  'notification_message',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id').notNull(),
    template: text('template').notNull(),
    channel: text('channel', { enum: messageChannels }).notNull(),
    /** The recipient: a customer id (resolves merges at write time). */
    customerId: text('customer_id').notNull(),
    /** The order, return or ticket the message is about. */
    subjectRef: text('subject_ref'),
    language: text('language', { enum: ['fr', 'en'] }).notNull(),
    /** The e-mail address or phone number it goes to; null once the customer is erased. */
    address: text('address'),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html'),
    status: text('status', { enum: messageStatuses }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** When the next attempt is due (a planned reminder: when it should go). */
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    /** The provider's id for it (SMTP Message-ID, the SMS provider's message id). */
    providerRef: text('provider_ref'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('notification_message_event_idx').on(t.eventId, t.template, t.channel),
    index('notification_message_customer_idx').on(t.customerId, t.id),
    index('notification_message_subject_idx').on(t.subjectRef, t.template),
    index('notification_message_due_idx').on(t.dueAt).where(sql`status = 'queued'`),
  ],
)

/**
 * How a customer wants to hear about their own orders (transactional messages): the language, by
 * e-mail and/or SMS, and whether a till sale sends its receipt by e-mail. No row: the defaults
 * (e-mail on, SMS off, no e-receipt, the language of the customer's country). Marketing needs the
 * customer's consent (the `consent` table), not this.
 */
export const notificationPreferences = pgTable('notification_preference', {
  customerId: text('customer_id').primaryKey(),
  language: text('language', { enum: ['fr', 'en'] }),
  email: boolean('email').notNull().default(true),
  sms: boolean('sms').notNull().default(false),
  eReceipt: boolean('e_receipt').notNull().default(false),
  ...timestamps,
})

/** The installation's secret that signs unsubscribe links, made on first use. */
export const notificationSecrets = pgTable('notification_secret', {
  id: text('id').primaryKey(),
  secret: text('secret').notNull(),
  ...timestamps,
})
