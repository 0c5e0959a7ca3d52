import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'

/** The hash a chain starts from: no record before the first. */
export const GENESIS_HASH = '0'.repeat(64)

export const ticketKinds = ['sale', 'return', 'cancellation', 'duplicata', 'training'] as const

/** A store's fiscal settings: the cash variance a cashier may leave without a manager, its legal mentions. */
export const fiscalStores = pgTable('fiscal_store', {
  storeId: text('store_id').primaryKey(),
  varianceThresholdCents: integer('variance_threshold_cents').notNull().default(500),
  /** The establishment's SIRET (SIREN + NIC): each store is an establishment of the company. */
  siret: text('siret'),
  /** The address printed on receipts, when it differs from the store's address in the network. */
  address: text('address'),
  ...timestamps,
})

/**
 * The company's legal identity printed on every receipt (one row, `id = 'company'`), and the
 * accountant's chart for the FEC (null: the default chart).
 */
export const fiscalCompany = pgTable('fiscal_company', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  legalForm: text('legal_form').notNull(),
  shareCapitalCents: integer('share_capital_cents'),
  address: text('address').notNull(),
  siren: text('siren').notNull(),
  vatNumber: text('vat_number').notNull(),
  rcs: text('rcs'),
  fecAccounts: jsonb('fec_accounts'),
  ...timestamps,
})

/** The monthly archives, each written once and kept (append-only): the signed archive as written. */
export const fiscalArchives = pgTable('fiscal_archive', {
  period: text('period').primaryKey(),
  archiveHash: text('archive_hash').notNull(),
  records: integer('records').notNull(),
  /** The archive file, JSON, exactly as downloaded. */
  content: text('content').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
})

/**
 * A till (caisse) of a store. Its row is the head of its three chains (tickets, journal, closings):
 * a record is appended under `SELECT … FOR UPDATE` of this row, so one register's records form one
 * unbroken chain while two registers never wait for each other.
 */
export const fiscalRegisters = pgTable(
  'fiscal_register',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** The store's time zone, for business days and period closings. */
    timezone: text('timezone').notNull(),
    openSessionId: text('open_session_id'),
    /** The open session is a training session: its tickets are marked and count in no total. */
    training: boolean('training').notNull().default(false),
    /** The key last signed in on the register's open session (a new one is a sign-in in the journal). */
    signedIn: text('signed_in'),
    /** The last business day (YYYY-MM-DD) closed: the register sells again the day after. */
    closedThrough: text('closed_through'),
    ticketSeq: integer('ticket_seq').notNull().default(0),
    ticketHash: text('ticket_hash').notNull().default(GENESIS_HASH),
    journalSeq: integer('journal_seq').notNull().default(0),
    journalHash: text('journal_hash').notNull().default(GENESIS_HASH),
    closingSeq: integer('closing_seq').notNull().default(0),
    closingHash: text('closing_hash').notNull().default(GENESIS_HASH),
    ...timestamps,
  },
  (t) => [uniqueIndex('fiscal_register_code_idx').on(t.storeId, t.code)],
)

/**
 * A cash session: opened with a counted float, closed by counting each tender. Its tickets and
 * journal entries are the contiguous ranges of its register's chains between its open and its close.
 */
export const fiscalSessions = pgTable(
  'fiscal_session',
  {
    id: text('id').primaryKey(),
    registerId: text('register_id').notNull(),
    floatCents: integer('float_cents').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull(),
    openedBy: text('opened_by').notNull(),
    /** The first ticket and journal sequence numbers of the session (the register's next ones at open). */
    firstTicketSeq: integer('first_ticket_seq').notNull(),
    firstJournalSeq: integer('first_journal_seq').notNull(),
    lastTicketSeq: integer('last_ticket_seq'),
    lastJournalSeq: integer('last_journal_seq'),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    closedBy: text('closed_by'),
    /** A training session (mode formation): its tickets are marked and count in no total. */
    training: boolean('training').notNull().default(false),
    /** Closed by the end-of-day job because it was left open: nothing was counted. */
    automatic: boolean('automatic').notNull().default(false),
    /** Per tender: expected, counted, variance; the manager and reason of a variance over threshold. */
    counts: jsonb('counts'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('fiscal_session_one_open_idx').on(t.registerId).where(sql`closed_at IS NULL`),
    index('fiscal_session_register_idx').on(t.registerId, t.openedAt),
  ],
)

/**
 * Tickets: sales, returns, cancellations, reprints (DUPLICATA) and training tickets. Append-only (a
 * trigger refuses UPDATE and DELETE).
 */
export const fiscalTickets = pgTable(
  'fiscal_ticket',
  {
    registerId: text('register_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: ticketKinds }).notNull(),
    sessionId: text('session_id').notNull(),
    orderId: text('order_id'),
    /** The ticket a DUPLICATA reprints. */
    originalSeq: integer('original_seq'),
    totalCents: integer('total_cents').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Everything printed and totalled: the hashed content. */
    body: jsonb('body').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.registerId, t.seq] }),
    index('fiscal_ticket_order_idx').on(t.orderId).where(sql`order_id IS NOT NULL`),
    index('fiscal_ticket_reprint_idx').on(t.registerId, t.originalSeq).where(sql`original_seq IS NOT NULL`),
  ],
)

/** The technical event journal (JET): sessions, cash movements, closings, refusals. Append-only. */
export const fiscalJournal = pgTable(
  'fiscal_journal',
  {
    registerId: text('register_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    sessionId: text('session_id'),
    amountCents: integer('amount_cents'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    body: jsonb('body').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.registerId, t.seq] })],
)

export const closingKinds = ['daily', 'monthly', 'annual'] as const
export type ClosingKind = (typeof closingKinds)[number]

/** Daily, monthly and annual closings with the perpetual grand total, signed. Append-only. */
export const fiscalClosings = pgTable(
  'fiscal_closing',
  {
    registerId: text('register_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: closingKinds }).notNull(),
    /** YYYY-MM-DD, YYYY-MM or YYYY. */
    period: text('period').notNull(),
    totalCents: integer('total_cents').notNull(),
    grandTotalCents: integer('grand_total_cents').notNull(),
    automatic: boolean('automatic').notNull().default(false),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    body: jsonb('body').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** Ed25519 signature (base64) of `hash` by the installation's key. */
    signature: text('signature').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.registerId, t.seq] }),
    uniqueIndex('fiscal_closing_period_idx').on(t.registerId, t.kind, t.period),
    check('fiscal_closing_grand_total_nonneg', sql`${t.grandTotalCents} >= 0`),
  ],
)

/** The installation's Ed25519 key pair (one row), created on first use; the public key is published. */
export const fiscalKeys = pgTable('fiscal_key', {
  id: text('id').primaryKey(),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
})
