import { sql } from 'drizzle-orm'
import { type Db, type Executor, rows, type Tx } from '../db/database.ts'
import { invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { conflict, notFound, refused } from './business.errors.ts'
import { checkVatNumber, compact, validSiren, validSiret } from './identifiers.domain.ts'
import {
  buildDocument,
  type InvoiceDocument,
  invoiceLines,
  invoiceNumber,
  type Party,
  reminderDue,
  type SoldLine,
} from './invoices.domain.ts'

export interface SellerIn {
  legal_name: string
  legal_form: string
  share_capital_cents: number
  siret: string
  vat_number: string
  rcs_city: string
  address_line1: string
  postcode: string
  city: string
  country: string
  iban?: string
  late_penalty_rate_bp: number
}

interface SellerRow {
  legal_name: string
  legal_form: string
  share_capital_cents: number | string
  siren: string
  siret: string
  vat_number: string
  rcs_city: string
  address_line1: string
  postcode: string
  city: string
  country: string
  iban: string | null
  late_penalty_rate_bp: number
}

/** The brand's identity on its invoices: SIRET and VAT number checked like a customer's. */
export async function putSeller(tx: Tx, input: SellerIn) {
  const siret = compact(input.siret)
  if (!validSiret(siret))
    throw invalidInput('siret', 'is not a valid SIRET (14 digits with a Luhn check digit)')
  const siren = siret.slice(0, 9)
  if (!validSiren(siren)) throw invalidInput('siret', 'does not begin with a valid SIREN')
  const vat = compact(input.vat_number)
  const check = checkVatNumber(vat, siren)
  if (!check.ok) throw invalidInput('vat_number', check.reason)
  const iban = input.iban ? compact(input.iban) : null
  if (iban !== null && !/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) {
    throw invalidInput('iban', 'is not an IBAN (country, two check digits, account)')
  }
  await tx.execute(
    sql`INSERT INTO business_seller (id, legal_name, legal_form, share_capital_cents, siren, siret, vat_number,
          rcs_city, address_line1, postcode, city, country, iban, late_penalty_rate_bp)
        VALUES ('seller', ${input.legal_name}, ${input.legal_form}, ${input.share_capital_cents}, ${siren}, ${siret},
          ${vat}, ${input.rcs_city}, ${input.address_line1}, ${input.postcode}, ${input.city}, ${input.country},
          ${iban}, ${input.late_penalty_rate_bp})
        ON CONFLICT (id) DO UPDATE SET legal_name = excluded.legal_name, legal_form = excluded.legal_form,
          share_capital_cents = excluded.share_capital_cents, siren = excluded.siren, siret = excluded.siret,
          vat_number = excluded.vat_number, rcs_city = excluded.rcs_city, address_line1 = excluded.address_line1,
          postcode = excluded.postcode, city = excluded.city, country = excluded.country, iban = excluded.iban,
          late_penalty_rate_bp = excluded.late_penalty_rate_bp, updated_at = now()`,
  )
  return getSeller(tx)
}

export async function getSeller(q: Executor) {
  const [s] = await rows<SellerRow>(q, sql`SELECT * FROM business_seller WHERE id = 'seller'`)
  if (!s)
    throw conflict('seller_not_set', 'The brand’s invoicing identity is not set: PUT /business/seller first.')
  return { ...s, share_capital_cents: Number(s.share_capital_cents) }
}

const sellerParty = (s: SellerRow): Party => ({
  legalName: s.legal_name,
  legalForm: s.legal_form,
  shareCapitalCents: Number(s.share_capital_cents),
  siren: s.siren,
  siret: s.siret,
  vatNumber: s.vat_number,
  rcsCity: s.rcs_city,
  addressLine1: s.address_line1,
  postcode: s.postcode,
  city: s.city,
  country: s.country,
  iban: s.iban,
})

interface BuyerRow {
  id: string
  legal_name: string
  siren: string | null
  siret: string | null
  vat_number: string | null
  address_line1: string
  postcode: string
  city: string
  country: string
  payment_terms_days: number
  payment_terms_end_of_month: boolean
}

async function buyerOf(q: Executor, accountId: string): Promise<BuyerRow> {
  const [a] = await rows<BuyerRow>(q, sql`SELECT * FROM business_account WHERE id = ${accountId}`)
  if (!a) throw notFound('business_account', accountId)
  return a
}

const buyerParty = (a: BuyerRow): Party => ({
  legalName: a.legal_name,
  siren: a.siren,
  siret: a.siret,
  vatNumber: a.vat_number,
  addressLine1: a.address_line1,
  postcode: a.postcode,
  city: a.city,
  country: a.country,
})

/**
 * The next number of the year's series. The counter row is updated in the invoice's transaction:
 * concurrent invoices wait for each other on it, and a transaction that dies (an error, kill -9)
 * gives its number back with everything else, so the series never has a gap.
 */
async function takeNumber(tx: Tx, year: number): Promise<number> {
  const [row] = await rows<{ last: number }>(
    tx,
    sql`INSERT INTO invoice_number (year, last) VALUES (${year}, 1)
        ON CONFLICT (year) DO UPDATE SET last = invoice_number.last + 1, updated_at = now()
        RETURNING last`,
  )
  return row!.last
}

const today = (at: Date) => at.toISOString().slice(0, 10)

interface SoldRow {
  order_id: string
  number: string | number
  line_id: string
  sku: string
  product_name: string
  quantity: number
  total_cents: number
  vat_rate_bp: number
  units: number
  delivered_on: string
  purchase_order_ref: string | null
}

async function writeDocument(
  tx: Tx,
  d: InvoiceDocument,
  ids: {
    id: string
    accountId: string
    year: number
    seq: number
    correctsId: string | null
    returnId: string | null
  },
) {
  await tx.execute(
    sql`INSERT INTO invoice (id, number, year, seq, kind, account_id, issue_date, due_date, corrects_invoice_id,
          return_id, total_excl_cents, vat_cents, total_cents, document)
        VALUES (${ids.id}, ${d.number}, ${ids.year}, ${ids.seq}, ${d.kind}, ${ids.accountId}, ${d.issueDate},
          ${d.dueDate}, ${ids.correctsId}, ${ids.returnId}, ${d.totalExclCents}, ${d.vatCents}, ${d.totalCents},
          ${JSON.stringify(d)}::jsonb)`,
  )
}

/**
 * Invoices the shipped units of an account's orders that no invoice bills yet (all of them, or those
 * named). The orders are claimed first (an order is invoiced once, even by two runs at once), then
 * the number is taken and the document written, in the caller's transaction. Null when there is
 * nothing to invoice.
 */
export async function issueInvoiceIn(
  tx: Tx,
  accountId: string,
  orderIds: string[] | null,
  at = new Date(),
  shippedBefore: Date | null = null,
): Promise<string | null> {
  const seller = await getSeller(tx)
  const account = await buyerOf(tx, accountId)
  const id = newId('inv')
  const only =
    orderIds === null
      ? null
      : sql.join(
          orderIds.map((o) => sql`${o}`),
          sql`, `,
        )
  const claimed = await rows<{ order_id: string }>(
    tx,
    sql`INSERT INTO invoice_order (order_id, invoice_id)
        SELECT b.order_id, ${id} FROM business_order b JOIN orders o ON o.id = b.order_id
        WHERE b.account_id = ${accountId} AND ${only === null ? sql`true` : sql`b.order_id IN (${only})`}
          AND EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id AND l.fulfilled_quantity > 0)
          AND o.status IN ('partially_fulfilled', 'fulfilled', 'completed')
          AND (${shippedBefore}::timestamptz IS NULL OR o.updated_at < ${shippedBefore}::timestamptz)
        ORDER BY b.order_id
        ON CONFLICT (order_id) DO NOTHING
        RETURNING order_id`,
  )
  if (claimed.length === 0) return null
  const sold = await rows<SoldRow>(
    tx,
    sql`SELECT o.id AS order_id, o.number, l.id AS line_id, l.sku, l.product_name, l.quantity, l.total_cents,
               l.vat_rate_bp, l.fulfilled_quantity AS units, to_char(o.updated_at, 'YYYY-MM-DD') AS delivered_on,
               b.purchase_order_ref
        FROM invoice_order io JOIN orders o ON o.id = io.order_id JOIN order_line l ON l.order_id = o.id
        JOIN business_order b ON b.order_id = o.id
        WHERE io.invoice_id = ${id} ORDER BY o.number, l.line_no`,
  )
  const lines = invoiceLines(sold.map(soldLine), new Map(sold.map((s) => [s.line_id, s.units])))
  const year = at.getUTCFullYear()
  const seq = await takeNumber(tx, year)
  const issueDate = today(at)
  const d = buildDocument({
    kind: 'invoice',
    number: invoiceNumber(year, seq),
    issueDate,
    deliveryDate: sold.reduce((m, s) => (s.delivered_on > m ? s.delivered_on : m), '0000-00-00'),
    seller: sellerParty(seller),
    buyer: buyerParty(account),
    terms: { days: account.payment_terms_days, endOfMonth: account.payment_terms_end_of_month },
    latePenaltyRateBp: seller.late_penalty_rate_bp,
    purchaseOrderRefs: [...new Set(sold.map((s) => s.purchase_order_ref).filter((r): r is string => !!r))],
    corrects: null,
    lines,
  })
  await writeDocument(tx, d, { id, accountId, year, seq, correctsId: null, returnId: null })
  return id
}

const soldLine = (s: SoldRow): SoldLine => ({
  orderId: s.order_id,
  orderNumber: String(s.number),
  lineId: s.line_id,
  sku: s.sku,
  name: s.product_name,
  quantity: s.quantity,
  totalCents: s.total_cents,
  vatRateBp: s.vat_rate_bp,
})

/** An invoice issued now through the API, in its own transaction; null when nothing is to invoice. */
export async function issueInvoice(db: Db, accountId: string, orderIds: string[] | null) {
  return db.transaction(async (tx) => {
    const id = await issueInvoiceIn(tx, accountId, orderIds)
    return id === null ? null : getInvoice(tx, id)
  })
}

/**
 * A credit note for the units of a refunded return, against the invoice of its order (issued first
 * if the order was not invoiced yet). Once per return.
 */
export async function creditNoteForReturnIn(
  tx: Tx,
  orderId: string,
  returnId: string,
  units: Array<{ line_id: string; quantity: number }>,
  at = new Date(),
): Promise<string | null> {
  const [b] = await rows<{ account_id: string }>(
    tx,
    sql`SELECT account_id FROM business_order WHERE order_id = ${orderId}`,
  )
  if (!b) return null
  const [done] = await rows<{ id: string }>(tx, sql`SELECT id FROM invoice WHERE return_id = ${returnId}`)
  if (done) return done.id
  let [inv] = await rows<{ id: string; number: string; issue_date: string }>(
    tx,
    sql`SELECT i.id, i.number, i.issue_date FROM invoice_order io JOIN invoice i ON i.id = io.invoice_id
        WHERE io.order_id = ${orderId}`,
  )
  if (!inv) {
    const issued = await issueInvoiceIn(tx, b.account_id, [orderId], at)
    if (!issued) return null
    ;[inv] = await rows(tx, sql`SELECT id, number, issue_date FROM invoice WHERE id = ${issued}`)
  }
  const seller = await getSeller(tx)
  const account = await buyerOf(tx, b.account_id)
  const sold = await rows<SoldRow>(
    tx,
    sql`SELECT o.id AS order_id, o.number, l.id AS line_id, l.sku, l.product_name, l.quantity, l.total_cents,
               l.vat_rate_bp, 0 AS units, to_char(o.updated_at, 'YYYY-MM-DD') AS delivered_on, b.purchase_order_ref
        FROM orders o JOIN order_line l ON l.order_id = o.id JOIN business_order b ON b.order_id = o.id
        WHERE o.id = ${orderId} ORDER BY l.line_no`,
  )
  const returned = new Map<string, number>()
  for (const u of units) returned.set(u.line_id, (returned.get(u.line_id) ?? 0) + u.quantity)
  const lines = invoiceLines(sold.map(soldLine), returned)
  if (lines.length === 0) return null
  const year = at.getUTCFullYear()
  const seq = await takeNumber(tx, year)
  const id = newId('inv')
  const d = buildDocument({
    kind: 'credit_note',
    number: invoiceNumber(year, seq),
    issueDate: today(at),
    deliveryDate: today(at),
    seller: sellerParty(seller),
    buyer: buyerParty(account),
    terms: { days: account.payment_terms_days, endOfMonth: account.payment_terms_end_of_month },
    latePenaltyRateBp: seller.late_penalty_rate_bp,
    purchaseOrderRefs: [...new Set(sold.map((s) => s.purchase_order_ref).filter((r): r is string => !!r))],
    corrects: { number: inv!.number, issueDate: inv!.issue_date },
    lines,
  })
  await writeDocument(tx, d, { id, accountId: b.account_id, year, seq, correctsId: inv!.id, returnId })
  return id
}

interface InvoiceRow {
  id: string
  number: string
  kind: 'invoice' | 'credit_note'
  account_id: string
  account_name: string
  issue_date: string
  due_date: string
  corrects_invoice_id: string | null
  return_id: string | null
  total_excl_cents: number | string
  vat_cents: number | string
  total_cents: number | string
  paid_cents: number | string
  credited_cents: number | string
  reminders: Array<{ level: number; sent_on: string; overdue_cents: number; penalty_cents: number }> | null
  orders: string[] | null
  created_at: Date | string
}

const invoiceSelect = sql`
  SELECT i.id, i.number, i.kind, i.account_id,
         (SELECT a.legal_name FROM business_account a WHERE a.id = i.account_id) AS account_name, i.issue_date, i.due_date, i.corrects_invoice_id, i.return_id,
         i.total_excl_cents, i.vat_cents, i.total_cents, i.paid_cents, i.created_at,
         (SELECT coalesce(sum(c.total_cents), 0) FROM invoice c WHERE c.corrects_invoice_id = i.id) AS credited_cents,
         (SELECT json_agg(json_build_object('level', r.level, 'sent_on', r.sent_on, 'overdue_cents', r.overdue_cents,
                 'penalty_cents', r.penalty_cents) ORDER BY r.level)
            FROM invoice_reminder r WHERE r.invoice_id = i.id) AS reminders,
         (SELECT json_agg(io.order_id ORDER BY io.order_id) FROM invoice_order io WHERE io.invoice_id = i.id) AS orders
  FROM invoice i`

export function invoiceView(r: InvoiceRow, asOf = today(new Date())) {
  const total = Number(r.total_cents)
  const paid = Number(r.paid_cents)
  const credited = Number(r.credited_cents)
  const outstanding = r.kind === 'invoice' ? Math.max(0, total - paid - credited) : 0
  const status =
    r.kind === 'credit_note' ? 'issued' : outstanding === 0 ? 'paid' : r.due_date < asOf ? 'overdue' : 'open'
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    account_id: r.account_id,
    account_name: r.account_name,
    issue_date: r.issue_date,
    due_date: r.due_date,
    corrects_invoice_id: r.corrects_invoice_id,
    return_id: r.return_id,
    order_ids: r.orders ?? [],
    total_excl_cents: Number(r.total_excl_cents),
    vat_cents: Number(r.vat_cents),
    total_cents: total,
    paid_cents: paid,
    credited_cents: credited,
    outstanding_cents: outstanding,
    status: status as 'issued' | 'paid' | 'overdue' | 'open',
    reminders: (r.reminders ?? []).map((x) => ({
      level: x.level,
      sent_on: x.sent_on,
      overdue_cents: Number(x.overdue_cents),
      penalty_cents: Number(x.penalty_cents),
    })),
    pdf_url: `/api/v1/business/invoices/${r.id}/pdf`,
    xml_url: `/api/v1/business/invoices/${r.id}/xml`,
  }
}

export async function getInvoice(q: Executor, ref: string) {
  const [r] = await rows<InvoiceRow>(q, sql`${invoiceSelect} WHERE i.id = ${ref} OR i.number = ${ref}`)
  if (!r) throw notFound('invoice', ref)
  return invoiceView(r)
}

export async function invoiceDocument(q: Executor, ref: string) {
  const [r] = await rows<{ document: InvoiceDocument; created_at: Date | string }>(
    q,
    sql`SELECT document, created_at FROM invoice WHERE id = ${ref} OR number = ${ref}`,
  )
  if (!r) throw notFound('invoice', ref)
  return { document: r.document, issuedAt: new Date(r.created_at) }
}

export async function listInvoices(
  q: Executor,
  filter: { account_id?: string; status?: 'open' | 'overdue' | 'paid' | 'unpaid' },
  limit: number,
  cursor?: string,
) {
  const list = await rows<InvoiceRow>(
    q,
    sql`${invoiceSelect}
        WHERE (${filter.account_id ?? null}::text IS NULL OR i.account_id = ${filter.account_id ?? null})
          AND (${cursor ?? null}::text IS NULL OR i.id < ${cursor ?? null})
          ${
            // A status depends on payments, credit notes and today's date: filtered after reading.
            filter.status ? sql`AND i.kind = 'invoice' AND i.total_cents > 0` : sql``
          }
        ORDER BY i.id DESC
        ${filter.status ? sql`` : sql`LIMIT ${limit + 1}`}`,
  )
  const views = list.map((r) => invoiceView(r))
  const wanted = filter.status
  const kept = wanted
    ? views.filter((v) =>
        wanted === 'unpaid' ? v.status === 'open' || v.status === 'overdue' : v.status === wanted,
      )
    : views
  return kept.slice(0, limit + 1)
}

/** A payment received for an invoice: never more than what it still owes. */
export async function recordPayment(
  tx: Tx,
  ref: string,
  input: { amount_cents: number; received_on: string; reference?: string },
) {
  const [inv] = await rows<{ id: string; kind: string }>(
    tx,
    sql`SELECT id, kind FROM invoice WHERE id = ${ref} OR number = ${ref} FOR UPDATE`,
  )
  if (!inv) throw notFound('invoice', ref)
  if (inv.kind !== 'invoice') throw invalidInput('invoice', 'a credit note is not paid: it is deducted')
  const view = await getInvoice(tx, inv.id)
  if (input.amount_cents > view.outstanding_cents) {
    throw refused('payment_exceeds_outstanding', `The invoice owes ${view.outstanding_cents} cents only.`, {
      field: 'amount_cents',
      outstanding_cents: view.outstanding_cents,
    })
  }
  await tx.execute(
    sql`INSERT INTO invoice_payment (id, invoice_id, amount_cents, received_on, reference)
        VALUES (${newId('ipy')}, ${inv.id}, ${input.amount_cents}, ${input.received_on}, ${input.reference ?? null})`,
  )
  await tx.execute(
    sql`UPDATE invoice SET paid_cents = paid_cents + ${input.amount_cents}, updated_at = now() WHERE id = ${inv.id}`,
  )
  return getInvoice(tx, inv.id)
}

/** Records the reminders overdue invoices are owed today (once per level); how many were recorded. */
export async function remindOverdue(tx: Tx, at = new Date()): Promise<number> {
  const asOf = today(at)
  const seller = await rows<{ late_penalty_rate_bp: number }>(
    tx,
    sql`SELECT late_penalty_rate_bp FROM business_seller WHERE id = 'seller'`,
  )
  const rate = seller[0]?.late_penalty_rate_bp ?? 0
  const due = await rows<InvoiceRow>(
    tx,
    sql`${invoiceSelect} WHERE i.kind = 'invoice' AND i.due_date < ${asOf} AND i.total_cents > i.paid_cents`,
  )
  let n = 0
  for (const r of due) {
    const v = invoiceView(r, asOf)
    const next = reminderDue(
      {
        dueDate: v.due_date,
        overdueCents: v.outstanding_cents,
        latePenaltyRateBp: rate,
        levelsSent: v.reminders.length,
      },
      asOf,
    )
    if (!next) continue
    const written = await rows(
      tx,
      sql`INSERT INTO invoice_reminder (invoice_id, level, sent_on, overdue_cents, penalty_cents)
          VALUES (${v.id}, ${next.level}, ${asOf}, ${v.outstanding_cents}, ${next.penaltyCents})
          ON CONFLICT DO NOTHING RETURNING 1`,
    )
    n += written.length
  }
  return n
}

/**
 * Monthly invoicing: once a month has ended, every account invoiced monthly gets one invoice for the
 * orders shipped before it ended that no invoice bills yet; each account in its own transaction.
 */
export async function invoiceMonthly(db: Db, at = new Date()): Promise<number> {
  const [seller] = await rows(db, sql`SELECT 1 FROM business_seller`)
  if (!seller) return 0
  const monthStart = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1))
  const accounts = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM business_account WHERE invoicing = 'monthly' ORDER BY id`,
  )
  let n = 0
  for (const a of accounts) {
    if (await db.transaction((tx) => issueInvoiceIn(tx, a.id, null, at, monthStart))) n++
  }
  return n
}
