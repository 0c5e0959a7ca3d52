import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
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

/**
 * The brand as the seller on its invoices: its legal identity and the terms every invoice prints.
 * One row (`id = 'seller'`).
 */
export const businessSeller = pgTable('business_seller', {
  id: text('id').primaryKey(),
  legalName: text('legal_name').notNull(),
  /** SAS, SA, SARL… */
  legalForm: text('legal_form').notNull(),
  shareCapitalCents: bigint('share_capital_cents', { mode: 'number' }).notNull(),
  siren: text('siren').notNull(),
  siret: text('siret').notNull(),
  vatNumber: text('vat_number').notNull(),
  /** The city of the trade register (RCS Lyon). */
  rcsCity: text('rcs_city').notNull(),
  addressLine1: text('address_line1').notNull(),
  postcode: text('postcode').notNull(),
  city: text('city').notNull(),
  country: text('country').notNull(),
  iban: text('iban'),
  /** Yearly rate of late-payment penalties, in basis points (1215 = 12.15 %). */
  latePenaltyRateBp: integer('late_penalty_rate_bp').notNull(),
  ...timestamps,
})

/** The last number given in each year's invoice series: taken in the invoice's own transaction. */
export const invoiceNumbers = pgTable('invoice_number', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
  ...timestamps,
})

export const invoiceKinds = ['invoice', 'credit_note'] as const

/** An invoice or a credit note, as issued: immutable once written (a correction is a credit note). */
export const invoices = pgTable(
  'invoice',
  {
    id: text('id').primaryKey(),
    /** F2026-000001: one unbroken series per year, invoices and credit notes together. */
    number: text('number').notNull().unique(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: invoiceKinds }).notNull(),
    accountId: text('account_id').notNull(),
    issueDate: text('issue_date').notNull(),
    dueDate: text('due_date').notNull(),
    /** The invoice a credit note corrects. */
    correctsInvoiceId: text('corrects_invoice_id'),
    /** The return a credit note refunds. */
    returnId: text('return_id'),
    totalExclCents: bigint('total_excl_cents', { mode: 'number' }).notNull(),
    vatCents: bigint('vat_cents', { mode: 'number' }).notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    paidCents: bigint('paid_cents', { mode: 'number' }).notNull().default(0),
    /** What was issued, seller, buyer, lines and mentions: the document, as its PDF and XML render it. */
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('invoice_year_seq_idx').on(t.year, t.seq),
    index('invoice_account_idx').on(t.accountId, t.id),
    uniqueIndex('invoice_return_idx').on(t.returnId).where(sql`return_id IS NOT NULL`),
  ],
)

/** Which invoice bills an order: an order is invoiced once. */
export const invoiceOrders = pgTable('invoice_order', {
  orderId: text('order_id').primaryKey(),
  invoiceId: text('invoice_id').notNull(),
  ...timestamps,
})

/** A payment received against an invoice (a transfer, a cheque). */
export const invoicePayments = pgTable(
  'invoice_payment',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    receivedOn: text('received_on').notNull(),
    reference: text('reference'),
    ...timestamps,
  },
  (t) => [index('invoice_payment_invoice_idx').on(t.invoiceId)],
)

/** A reminder of an overdue invoice: level 1, 2, 3 (formal notice), with the penalties then due. */
export const invoiceReminders = pgTable(
  'invoice_reminder',
  {
    invoiceId: text('invoice_id').notNull(),
    level: integer('level').notNull(),
    sentOn: text('sent_on').notNull(),
    overdueCents: bigint('overdue_cents', { mode: 'number' }).notNull(),
    penaltyCents: bigint('penalty_cents', { mode: 'number' }).notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.level] })],
)
