import { bigserial, boolean, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'

export const customers = pgTable(
  'customer',
  {
    id: text('id').primaryKey(),
    /** Lower-cased and trimmed; unique across all channels. */
    email: text('email').unique(),
    /** E.164 (+33612345678); unique. */
    phone: text('phone').unique(),
    loyaltyCard: text('loyalty_card').unique(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    addressLine: text('address_line').notNull().default(''),
    postcode: text('postcode').notNull().default(''),
    city: text('city').notNull().default(''),
    country: text('country').notNull().default('FR'),
    /** Channel where the customer was first created. */
    sourceChannelId: text('source_channel_id'),
    /** Set when this profile was merged into another: its id keeps resolving to that one. */
    mergedInto: text('merged_into'),
    /** Set when the customer's personal data was erased (GDPR): the profile is a pseudonym since. */
    erasedAt: timestamp('erased_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [index('customer_name_idx').on(t.lastName, t.firstName)],
)

/** Every merge, with the absorbed profile as it was: a merge is never lost. */
export const customerMerges = pgTable('customer_merge', {
  absorbedId: text('absorbed_id').primaryKey(),
  survivorId: text('survivor_id').notNull(),
  absorbed: jsonb('absorbed').$type<Record<string, unknown>>().notNull(),
  actor: text('actor'),
  mergedAt: timestamp('merged_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
})

/** What the call centre or a store wrote about a customer. Append-only. */
export const customerNotes = pgTable(
  'customer_note',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    customerId: text('customer_id').notNull(),
    body: text('body').notNull(),
    actor: text('actor'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('customer_note_customer_idx').on(t.customerId, t.id)],
)

/** Every export and erasure of a customer's data, with who asked: the GDPR record. */
export const privacyRequests = pgTable(
  'privacy_request',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    customerId: text('customer_id').notNull(),
    kind: text('kind', { enum: ['export', 'erasure'] }).notNull(),
    actor: text('actor'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('privacy_request_customer_idx').on(t.customerId, t.id)],
)

/**
 * What the customer agreed to, per purpose and medium, with where and when it was said. Append-only:
 * the consent in force is the latest statement for a purpose and medium.
 */
export const consents = pgTable(
  'consent',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    customerId: text('customer_id').notNull(),
    purpose: text('purpose', {
      enum: ['marketing', 'loyalty', 'partners', 'satisfaction_surveys'],
    }).notNull(),
    medium: text('medium', { enum: ['email', 'sms', 'post', 'phone'] }).notNull(),
    granted: boolean('granted').notNull(),
    channelId: text('channel_id'),
    actor: text('actor'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('consent_customer_idx').on(t.customerId, t.purpose, t.medium, t.id)],
)

/**
 * The customer's account in a channel's own shop (a web login): one login of a channel names one
 * customer, and it is how a channel key knows which customer is logged in.
 */
export const customerChannelAccounts = pgTable(
  'customer_channel_account',
  {
    channelId: text('channel_id').notNull(),
    /** As the channel sends it (its account id or login), exact. */
    login: text('login').notNull(),
    customerId: text('customer_id').notNull(),
    createdBy: text('created_by'),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.channelId, t.login] }),
    index('customer_channel_account_customer_idx').on(t.customerId),
  ],
)
