import { sql } from 'drizzle-orm'
import { type Executor, rows } from '../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { type Company, getCompany, storeLegal } from './company.service.ts'
import { type Tender, type TicketBody, ticketVat, type VatRow } from './fiscal.domain.ts'
import { conflict, notFound } from './fiscal.errors.ts'
import { registerOf } from './sessions.service.ts'

export interface Receipt {
  company: Company
  store: { store_id: string; code: string; name: string; address: string; siret: string | null }
  register: { id: string; code: string; name: string; timezone: string }
  ticket: {
    seq: number
    kind: TicketBody['kind']
    business_date: string
    recorded_at: string
    order_id: string | null
    order_number: number | null
    reason: string | null
    lines: NonNullable<TicketBody['lines']>
    vat: VatRow[]
    tenders: Tender[]
    total_cents: number
    vat_cents: number
    discount_cents: number
  }
  /** The first and last characters of the ticket's SHA-256, printed as its proof of record. */
  hash_excerpt: string
  hash: string
  /** A reprint: `DUPLICATA n° copy`, itself a record of the chain (`seq`). */
  duplicata: { copy: number; seq: number; recorded_at: string } | null
  training: boolean
}

interface Row {
  seq: number
  kind: TicketBody['kind']
  hash: string
  body: TicketBody
}

/** The 8 first and 4 last hex characters of a hash, as receipts print it. */
export const hashExcerpt = (hash: string) => `${hash.slice(0, 8)}…${hash.slice(-4)}`

/**
 * A ticket's receipt with the legal mentions: the company (name, legal form, capital, address, SIREN,
 * VAT number), the store's address and SIRET, the register and ticket number, date and time, lines,
 * VAT per rate, tenders and the hash excerpt. A DUPLICATA record prints its original with
 * `DUPLICATA n° k`; a training ticket prints as such.
 */
export async function receiptOf(q: Executor, actor: Actor, ref: string, seq: number): Promise<Receipt> {
  const register = await registerOf(q, actor, ref)
  const [found] = await rows<Row>(
    q,
    sql`SELECT seq, kind, hash, body FROM fiscal_ticket WHERE register_id = ${register.id} AND seq = ${seq}`,
  )
  if (!found) throw notFound('ticket', String(seq))
  let ticket = found
  let duplicata: Receipt['duplicata'] = null
  if (found.kind === 'duplicata') {
    const [original] = await rows<Row>(
      q,
      sql`SELECT seq, kind, hash, body FROM fiscal_ticket
          WHERE register_id = ${register.id} AND seq = ${found.body.original_seq ?? 0}`,
    )
    if (!original) throw notFound('ticket', String(found.body.original_seq))
    ticket = original
    duplicata = { copy: found.body.copy ?? 1, seq: found.seq, recorded_at: found.body.recorded_at }
  }
  const company = await getCompany(q)
  if (!company) {
    throw conflict(
      'company_not_configured',
      "The company's legal mentions are not set: head office sets them (PUT /fiscal/company) before receipts are printed.",
    )
  }
  const b = ticket.body
  return {
    company,
    store: await storeLegal(q, register.store_id),
    register: { id: register.id, code: register.code, name: register.name, timezone: register.timezone },
    ticket: {
      seq: ticket.seq,
      kind: b.kind,
      business_date: b.business_date,
      recorded_at: b.recorded_at,
      order_id: b.order_id ?? null,
      order_number: b.order_number ?? null,
      reason: b.reason ?? null,
      lines: b.lines ?? [],
      vat: ticketVat(b.lines ?? []),
      tenders: b.tenders ?? [],
      total_cents: b.total_cents,
      vat_cents: b.vat_cents ?? 0,
      discount_cents: b.discount_cents ?? 0,
    },
    hash_excerpt: hashExcerpt(ticket.hash),
    hash: ticket.hash,
    duplicata,
    training: b.kind === 'training' || b.training === true,
  }
}
