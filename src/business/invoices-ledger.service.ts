import { sql } from 'drizzle-orm'
import { type Executor, rows } from '../db/database.ts'
import type { LedgerInvoice } from '../fiscal/index.ts'
import type { InvoiceDocument } from './invoices.domain.ts'

/**
 * The invoices and credit notes issued between two days (inclusive), as the FEC books them: number,
 * date, the buyer's account and legal name, VAT per rate and total, from the documents as issued.
 */
export async function invoicesForLedger(q: Executor, from: string, to: string): Promise<LedgerInvoice[]> {
  const found = await rows<{
    kind: 'invoice' | 'credit_note'
    number: string
    issue_date: string
    account_id: string
    total_cents: number | string
    document: Pick<InvoiceDocument, 'buyer' | 'vat'>
  }>(
    q,
    sql`SELECT kind, number, issue_date, account_id, total_cents,
               jsonb_build_object('buyer', document->'buyer', 'vat', document->'vat') AS document
        FROM invoice WHERE issue_date BETWEEN ${from} AND ${to} ORDER BY year, seq`,
  )
  return found.map((i) => ({
    kind: i.kind,
    number: i.number,
    issueDate: i.issue_date,
    customer: { account: i.account_id, name: i.document.buyer.legalName },
    vat: i.document.vat.map((v) => ({ rateBp: v.rateBp, basisCents: v.basisCents, vatCents: v.vatCents })),
    totalCents: Number(i.total_cents),
  }))
}
