import { sql } from 'drizzle-orm'
import { type Db, type Executor, rows, type Tx } from '../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { append, journal, lockRegister, type RegisterHead } from './chain.store.ts'
import { businessDate, type TicketBody, type TicketLine, type TillJournalKind } from './fiscal.domain.ts'
import { conflict, frenchMessages, notFound, refused } from './fiscal.errors.ts'
import { assertDayOpen, lockedRegister, signIn, storeHasRegisters } from './sessions.service.ts'

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
  const { head, sessionId, now } = await tillFor(tx, sale.registerId, sale.storeId, sale.actor)
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
async function tillFor(tx: Tx, ref: string, storeId: string | null, actor: string) {
  const [head] = await rows<RegisterHead>(
    tx,
    sql`SELECT * FROM fiscal_register
        WHERE id = ${ref} OR (store_id = ${storeId} AND code = ${ref})
        ORDER BY id = ${ref} DESC LIMIT 1 FOR UPDATE`,
  )
  if (!head) throw notFound('register', ref)
  if (storeId !== null && head.store_id !== storeId) {
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
  if (head.training) {
    throw conflict(
      'register_in_training',
      `Register ${head.code} is in training mode: real sales and refunds go on a register open for real.`,
      { register_id: head.id, message_fr: frenchMessages.register_in_training },
    )
  }
  // Taken under the lock, so a register's tickets are in time order as well as in sequence.
  const now = new Date()
  assertDayOpen(head, now)
  await signIn(tx, head, actor, now)
  return { head, sessionId: head.open_session_id, now }
}

/** The till's own refusals of a sale, kept in the register's journal (JET) after the rollback. */
const journalled = new Set([
  'register_not_open',
  'day_closed',
  'register_of_another_store',
  'register_in_training',
])

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
  const { head, sessionId, now } = await tillFor(tx, refund.registerId, refund.storeId, refund.actor)
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

/**
 * A page of a register's journal: in sequence from after `afterSeq`, or newest first (from before
 * `beforeSeq` when given), as a head office checking today's entries reads it without paging through months.
 */
export async function listJournal(
  q: Executor,
  registerId: string,
  page: { afterSeq?: number; beforeSeq?: number; newestFirst?: boolean; limit: number },
) {
  const list = await rows<{ body: Record<string, unknown>; hash: string; prev_hash: string }>(
    q,
    sql`SELECT body, hash, prev_hash FROM fiscal_journal
        WHERE register_id = ${registerId} AND seq > ${page.afterSeq ?? 0}
          ${page.beforeSeq === undefined ? sql`` : sql`AND seq < ${page.beforeSeq}`}
        ORDER BY seq ${page.newestFirst ? sql`DESC` : sql`ASC`} LIMIT ${page.limit}`,
  )
  return list.map((j) => ({ ...j.body, hash: j.hash, prev_hash: j.prev_hash }))
}

/** A cancellation at a till with money given back, as the order hands it over in its transaction. */
export interface TillCancellation {
  /** The register named by the till; null: the register the order was rung up on, if any. */
  registerId: string | null
  storeId: string | null
  orderId: string
  actor: string
  reason: string
  refunds: Array<{ method: string; amountCents: number }>
}

/**
 * Writes a cancellation's ticket: the order's till sale lines taken back (negative) and the money
 * given back per tender, on the register named or the one the order was rung up on. An order never
 * rung up on a register, cancelled without naming one, or cancelled with nothing paid, has none.
 */
export async function recordCancellation(tx: Tx, cancel: TillCancellation) {
  const given = cancel.refunds.reduce((s, r) => s + r.amountCents, 0)
  if (given === 0) return null
  const sold = await rows<{ register_id: string; store_id: string; kind: string; body: TicketBody }>(
    tx,
    sql`SELECT t.register_id, r.store_id, t.kind, t.body FROM fiscal_ticket t
        JOIN fiscal_register r ON r.id = t.register_id
        WHERE t.order_id = ${cancel.orderId} AND t.kind = 'sale' ORDER BY t.recorded_at`,
  )
  if (sold.length === 0 && cancel.registerId === null) return null
  const ref = cancel.registerId ?? sold[0]!.register_id
  const storeId = cancel.storeId ?? sold[0]?.store_id ?? null
  const { head, sessionId, now } = await tillFor(tx, ref, storeId, cancel.actor)
  const lines: TicketLine[] = sold
    .flatMap((t) => t.body.lines ?? [])
    .map((l) => ({
      ...l,
      quantity: -l.quantity,
      discount_cents: -l.discount_cents,
      total_cents: -l.total_cents,
      vat_cents: -l.vat_cents,
    }))
  const body: TicketBody = {
    kind: 'cancellation',
    register_id: head.id,
    store_id: head.store_id,
    session_id: sessionId,
    seq: head.ticket_seq + 1,
    business_date: businessDate(now, head.timezone),
    recorded_at: now.toISOString(),
    actor: cancel.actor,
    order_id: cancel.orderId,
    reason: cancel.reason,
    lines,
    tenders: cancel.refunds.map((r) => ({ method: r.method, amount_cents: -r.amountCents })),
    total_cents: -given,
    vat_cents: lines.reduce((s, l) => s + l.vat_cents, 0),
    discount_cents: 0,
  }
  return append(tx, head, 'ticket', body as unknown as Record<string, unknown> & TicketBody)
}

/** A practice sale rung up on a register open in training mode. */
export interface TrainingSale {
  lines: Array<{
    sku: string
    name: string
    quantity: number
    unit_price_cents: number
    discount_cents?: number
    vat_rate_bp: number
  }>
  tenders: Array<{ method: string; amount_cents: number }>
}

/**
 * Rings up a training ticket (mode formation): chained on the register like any ticket, so it can be
 * neither slipped in nor taken out afterwards, but marked as training on the record and the receipt,
 * and counted in no X, Z, closing, journal of sales or FEC. No order, no stock, no money.
 */
export async function ringTraining(tx: Tx, actor: Actor, ref: string, sale: TrainingSale) {
  const head = await lockedRegister(tx, actor, ref)
  if (!head.open_session_id || !head.training) {
    throw conflict(
      'register_not_training',
      `Register ${head.code} is not open in training mode: open it with training: true for practice tickets.`,
      { register_id: head.id },
    )
  }
  const now = new Date()
  await signIn(tx, head, actor.keyId, now)
  const lines: TicketLine[] = sale.lines.map((l) => {
    const total = l.quantity * l.unit_price_cents - (l.discount_cents ?? 0)
    return {
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unit_price_cents: l.unit_price_cents,
      discount_cents: l.discount_cents ?? 0,
      total_cents: total,
      vat_rate_bp: l.vat_rate_bp,
      vat_cents: Math.round((total * l.vat_rate_bp) / (10_000 + l.vat_rate_bp)),
    }
  })
  const total = lines.reduce((s, l) => s + l.total_cents, 0)
  const tendered = sale.tenders.reduce((s, t) => s + t.amount_cents, 0)
  if (tendered !== total) {
    throw invalidInput('tenders', `the tenders add up to ${tendered} cents, the lines to ${total}`)
  }
  const body: TicketBody = {
    kind: 'training',
    training: true,
    register_id: head.id,
    store_id: head.store_id,
    session_id: head.open_session_id,
    seq: head.ticket_seq + 1,
    business_date: businessDate(now, head.timezone),
    recorded_at: now.toISOString(),
    actor: actor.keyId,
    lines,
    tenders: sale.tenders,
    total_cents: total,
    vat_cents: lines.reduce((s, l) => s + l.vat_cents, 0),
    discount_cents: lines.reduce((s, l) => s + l.discount_cents, 0),
  }
  const { hash, prevHash } = await append(
    tx,
    head,
    'ticket',
    body as unknown as Record<string, unknown> & TicketBody,
  )
  return { ...body, hash, prev_hash: prevHash }
}

/**
 * A technical event reported by the till (JET): a sign-in or sign-out, a price changed by hand, a
 * line voided before payment, the drawer opened without a sale, an error of the till. Chained on the
 * register's journal like every entry.
 */
export async function reportToJournal(
  tx: Tx,
  actor: Actor,
  ref: string,
  entry: {
    kind: TillJournalKind
    sku?: string
    amount_cents?: number
    previous_cents?: number
    reason?: string
    code?: string
  },
) {
  const head = await lockedRegister(tx, actor, ref)
  const now = new Date()
  if (
    entry.kind === 'price_override' &&
    (entry.amount_cents === undefined || entry.previous_cents === undefined)
  ) {
    throw invalidInput('amount_cents', 'a price override names the price charged and the price it replaced')
  }
  if ((entry.kind === 'price_override' || entry.kind === 'line_void') && !entry.sku) {
    throw invalidInput('sku', `a ${entry.kind} names its product`)
  }
  if (entry.kind === 'sign_in') {
    await signIn(tx, head, actor.keyId, now)
    return { register_id: head.id, kind: entry.kind, seq: head.journal_seq, hash: head.journal_hash }
  }
  const { kind, ...fields } = entry
  const appended = await journal(
    tx,
    head,
    kind,
    actor.keyId,
    { ...fields, session_id: head.open_session_id, amount_cents: entry.amount_cents ?? null },
    now,
  )
  if (kind === 'sign_out' && head.signed_in === actor.keyId) {
    await tx.execute(sql`UPDATE fiscal_register SET signed_in = NULL WHERE id = ${head.id}`)
    head.signed_in = null
  }
  return { register_id: head.id, kind, seq: appended.seq, hash: appended.hash }
}
