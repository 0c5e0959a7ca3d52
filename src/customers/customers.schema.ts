import { index, pgTable, text } from 'drizzle-orm/pg-core'
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
    ...timestamps,
  },
  (t) => [index('customer_name_idx').on(t.lastName, t.firstName)],
)
