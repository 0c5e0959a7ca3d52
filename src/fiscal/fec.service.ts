import { sql } from 'drizzle-orm'
import { type Executor, rows } from '../db/database.ts'
import { invalidInput } from '../shared/errors.ts'
import { cashEntry, closingEntry, type FecLine, fecFile } from './fec.domain.ts'
import { businessDate, periodOf, type Totals } from './fiscal.domain.ts'

/** The FEC of every register's daily closings and cash movements between two business days (inclusive). */
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
  const lines: FecLine[] = [
    ...closings.flatMap((c) =>
      closingEntry({
        register_code: c.code,
        period: c.period,
        recorded_at: c.body.recorded_at,
        totals: c.body.totals,
      }),
    ),
    ...moves.flatMap((m) =>
      cashEntry({
        register_code: m.code,
        seq: m.seq,
        kind: m.kind,
        amount_cents: m.amount_cents,
        reason: m.body.reason,
        date: businessDate(new Date(m.body.recorded_at), m.timezone),
        recorded_at: m.body.recorded_at,
      }),
    ),
  ]
  return fecFile(lines)
}
