import { sql } from 'drizzle-orm'
import { bigserial, check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'

/** The balance of a customer's points: the sum of its ledger, kept alongside so a spend is one guarded update. */
export const loyaltyAccounts = pgTable(
  'loyalty_account',
  {
    customerId: text('customer_id').primaryKey(),
    balance: integer('balance').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [check('loyalty_balance_nonneg', sql`${t.balance} >= 0`)],
)

export const loyaltyEntryKinds = ['earn', 'burn', 'reversal', 'adjustment'] as const

/** Every movement of points, signed. Append-only; an order earns once and burns once. */
export const loyaltyEntries = pgTable(
  'loyalty_entry',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    customerId: text('customer_id').notNull(),
    kind: text('kind', { enum: loyaltyEntryKinds }).notNull(),
    points: integer('points').notNull(),
    orderId: text('order_id'),
    reference: text('reference'),
    reason: text('reason'),
    actor: text('actor'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('loyalty_entry_customer_idx').on(t.customerId, t.id),
    uniqueIndex('loyalty_entry_once_idx').on(t.orderId, t.kind, t.reference),
  ],
)
