import { sql } from 'drizzle-orm'
import { type Executor, rows } from '../db/database.ts'
import { getLocation } from '../network/index.ts'
import { invalidInput } from '../shared/errors.ts'
import { fecAccounts } from './company.service.ts'
import {
  cashEntry,
  closingEntry,
  type FecLine,
  fecFile,
  invoiceEntry,
  type LedgerInvoice,
} from './fec.domain.ts'
import { businessDate, periodOf, sumTotals, type Totals } from './fiscal.domain.ts'

/** The invoices and credit notes issued between two days (inclusive), in number order. */
export type InvoiceLedger = (q: Executor, from: string, to: string) => Promise<LedgerInvoice[]>

let invoiceLedger: InvoiceLedger | null = null

/**
 * Where the FEC finds the invoices to business customers: the capability that issues them sits above
 * the till, so the composition plugs it in (src/app/ports.ts). Without it the FEC has the till only.
 */
export function provideInvoiceLedger(ledger: InvoiceLedger) {
  invoiceLedger = ledger
}

/**
 * The FEC between two business days (inclusive): every register's daily closings and cash movements,
 * and the invoices and credit notes issued to business customers (journal VF, PieceRef the number).
 */
export async function fecExport(q: Executor, from: string, to: string): Promise<string> {
  if (!periodOf('daily', from)) throw invalidInput('from', `${from} is not a day (YYYY-MM-DD)`)
  if (!periodOf('daily', to) || to < from) throw invalidInput('to', `${to} is not a day on or after ${from}`)
  const closings = await rows<{
    code: string
    period: string
    body: { recorded_at: string; totals: Totals }
  }>(
    q,
    sql`SELECT r.code, c.period, c.body FROM fiscal_closing c JOIN fiscal_register r ON r.id = c.register_id
        WHERE c.kind = 'daily' AND c.period BETWEEN ${from} AND ${to} ORDER BY c.period, r.code`,
  )
  const moves = await rows<{
    code: string
    timezone: string
    seq: number
    kind: 'cash_in' | 'cash_out'
    amount_cents: number
    body: { reason: string; recorded_at: string }
  }>(
    q,
    sql`SELECT r.code, r.timezone, j.seq, j.kind, j.amount_cents, j.body FROM fiscal_journal j
        JOIN fiscal_register r ON r.id = j.register_id
        WHERE j.kind IN ('cash_in', 'cash_out')
          AND to_char(j.recorded_at AT TIME ZONE r.timezone, 'YYYY-MM-DD') BETWEEN ${from} AND ${to}
        ORDER BY j.recorded_at, r.code, j.seq`,
  )
  const accounts = await fecAccounts(q)
  const invoices = invoiceLedger ? await invoiceLedger(q, from, to) : []
  const lines: FecLine[] = [
    ...closings.flatMap((c) =>
      closingEntry(
        {
          register_code: c.code,
          period: c.period,
          recorded_at: c.body.recorded_at,
          totals: c.body.totals,
        },
        accounts,
      ),
    ),
    ...moves.flatMap((m) =>
      cashEntry(
        {
          register_code: m.code,
          seq: m.seq,
          kind: m.kind,
          amount_cents: m.amount_cents,
          reason: m.body.reason,
          date: businessDate(new Date(m.body.recorded_at), m.timezone),
          recorded_at: m.body.recorded_at,
        },
        accounts,
      ),
    ),
    ...invoices.flatMap((i) => invoiceEntry(i, accounts)),
  ]
  return fecFile(lines)
}

/**
 * The daily sales journal (CSV, semicolon-separated, decimal comma as a French spreadsheet reads it):
 * for each business day and store, from its registers' daily closings, one row per VAT rate (base,
 * VAT, total incl. VAT) and one per tender (amount taken, net of money given back). Training tickets
 * are in no closing, so in no row.
 */
export async function salesJournalCsv(q: Executor, from: string, to: string): Promise<string> {
  if (!periodOf('daily', from)) throw invalidInput('from', `${from} is not a day (YYYY-MM-DD)`)
  if (!periodOf('daily', to) || to < from) throw invalidInput('to', `${to} is not a day on or after ${from}`)
  const closings = await rows<{ store_id: string; period: string; totals: Totals }>(
    q,
    sql`SELECT r.store_id, c.period, c.body->'totals' AS totals
        FROM fiscal_closing c JOIN fiscal_register r ON r.id = c.register_id
        WHERE c.kind = 'daily' AND c.period BETWEEN ${from} AND ${to} ORDER BY c.period, r.store_id`,
  )
  const codes = new Map<string, string>()
  for (const id of new Set(closings.map((c) => c.store_id))) codes.set(id, (await getLocation(q, id)).code)
  closings.sort(
    (a, b) =>
      a.period.localeCompare(b.period) || codes.get(a.store_id)!.localeCompare(codes.get(b.store_id)!),
  )
  const byDay = new Map<string, { date: string; store: string; totals: Totals[] }>()
  for (const c of closings) {
    const key = `${c.period}|${c.store_id}`
    const entry = byDay.get(key) ?? { date: c.period, store: codes.get(c.store_id)!, totals: [] }
    entry.totals.push(c.totals)
    byDay.set(key, entry)
  }
  const money = (cents: number) =>
    `${cents < 0 ? '-' : ''}${Math.trunc(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`
  const csv = (cells: Array<string | number>) =>
    cells
      .map((c) => (typeof c === 'string' && /[;"\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c))
      .join(';')
  const out = [
    csv([
      'date',
      'store',
      'row',
      'vat_rate',
      'tender',
      'tickets',
      'base_excl_vat',
      'vat',
      'total_incl_vat',
      'amount',
    ]),
  ]
  for (const { date, store, totals } of byDay.values()) {
    const day = sumTotals(totals)
    for (const v of day.vat) {
      const rate = `${(v.rate_bp / 100).toString().replace('.', ',')}`
      out.push(
        csv([
          date,
          store,
          'vat',
          rate,
          '',
          day.tickets,
          money(v.base_cents),
          money(v.vat_cents),
          money(v.total_cents),
          '',
        ]),
      )
    }
    for (const t of day.tenders) {
      out.push(csv([date, store, 'tender', '', t.method, day.tickets, '', '', '', money(t.amount_cents)]))
    }
  }
  return `${out.join('\r\n')}\r\n`
}
