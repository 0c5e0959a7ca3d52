import { sql } from 'drizzle-orm'
import { type Db, type Executor, rows, type Tx } from '../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { AppError } from '../shared/errors.ts'
import { append, journal, lockRegister, type RegisterHead } from './chain.store.ts'
import { businessDate, type TicketBody, type TicketLine } from './fiscal.domain.ts'
import { conflict, frenchMessages, notFound, refused } from './fiscal.errors.ts'
import { assertDayOpen, lockedRegister, storeHasRegisters } from './sessions.service.ts'

/** A sale at a till, as the order hands it over inside its transaction. */
export interface TillSale {
  registerId: string
  storeId: string
  orderId: string
  orderNumber: number
  actor: string
  lines: Array<{
    sku: string
    productName: string
    quantity: number
    unitPriceCents: number
    discountCents: number
    totalCents: number
    vatRateBp: number
    vatCents: number
  }>
  payments: Array<{ method: string; amountCents: number }>
  /** A sale the till made offline: when, and the ticket number it printed then. */
  offline?: { soldAt: string; ticket: string }
}

/**
 * Writes the sale's ticket in the order's transaction, at the end of its register's chain: the
 * register's row is locked (sales of one register queue here, other registers do not), its open
 * session and business day checked, the ticket hashed on the previous one. A refusal rolls the
 * order back with it: no sale without its ticket, no ticket without its sale.
 */
export async function recordSale(tx: Tx, sale: TillSale): Promise<{ seq: number; hash: string }> {
  const { head, sessionId, now } = await tillFor(tx, sale.registerId, sale.storeId)
  const lines: TicketLine[] = sale.lines.map((l) => ({
    sku: l.sku,
    name: l.productName,
    quantity: l.quantity,
    unit_price_cents: l.unitPriceCents,
    discount_cents: l.discountCents,
    total_cents: l.totalCents,
    vat_rate_bp: l.vatRateBp,
    vat_cents: l.vatCents,
  }))
  const body: TicketBody = {
    kind: 'sale',
    register_id: head.id,
    store_id: head.store_id,
    session_id: sessionId,
    seq: head.ticket_seq + 1,
    business_date: businessDate(now, head.timezone),
    recorded_at: now.toISOString(),
    actor: sale.actor,
    order_id: sale.orderId,
    order_number: sale.orderNumber,
    lines,
    tenders: sale.payments.map((p) => ({ method: p.method, amount_cents: p.amountCents })),
    total_cents: lines.reduce((s, l) => s + l.total_cents, 0),
    vat_cents: lines.reduce((s, l) => s + l.vat_cents, 0),
    discount_cents: lines.reduce((s, l) => s + l.discount_cents, 0),
    // Recorded when the till came back, in the order it made its sales: the chain keeps that order.
    ...(sale.offline
      ? { offline_sold_at: new Date(sale.offline.soldAt).toISOString(), offline_ticket: sale.offline.ticket }
      : {}),
  }
  return append(tx, head, 'ticket', body as unknown as Record<string, unknown> & TicketBody)
}

/**
 * Locks the register of a till sale or refund (by id, or by code in the selling store) and checks it
 * may record one now: the store's, with an open session, on a business day not closed.
 */
async function tillFor(tx: Tx, ref: string, storeId: string) {
  const [head] = await rows<RegisterHead>(
    tx,
    sql`SELECT * FROM fiscal_register
        WHERE id = ${ref} OR (store_id = ${storeId} AND code = ${ref})
        ORDER BY id = ${ref} DESC LIMIT 1 FOR UPDATE`,
  )
  if (!head) throw notFound('register', ref)
  if (head.store_id !== storeId) {
    throw refused(
      'register_of_another_store',
      `register_id: register ${head.code} belongs to store ${head.store_id}, not ${storeId}.`,
      { field: 'register_id' },
    )
  }
  if (!head.open_session_id) {
    throw conflict(
      'register_not_open',
      `Register ${head.code} has no open cash session: open it with its float first.`,
      { register_id: head.id, message_fr: frenchMessages.register_not_open },
    )
  }
  // Taken under the lock, so a register's tickets are in time order as well as in sequence.
  const now = new Date()
  assertDayOpen(head, now)
  return { head, sessionId: head.open_session_id, now }
}

/** The till's own refusals of a sale, kept in the register's journal (JET) after the rollback. */
const journalled = new Set(['register_not_open', 'day_closed', 'register_of_another_store'])

export async function recordRefusal(db: Db, sale: TillSale, err: unknown): Promise<void> {
  if (!(err instanceof AppError) || !journalled.has(err.code)) return
  await db.transaction(async (tx) => {
    const [found] = await rows<{ id: string }>(
      tx,
      sql`SELECT id FROM fiscal_register WHERE id = ${sale.registerId}
          OR (store_id = ${sale.storeId} AND code = ${sale.registerId}) ORDER BY id = ${sale.registerId} DESC LIMIT 1`,
    )
    if (!found) return
    const head = (await lockRegister(tx, found.id))!
    await journal(tx, head, 'sale.refused', sale.actor, {
      session_id: head.open_session_id,
      code: err.code,
      order_id: sale.orderId,
      amount_cents: sale.lines.reduce((s, l) => s + l.totalCents, 0),
    })
  })
}

/** A refund at a till for returned goods, as the return hands it over inside its transaction. */
export interface TillReturn {
  registerId: string
  storeId: string
  orderId: string
  returnId: string
  actor: string
  lines: Array<{ sku: string; quantity: number; refundCents: number; vatCents: number; vatRateBp: number }>
  refunds: Array<{ method: string; amountCents: number }>
}

/** Writes a return's ticket (negative lines and tenders) in the return's transaction. */
export async function recordReturn(tx: Tx, refund: TillReturn): Promise<{ seq: number; hash: string }> {
  const { head, sessionId, now } = await tillFor(tx, refund.registerId, refund.storeId)
  const lines: TicketLine[] = refund.lines.map((l) => ({
    sku: l.sku,
    name: l.sku,
    quantity: -l.quantity,
    unit_price_cents: Math.round(l.refundCents / l.quantity),
    discount_cents: 0,
    total_cents: -l.refundCents,
    vat_rate_bp: l.vatRateBp,
    vat_cents: -l.vatCents,
  }))
  const body: TicketBody = {
    kind: 'return',
    register_id: head.id,
    store_id: head.store_id,
    session_id: sessionId,
    seq: head.ticket_seq + 1,
    business_date: businessDate(now, head.timezone),
    recorded_at: now.toISOString(),
    actor: refund.actor,
    order_id: refund.orderId,
    return_id: refund.returnId,
    lines,
    tenders: refund.refunds.map((r) => ({ method: r.method, amount_cents: -r.amountCents })),
    total_cents: lines.reduce((s, l) => s + l.total_cents, 0),
    vat_cents: lines.reduce((s, l) => s + l.vat_cents, 0),
    discount_cents: 0,
  }
  return append(tx, head, 'ticket', body as unknown as Record<string, unknown> & TicketBody)
}

/** Refuses a store sale that names no register in a store that sells through registers. */
export async function assertSellsWithoutRegister(q: Executor, storeId: string) {
  if (await storeHasRegisters(q, storeId)) {
    throw refused(
      'register_required',
      `register_id: store ${storeId} sells through registers; name the register of the sale.`,
      { field: 'register_id', message_fr: frenchMessages.register_required },
    )
  }
}

interface TicketRow {
  register_id: string
  seq: number
  kind: string
  hash: string
  prev_hash: string
  body: TicketBody
}

export function ticketView(t: TicketRow) {
  return { ...t.body, hash: t.hash, prev_hash: t.prev_hash }
}

/**
 * Reprints a ticket: a new record on the chain, `DUPLICATA n° k`, referencing the original; the
 * original is never printed as an original twice.
 */
export async function reprintTicket(tx: Tx, actor: Actor, ref: string, seq: number) {
  const head = await lockedRegister(tx, actor, ref)
  const [original] = await rows<TicketRow>(
    tx,
    sql`SELECT * FROM fiscal_ticket WHERE register_id = ${head.id} AND seq = ${seq}`,
  )
  if (!original || original.kind === 'duplicata') throw notFound('ticket', String(seq))
  const [{ copies }] = (await rows<{ copies: number }>(
    tx,
    sql`SELECT count(*)::int AS copies FROM fiscal_ticket WHERE register_id = ${head.id} AND original_seq = ${seq}`,
  )) as [{ copies: number }]
  const now = new Date()
  const body: TicketBody = {
    kind: 'duplicata',
    register_id: head.id,
    store_id: head.store_id,
    session_id: head.open_session_id ?? original.body.session_id,
    seq: head.ticket_seq + 1,
    business_date: businessDate(now, head.timezone),
    recorded_at: now.toISOString(),
    actor: actor.keyId,
    original_seq: seq,
    copy: copies + 1,
    total_cents: 0,
  }
  const { hash } = await append(tx, head, 'ticket', body as unknown as Record<string, unknown> & TicketBody)
  return {
    ...original.body,
    duplicata: { copy: copies + 1, seq: body.seq, recorded_at: body.recorded_at, hash },
  }
}

export async function getTicket(q: Executor, registerId: string, seq: number) {
  const [t] = await rows<TicketRow>(
    q,
    sql`SELECT * FROM fiscal_ticket WHERE register_id = ${registerId} AND seq = ${seq}`,
  )
  if (!t) throw notFound('ticket', String(seq))
  return ticketView(t)
}

export async function listTickets(q: Executor, registerId: string, afterSeq: number, limit: number) {
  const list = await rows<TicketRow>(
    q,
    sql`SELECT * FROM fiscal_ticket WHERE register_id = ${registerId} AND seq > ${afterSeq}
        ORDER BY seq LIMIT ${limit}`,
  )
  return list.map(ticketView)
}

export async function listJournal(q: Executor, registerId: string, afterSeq: number, limit: number) {
  const list = await rows<{ body: Record<string, unknown>; hash: string; prev_hash: string }>(
    q,
    sql`SELECT body, hash, prev_hash FROM fiscal_journal WHERE register_id = ${registerId} AND seq > ${afterSeq}
        ORDER BY seq LIMIT ${limit}`,
  )
  return list.map((j) => ({ ...j.body, hash: j.hash, prev_hash: j.prev_hash }))
}
