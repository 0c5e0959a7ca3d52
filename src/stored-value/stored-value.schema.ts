import { sql } from 'drizzle-orm'
import { bigserial, check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'

/** Money the brand owes a bearer: gift cards sold, store credit (avoir) and loyalty reward vouchers. */
export const storedValueKinds = ['gift_card', 'store_credit', 'voucher'] as const
export type StoredValueKind = (typeof storedValueKinds)[number]

export const storedValueSources = ['sale', 'refund', 'exchange', 'goodwill', 'reward'] as const

/** One card, credit note or voucher: its balance is the sum of its ledger, kept here for a guarded spend. */
export const storedValueAccounts = pgTable(
  'stored_value_account',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: storedValueKinds }).notNull(),
    /** What the bearer types or scans to spend it; unique across kinds. */
    code: text('code').notNull().unique(),
    customerId: text('customer_id'),
    currency: text('currency').notNull().default('EUR'),
    issuedCents: integer('issued_cents').notNull(),
    balanceCents: integer('balance_cents').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    source: text('source', { enum: storedValueSources }).notNull(),
    /** The order or return that issued it, if any. */
    sourceOrderId: text('source_order_id'),
    sourceReturnId: text('source_return_id'),
    issuedBy: text('issued_by'),
    ...timestamps,
  },
  (t) => [
    check('stored_value_balance_nonneg', sql`${t.balanceCents} >= 0`),
    check('stored_value_issued_positive', sql`${t.issuedCents} > 0`),
    index('stored_value_customer_idx').on(t.customerId),
    index('stored_value_expiry_idx').on(t.expiresAt).where(sql`balance_cents > 0`),
  ],
)

export const storedValueEntryKinds = ['issue', 'redeem', 'refund', 'expire', 'adjust'] as const

/** Every movement of a stored-value account, signed; retries are idempotent by (account, kind, reference). */
export const storedValueEntries = pgTable(
  'stored_value_entry',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: text('account_id').notNull(),
    kind: text('kind', { enum: storedValueEntryKinds }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    orderId: text('order_id'),
    returnId: text('return_id'),
    /** The payment it pays or gives back, or another unique reason for the movement. */
    reference: text('reference').notNull(),
    reason: text('reason'),
    actor: text('actor'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('stored_value_entry_account_idx').on(t.accountId, t.id),
    uniqueIndex('stored_value_entry_once_idx').on(t.accountId, t.kind, t.reference),
  ],
)
