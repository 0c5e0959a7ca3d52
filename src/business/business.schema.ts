import { sql } from 'drizzle-orm'
import { bigint, boolean, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'

/**
 * A company buying from the brand (a professional customer, or a franchisee buying its goods): its
 * legal identity, its terms and its credit. Buyers are customer profiles attached to it.
 */
export const businessAccounts = pgTable(
  'business_account',
  {
    id: text('id').primaryKey(),
    /** Raison sociale. */
    legalName: text('legal_name').notNull(),
    siren: text('siren'),
    /** The establishment billed (SIRET = SIREN + NIC). */
    siret: text('siret'),
    /** Intra-EU VAT number (FR…, DE…, EL… for Greece). */
    vatNumber: text('vat_number'),
    country: text('country').notNull(),
    addressLine1: text('address_line1').notNull(),
    postcode: text('postcode').notNull(),
    city: text('city').notNull(),
    email: text('email'),
    paymentTermsDays: integer('payment_terms_days').notNull().default(30),
    paymentTermsEndOfMonth: boolean('payment_terms_end_of_month').notNull().default(false),
    /** Null: no limit. */
    creditLimitCents: bigint('credit_limit_cents', { mode: 'number' }),
    priceListId: text('price_list_id'),
    /** Set when the account is a franchisee of the brand buying its goods (sell-in). */
    franchiseeId: text('franchisee_id'),
    /** Monthly: one invoice a month for the month's shipped orders; otherwise one per shipped order. */
    invoicing: text('invoicing', { enum: ['per_order', 'monthly'] })
      .notNull()
      .default('per_order'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('business_account_siret_idx').on(t.siret).where(sql`siret IS NOT NULL`),
    index('business_account_franchisee_idx').on(t.franchiseeId),
  ],
)

/** A person who orders for an account: a customer profile, under one account at most. */
export const businessBuyers = pgTable(
  'business_buyer',
  {
    customerId: text('customer_id').primaryKey(),
    accountId: text('account_id').notNull(),
    ...timestamps,
  },
  (t) => [index('business_buyer_account_idx').on(t.accountId)],
)

/** A B2B price list: prices excluding VAT with quantity breaks. */
export const businessPriceLists = pgTable('business_price_list', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  currency: text('currency').notNull().default('EUR'),
  ...timestamps,
})

export const businessPrices = pgTable(
  'business_price',
  {
    priceListId: text('price_list_id').notNull(),
    sku: text('sku').notNull(),
    minQuantity: integer('min_quantity').notNull(),
    unitPriceExclCents: integer('unit_price_excl_cents').notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.priceListId, t.sku, t.minQuantity] })],
)

/** An order placed for an account: who bought it, and its amount (VAT included) as placed. */
export const businessOrders = pgTable(
  'business_order',
  {
    orderId: text('order_id').primaryKey(),
    accountId: text('account_id').notNull(),
    buyerCustomerId: text('buyer_customer_id').notNull(),
    purchaseOrderRef: text('purchase_order_ref'),
    ...timestamps,
  },
  (t) => [index('business_order_account_idx').on(t.accountId, t.orderId)],
)
