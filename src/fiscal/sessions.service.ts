import { sql } from 'drizzle-orm'
import { type Executor, rows, type Tx } from '../db/database.ts'
import { getLocation } from '../network/index.ts'
import { type Actor, mayOverride } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { findRegister, journal, lockRegister, type RegisterHead } from './chain.store.ts'
import {
  businessDate,
  type CashMovement,
  type CashMovementKind,
  countTenders,
  expectedPerTender,
  overThreshold,
  type TenderCount,
  type TicketBody,
  ticketTotals,
} from './fiscal.domain.ts'
import { conflict, frenchMessages, notFound, refused } from './fiscal.errors.ts'

/** Store staff work the registers of their own store; head office works every register. */
export function assertAtStore(actor: Actor, storeId: string) {
  if (actor.role === 'admin') return
  if (actor.role === 'store_staff' && actor.locationId === storeId) return
  throw forbidden(`Only staff of store ${storeId} or head office work its registers.`)
}

export async function createRegister(
  tx: Tx,
  actor: Actor,
  body: { store_id: string; code: string; name?: string },
) {
  const store = await getLocation(tx, body.store_id)
  if (store.kind === 'warehouse')
    throw invalidInput('store_id', `${body.store_id} is a warehouse, not a store`)
  assertAtStore(actor, store.id)
  if (actor.role === 'store_staff' && !mayOverride(actor)) throw forbidden('A store manager adds registers.')
  const id = newId('reg')
  const [row] = await rows<{ id: string }>(
    tx,
    sql`INSERT INTO fiscal_register (id, store_id, code, name, timezone)
        VALUES (${id}, ${store.id}, ${body.code}, ${body.name ?? body.code}, ${store.timezone})
        ON CONFLICT (store_id, code) DO NOTHING RETURNING id`,
  )
  if (!row) throw invalidInput('code', `store ${store.code} already has a register ${body.code}`)
  storesWithRegisters.delete(store.id)
  const head = (await lockRegister(tx, id))!
  await journal(tx, head, 'register.created', actor.keyId, { code: body.code })
  return registerView(head)
}

export function registerView(r: RegisterHead) {
  return {
    id: r.id,
    store_id: r.store_id,
    code: r.code,
    name: r.name,
    timezone: r.timezone,
    open_session_id: r.open_session_id,
    training: r.training,
    closed_through: r.closed_through,
    last_ticket_seq: r.ticket_seq,
    last_ticket_hash: r.ticket_hash,
  }
}

export async function listRegisters(q: Executor, actor: Actor, storeId: string) {
  const store = await getLocation(q, storeId)
  assertAtStore(actor, store.id)
  const list = await rows<RegisterHead>(
    q,
    sql`SELECT * FROM fiscal_register WHERE store_id = ${store.id} ORDER BY code`,
  )
  return list.map(registerView)
}

export async function setVarianceThreshold(tx: Tx, actor: Actor, storeId: string, cents: number) {
  const store = await getLocation(tx, storeId)
  if (actor.role !== 'admin') throw forbidden('Head office sets the cash variance a store tolerates.')
  await tx.execute(
    sql`INSERT INTO fiscal_store (store_id, variance_threshold_cents) VALUES (${store.id}, ${cents})
        ON CONFLICT (store_id) DO UPDATE SET variance_threshold_cents = EXCLUDED.variance_threshold_cents,
          updated_at = now()`,
  )
  return { store_id: store.id, variance_threshold_cents: cents }
}

/** Locks a register the actor may work, by id or code. */
export async function lockedRegister(tx: Tx, actor: Actor, ref: string): Promise<RegisterHead> {
  const found = await findRegister(
    tx,
    ref,
    actor.role === 'store_staff' ? (actor.locationId ?? '') : undefined,
  )
  if (!found) throw notFound('register', ref)
  assertAtStore(actor, found.store_id)
  return (await lockRegister(tx, found.id))!
}

/** Refuses to sell or open on a register whose business day is already closed. */
export function assertDayOpen(head: RegisterHead, at: Date) {
  if (head.closed_through !== null && businessDate(at, head.timezone) <= head.closed_through) {
    throw conflict(
      'day_closed',
      `Register ${head.code}: its business day ${head.closed_through} is closed; it sells again tomorrow.`,
      { register_id: head.id, message_fr: frenchMessages.day_closed },
    )
  }
}

/**
 * Records a sign-in in the register's journal when a key other than the one last signed in works its
 * open session (the cashier changes at the till); the register remembers who is signed in.
 */
export async function signIn(tx: Tx, head: RegisterHead, actor: string, at = new Date()) {
  if (head.signed_in === actor) return
  await journal(
    tx,
    head,
    'sign_in',
    actor,
    { session_id: head.open_session_id, previous: head.signed_in },
    at,
  )
  await tx.execute(sql`UPDATE fiscal_register SET signed_in = ${actor} WHERE id = ${head.id}`)
  head.signed_in = actor
}

export async function openSession(tx: Tx, actor: Actor, ref: string, floatCents: number, training = false) {
  const head = await lockedRegister(tx, actor, ref)
  if (head.open_session_id) {
    throw conflict(
      'register_already_open',
      `Register ${head.code} is already open (${head.open_session_id}).`,
      {
        session_id: head.open_session_id,
      },
    )
  }
  const now = new Date()
  assertDayOpen(head, now)
  const id = newId('ses')
  // The unique partial index on open sessions refuses a second one even if this lock were bypassed.
  await tx.execute(
    sql`INSERT INTO fiscal_session (id, register_id, float_cents, opened_at, opened_by, first_ticket_seq,
          first_journal_seq, training)
        VALUES (${id}, ${head.id}, ${floatCents}, ${now.toISOString()}::timestamptz, ${actor.keyId},
          ${head.ticket_seq + 1}, ${head.journal_seq + 1}, ${training})`,
  )
  await journal(
    tx,
    head,
    'session.opened',
    actor.keyId,
    { session_id: id, amount_cents: floatCents, ...(training ? { training: true } : {}) },
    now,
  )
  await tx.execute(
    sql`UPDATE fiscal_register SET open_session_id = ${id}, training = ${training}, signed_in = NULL
        WHERE id = ${head.id}`,
  )
  head.open_session_id = id
  head.training = training
  head.signed_in = null
  if (training) await journal(tx, head, 'training.started', actor.keyId, { session_id: id }, now)
  await signIn(tx, head, actor.keyId, now)
  return sessionReportIn(tx, id)
}

export async function moveCash(
  tx: Tx,
  actor: Actor,
  ref: string,
  move: { kind: CashMovementKind; amount_cents: number; reason: string },
) {
  const head = await lockedRegister(tx, actor, ref)
  const sessionId = openSessionOf(head)
  await signIn(tx, head, actor.keyId)
  await journal(tx, head, move.kind, actor.keyId, {
    session_id: sessionId,
    amount_cents: move.amount_cents,
    reason: move.reason,
  })
  return sessionReportIn(tx, sessionId)
}

function openSessionOf(head: RegisterHead): string {
  if (!head.open_session_id) {
    throw conflict('register_not_open', `Register ${head.code} has no open cash session: open it first.`, {
      register_id: head.id,
      message_fr: frenchMessages.register_not_open,
    })
  }
  return head.open_session_id
}

/**
 * Closes the register's session: every tender counted, the variances computed, a variance over the
 * store's threshold only by a manager with a reason. Under the register's lock, a sale is in this
 * session (it took the lock first) or refused (it waits and then finds the register closed).
 */
export async function closeSession(
  tx: Tx,
  actor: Actor,
  ref: string,
  body: { counts: Array<{ method: string; counted_cents: number }>; variance_reason?: string },
) {
  const head = await lockedRegister(tx, actor, ref)
  const sessionId = openSessionOf(head)
  const report = await sessionReportIn(tx, sessionId)
  const { counts, missing } = countTenders(report.expected, body.counts)
  if (missing.length > 0) {
    throw refused('count_missing', `Count ${missing.join(', ')}: the session took them.`, { missing })
  }
  const [setting] = await rows<{ variance_threshold_cents: number }>(
    tx,
    sql`SELECT variance_threshold_cents FROM fiscal_store WHERE store_id = ${head.store_id}`,
  )
  const threshold = setting?.variance_threshold_cents ?? 500
  const over = overThreshold(counts, threshold)
  if (over.length > 0 && (!mayOverride(actor) || !body.variance_reason)) {
    throw refused(
      'variance_needs_manager',
      `Variance over ${threshold} cents on ${over.map((c) => `${c.method} (${c.variance_cents})`).join(', ')}: a manager closes with a reason.`,
      { tenders: over, threshold_cents: threshold, message_fr: frenchMessages.variance_needs_manager },
    )
  }
  return finishSession(tx, head, sessionId, actor.keyId, {
    counts,
    variance_reason: body.variance_reason ?? null,
    variance_by: over.length > 0 ? actor.keyId : null,
    automatic: false,
  })
}

/** Closes a session left open (end of day): nothing counted, recorded as automatic. */
export async function closeLeftOpen(tx: Tx, head: RegisterHead, at: Date) {
  const sessionId = openSessionOf(head)
  const report = await sessionReportIn(tx, sessionId)
  const counts: TenderCount[] = report.expected.map((e) => ({
    method: e.method,
    expected_cents: e.amount_cents,
    counted_cents: null,
    variance_cents: null,
  }))
  return finishSession(
    tx,
    head,
    sessionId,
    'system',
    { counts, variance_reason: null, variance_by: null, automatic: true },
    at,
  )
}

async function finishSession(
  tx: Tx,
  head: RegisterHead,
  sessionId: string,
  actor: string,
  close: {
    counts: TenderCount[]
    variance_reason: string | null
    variance_by: string | null
    automatic: boolean
  },
  at = new Date(),
) {
  const lastTicket = head.ticket_seq
  if (head.training) await journal(tx, head, 'training.ended', actor, { session_id: sessionId }, at)
  const entry = await journal(
    tx,
    head,
    close.automatic ? 'session.closed_automatically' : 'session.closed',
    actor,
    {
      session_id: sessionId,
      last_ticket_seq: lastTicket,
      counts: close.counts,
      variance_reason: close.variance_reason,
      variance_by: close.variance_by,
    },
    at,
  )
  await tx.execute(
    sql`UPDATE fiscal_session SET closed_at = ${at.toISOString()}::timestamptz, closed_by = ${actor},
          automatic = ${close.automatic}, last_ticket_seq = ${lastTicket}, last_journal_seq = ${entry.seq},
          counts = ${JSON.stringify({ tenders: close.counts, variance_reason: close.variance_reason, variance_by: close.variance_by })}::jsonb,
          updated_at = now()
        WHERE id = ${sessionId}`,
  )
  await tx.execute(
    sql`UPDATE fiscal_register SET open_session_id = NULL, training = false, signed_in = NULL WHERE id = ${head.id}`,
  )
  head.open_session_id = null
  head.training = false
  head.signed_in = null
  return sessionReportIn(tx, sessionId)
}

interface SessionRow {
  id: string
  register_id: string
  float_cents: number
  opened_at: Date
  closed_at: Date | null
  first_ticket_seq: number
  first_journal_seq: number
  last_ticket_seq: number | null
  last_journal_seq: number | null
  automatic: boolean
  training: boolean
  counts: { tenders: TenderCount[]; variance_reason: string | null; variance_by: string | null } | null
  code: string
  store_id: string
  timezone: string
  ticket_seq: number
  journal_seq: number
}

/** The X report of an open session (so far) or the Z report of a closed one. */
export async function sessionReportIn(q: Executor, sessionId: string) {
  const [s] = await rows<SessionRow>(
    q,
    sql`SELECT s.*, r.code, r.store_id, r.timezone, r.ticket_seq, r.journal_seq FROM fiscal_session s
        JOIN fiscal_register r ON r.id = s.register_id WHERE s.id = ${sessionId}`,
  )
  if (!s) throw notFound('session', sessionId)
  const lastTicket = s.last_ticket_seq ?? s.ticket_seq
  const lastJournal = s.last_journal_seq ?? s.journal_seq
  const [tickets, moves] = await Promise.all([
    rows<{ body: TicketBody }>(
      q,
      sql`SELECT body FROM fiscal_ticket WHERE register_id = ${s.register_id}
          AND seq BETWEEN ${s.first_ticket_seq} AND ${lastTicket} ORDER BY seq`,
    ),
    rows<{ body: CashMovement }>(
      q,
      sql`SELECT body FROM fiscal_journal WHERE register_id = ${s.register_id}
          AND seq BETWEEN ${s.first_journal_seq} AND ${lastJournal} AND kind IN ('cash_in', 'cash_out') ORDER BY seq`,
    ),
  ])
  const bodies = tickets.map((t) => t.body)
  const totals = ticketTotals(bodies)
  const movements = moves.map(({ body: m }) => ({
    kind: m.kind,
    amount_cents: m.amount_cents,
    reason: m.reason,
    recorded_at: m.recorded_at,
  }))
  const numbered = bodies.filter((b) => b.kind !== 'duplicata' && b.kind !== 'training')
  return {
    report: s.closed_at ? ('Z' as const) : ('X' as const),
    session_id: s.id,
    register_id: s.register_id,
    register_code: s.code,
    store_id: s.store_id,
    /** The store's time zone (the register's, set from its store): the printed report's times are in it. */
    timezone: s.timezone || 'Europe/Paris',
    opened_at: new Date(s.opened_at).toISOString(),
    closed_at: s.closed_at ? new Date(s.closed_at).toISOString() : null,
    automatic: s.automatic,
    training: s.training,
    training_tickets: bodies.filter((b) => b.kind === 'training').length,
    float_cents: s.float_cents,
    first_ticket_seq: numbered[0]?.seq ?? null,
    last_ticket_seq: numbered.at(-1)?.seq ?? null,
    totals,
    cash_movements: movements,
    cash_in_cents: movements.filter((m) => m.kind === 'cash_in').reduce((a, m) => a + m.amount_cents, 0),
    cash_out_cents: movements.filter((m) => m.kind === 'cash_out').reduce((a, m) => a + m.amount_cents, 0),
    expected: expectedPerTender(s.float_cents, totals, movements),
    counts: s.counts?.tenders ?? null,
    variance_reason: s.counts?.variance_reason ?? null,
  }
}

export type SessionReport = Awaited<ReturnType<typeof sessionReportIn>>

export async function sessionReport(q: Executor, actor: Actor, sessionId: string) {
  const report = await sessionReportIn(q, sessionId)
  assertAtStore(actor, report.store_id)
  return report
}

/** The open session's X report of a register. */
export async function currentReport(q: Executor, actor: Actor, ref: string) {
  const head = await findRegister(q, ref, actor.role === 'store_staff' ? (actor.locationId ?? '') : undefined)
  if (!head) throw notFound('register', ref)
  assertAtStore(actor, head.store_id)
  return sessionReportIn(q, openSessionOf(head))
}

/**
 * Stores that sell through registers, as last read: a store sale naming no register is refused there.
 * Registers are added a few times a year; this process forgets a store when it adds one.
 */
const storesWithRegisters = new Map<string, { has: boolean; at: number }>()

export async function storeHasRegisters(q: Executor, storeId: string): Promise<boolean> {
  const hit = storesWithRegisters.get(storeId)
  if (hit && Date.now() - hit.at < 5_000) return hit.has
  const [row] = await rows<{ has: boolean }>(
    q,
    sql`SELECT EXISTS (SELECT 1 FROM fiscal_register WHERE store_id = ${storeId}) AS has`,
  )
  if (storesWithRegisters.size > 10_000) storesWithRegisters.clear()
  storesWithRegisters.set(storeId, { has: row!.has, at: Date.now() })
  return row!.has
}

/** A register the actor may read, by id or code. */
export async function registerOf(q: Executor, actor: Actor, ref: string): Promise<RegisterHead> {
  const head = await findRegister(q, ref, actor.role === 'store_staff' ? (actor.locationId ?? '') : undefined)
  if (!head) throw notFound('register', ref)
  assertAtStore(actor, head.store_id)
  return head
}
