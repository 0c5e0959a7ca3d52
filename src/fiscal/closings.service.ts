import { sql } from 'drizzle-orm'
import { type Db, type Executor, rows, type Tx } from '../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { append, journal, lockRegister, type RegisterHead } from './chain.store.ts'
import {
  businessDate,
  periodOf,
  periodOver,
  sumTotals,
  type TicketBody,
  type Totals,
  ticketTotals,
} from './fiscal.domain.ts'
import { conflict, refused } from './fiscal.errors.ts'
import type { ClosingKind } from './fiscal.schema.ts'
import { installationKey, signHash } from './keys.service.ts'
import { closeLeftOpen, lockedRegister } from './sessions.service.ts'

export interface ClosingBody {
  kind: ClosingKind
  register_id: string
  store_id: string
  seq: number
  period: string
  recorded_at: string
  actor: string
  automatic: boolean
  /** Daily: the tickets it covers, by sequence number (none: from = to + 1). */
  from_ticket_seq?: number
  to_ticket_seq?: number
  totals: Totals
  total_cents: number
  /** Perpetual: the previous closing of this kind's grand total plus this period's, never reset. */
  grand_total_cents: number
  grand_total_net_cents: number
  key_id: string
}

interface ClosingRow {
  register_id: string
  seq: number
  kind: ClosingKind
  period: string
  hash: string
  prev_hash: string
  signature: string
  body: ClosingBody
}

export function closingView(c: ClosingRow) {
  return { ...c.body, hash: c.hash, prev_hash: c.prev_hash, signature: c.signature }
}

const parentOf = (kind: ClosingKind, period: string): Array<[ClosingKind, string]> =>
  kind === 'daily'
    ? [
        ['monthly', period.slice(0, 7)],
        ['annual', period.slice(0, 4)],
      ]
    : kind === 'monthly'
      ? [['annual', period.slice(0, 4)]]
      : []

/**
 * Closes a period of a register, once: a day covers the tickets since the previous daily closing up
 * to that day; a month its days' closings, a year its months'. Each carries the perpetual grand total
 * of its kind, is chained on the register's previous closing and signed with the installation's key.
 * The whole closing is one transaction: after a crash there is either no closing or a whole one.
 */
export async function closePeriodIn(
  tx: Tx,
  head: RegisterHead,
  kind: ClosingKind,
  period: string,
  actor: string,
  automatic: boolean,
  now = new Date(),
) {
  if (!periodOf(kind, period)) throw invalidInput('period', `${period} is not a ${kind} period`)
  const today = businessDate(now, head.timezone)
  const over = periodOver(kind, period, today)
  if (kind === 'daily' ? period > today : !over) {
    throw refused('period_not_over', `The ${kind} period ${period} is not over on ${today}.`, { period })
  }
  const closed = await rows<{ kind: string; period: string }>(
    tx,
    sql`SELECT kind, period FROM fiscal_closing WHERE register_id = ${head.id}
        AND ((kind = ${kind} AND period >= ${period}) OR (kind, period) IN (${sql.join(
          [[kind, period] as const, ...parentOf(kind, period)].map(([k, p]) => sql`(${k}, ${p})`),
          sql`, `,
        )}))`,
  )
  if (closed.length > 0) {
    throw conflict(
      'period_already_closed',
      `Register ${head.code}: ${closed.map((c) => `${c.kind} ${c.period}`).join(', ')} already closed.`,
      { closed },
    )
  }
  const [previous] = await rows<ClosingRow>(
    tx,
    sql`SELECT * FROM fiscal_closing WHERE register_id = ${head.id} AND kind = ${kind} ORDER BY seq DESC LIMIT 1`,
  )
  let totals: Totals
  let range: { from_ticket_seq?: number; to_ticket_seq?: number } = {}
  if (kind === 'daily') {
    if (head.open_session_id && !automatic) {
      throw conflict('session_open', `Register ${head.code} has an open session: close it first.`, {
        session_id: head.open_session_id,
      })
    }
    const from = (previous?.body.to_ticket_seq ?? 0) + 1
    const tickets = await rows<{ body: TicketBody }>(
      tx,
      sql`SELECT body FROM fiscal_ticket WHERE register_id = ${head.id} AND seq >= ${from}
          AND (body->>'business_date') <= ${period} ORDER BY seq`,
    )
    totals = ticketTotals(tickets.map((t) => t.body))
    range = { from_ticket_seq: from, to_ticket_seq: tickets.at(-1)?.body.seq ?? from - 1 }
  } else {
    const childKind = kind === 'monthly' ? 'daily' : 'monthly'
    const parts = await rows<{ body: ClosingBody }>(
      tx,
      sql`SELECT body FROM fiscal_closing WHERE register_id = ${head.id} AND kind = ${childKind}
          AND period LIKE ${`${period}-%`} ORDER BY seq`,
    )
    totals = sumTotals(parts.map((p) => p.body.totals))
  }
  const key = await installationKey(tx)
  const body: ClosingBody = {
    kind,
    register_id: head.id,
    store_id: head.store_id,
    seq: head.closing_seq + 1,
    period,
    recorded_at: now.toISOString(),
    actor,
    automatic,
    ...range,
    totals,
    total_cents: totals.total_abs_cents,
    grand_total_cents: (previous?.body.grand_total_cents ?? 0) + totals.total_abs_cents,
    grand_total_net_cents: (previous?.body.grand_total_net_cents ?? 0) + totals.net_cents,
    key_id: key.id,
  }
  const appended = await append(
    tx,
    head,
    'closing',
    body as unknown as Record<string, unknown> & ClosingBody,
    {
      sign: (hash) => signHash(key, hash),
    },
  )
  await journal(tx, head, `closing.${kind}`, actor, { period, closing_seq: appended.seq, automatic }, now)
  if (kind === 'daily' && (head.closed_through === null || period > head.closed_through)) {
    await tx.execute(sql`UPDATE fiscal_register SET closed_through = ${period} WHERE id = ${head.id}`)
    head.closed_through = period
  }
  return { ...body, hash: appended.hash, prev_hash: appended.prevHash, signature: appended.signature }
}

export async function closePeriod(tx: Tx, actor: Actor, ref: string, kind: ClosingKind, period: string) {
  if (actor.role === 'store_staff' && actor.manager !== true)
    throw forbidden('A store manager closes periods.')
  const head = await lockedRegister(tx, actor, ref)
  return closePeriodIn(tx, head, kind, period, actor.keyId, false)
}

export async function listClosings(q: Executor, registerId: string, kind?: ClosingKind) {
  const list = await rows<ClosingRow>(
    q,
    sql`SELECT * FROM fiscal_closing WHERE register_id = ${registerId}
        ${kind ? sql`AND kind = ${kind}` : sql``} ORDER BY seq`,
  )
  return list.map(closingView)
}

/**
 * The end of the day, for every register (job `fiscal.close-days`): a session still open from an
 * earlier business day is closed automatically (nothing counted), then each earlier day with tickets
 * and no closing is closed, recorded as automatic. One register at a time, one transaction each.
 */
export async function closeOverDays(db: Db, now = new Date()): Promise<number> {
  const registers = await rows<{ id: string }>(db, sql`SELECT id FROM fiscal_register ORDER BY id`)
  let done = 0
  for (const { id } of registers) {
    done += await db.transaction(async (tx) => {
      const head = (await lockRegister(tx, id))!
      const today = businessDate(now, head.timezone)
      let changed = 0
      if (head.open_session_id) {
        const [s] = await rows<{ opened_at: Date }>(
          tx,
          sql`SELECT opened_at FROM fiscal_session WHERE id = ${head.open_session_id}`,
        )
        if (businessDate(new Date(s!.opened_at), head.timezone) < today) {
          await closeLeftOpen(tx, head, now)
          changed++
        }
      }
      const [last] = await rows<{ to_seq: number | null }>(
        tx,
        sql`SELECT (body->>'to_ticket_seq')::int AS to_seq FROM fiscal_closing
            WHERE register_id = ${head.id} AND kind = 'daily' ORDER BY seq DESC LIMIT 1`,
      )
      const days = await rows<{ day: string }>(
        tx,
        sql`SELECT DISTINCT body->>'business_date' AS day FROM fiscal_ticket
            WHERE register_id = ${head.id} AND seq > ${last?.to_seq ?? 0} AND body->>'business_date' < ${today}
            ORDER BY 1`,
      )
      for (const { day } of days) {
        if (head.closed_through !== null && day <= head.closed_through) continue
        if (head.open_session_id) break
        await closePeriodIn(tx, head, 'daily', day, 'system', true, now)
        changed++
      }
      return changed
    })
  }
  return done
}
