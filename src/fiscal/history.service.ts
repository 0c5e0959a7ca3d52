import type { Tx } from '../db/database.ts'
import { newId } from '../shared/ids.ts'
import type { ClosingBody } from './closings.service.ts'
import { siretOf, vatNumberOf } from './company.service.ts'
import {
  businessDate,
  chainHash,
  countTenders,
  expectedPerTender,
  sumTotals,
  type TicketBody,
  type TicketLine,
  type Totals,
  ticketTotals,
} from './fiscal.domain.ts'
import {
  fiscalClosings,
  fiscalCompany,
  fiscalJournal,
  fiscalRegisters,
  fiscalSessions,
  fiscalStores,
  fiscalTickets,
  GENESIS_HASH,
} from './fiscal.schema.ts'
import { installationKey, signHash } from './keys.service.ts'
import type { TillSale } from './tickets.service.ts'

/** A past sale to record on a register, as the history of a retailer gives it. */
export interface PastSale {
  orderId: string
  storeId: string
  at: Date
  lines: TillSale['lines']
  payments: TillSale['payments']
}

export interface RegisterHistory {
  company: {
    name: string
    legalForm: string
    shareCapitalCents: number
    address: string
    siren: string
    rcs: string
  }
  /** The stores equipped with registers, with their SIRET's establishment number. */
  stores: Array<{ id: string; code: string; timezone: string }>
  registersPerStore: number
  /** Sales before `now`'s business day; each store's are spread over its registers. */
  sales: PastSale[]
  actor: string
  now: Date
}

const MINUTE = 60_000

/**
 * Writes, in bulk, what a retailer's registers would hold after selling through the legal till: the
 * company's legal mentions and each store's SIRET, registers, and for every register and business day
 * with sales a session (float counted in, cash banked at the end, the drawer counted), its chained
 * tickets and journal, and the day's signed closing; each month over and each year over closed from
 * its parts. Records are chained and signed exactly as the till writes them, so `verify` holds. The
 * same rules as the services, without a round trip per record: a few months of a chain of stores
 * load in a moment.
 */
export async function seedRegisterHistory(tx: Tx, h: RegisterHistory) {
  const key = await installationKey(tx)
  await tx.insert(fiscalCompany).values({
    id: 'company',
    name: h.company.name,
    legalForm: h.company.legalForm,
    shareCapitalCents: h.company.shareCapitalCents,
    address: h.company.address,
    siren: h.company.siren,
    vatNumber: vatNumberOf(h.company.siren),
    rcs: h.company.rcs,
  })
  const tickets: Array<typeof fiscalTickets.$inferInsert> = []
  const journal: Array<typeof fiscalJournal.$inferInsert> = []
  const closings: Array<typeof fiscalClosings.$inferInsert> = []
  const sessions: Array<typeof fiscalSessions.$inferInsert> = []
  const registers: Array<typeof fiscalRegisters.$inferInsert> = []
  const stores: Array<typeof fiscalStores.$inferInsert> = []
  const firstSale = h.sales.reduce((min, s) => Math.min(min, s.at.getTime()), h.now.getTime())
  const createdAt = new Date(firstSale - 24 * 60 * MINUTE)

  h.stores.forEach((store, storeIndex) => {
    stores.push({ storeId: store.id, siret: siretOf(h.company.siren, storeIndex + 1) })
    const today = businessDate(h.now, store.timezone)
    const mine = h.sales
      .filter((s) => s.storeId === store.id && businessDate(s.at, store.timezone) < today)
      .sort((a, b) => a.at.getTime() - b.at.getTime())
    for (let r = 0; r < h.registersPerStore; r++) {
      const reg = {
        id: newId('reg'),
        code: `CAISSE-${r + 1}`,
        chain: { ticket: { seq: 0, hash: GENESIS_HASH }, journal: { seq: 0, hash: GENESIS_HASH } },
        closing: { seq: 0, hash: GENESIS_HASH },
        closedThrough: null as string | null,
      }
      const head = { register_id: reg.id, store_id: store.id }
      const addJournal = (kind: string, at: Date, fields: Record<string, unknown>, actor = h.actor) => {
        const body = {
          ...fields,
          kind,
          ...head,
          seq: reg.chain.journal.seq + 1,
          recorded_at: at.toISOString(),
          actor,
        }
        const hash = chainHash(reg.chain.journal.hash, body)
        journal.push({
          registerId: reg.id,
          seq: body.seq,
          kind,
          sessionId: (fields.session_id as string | undefined) ?? null,
          amountCents: (fields.amount_cents as number | undefined) ?? null,
          recordedAt: at,
          body,
          prevHash: reg.chain.journal.hash,
          hash,
        })
        reg.chain.journal = { seq: body.seq, hash }
        return body.seq
      }
      const lastOfKind = new Map<string, ClosingBody>()
      const addClosing = (
        kind: 'daily' | 'monthly' | 'annual',
        period: string,
        at: Date,
        totals: Totals,
        range = {},
      ) => {
        const previous = lastOfKind.get(kind)
        const body: ClosingBody = {
          kind,
          ...head,
          seq: reg.closing.seq + 1,
          period,
          recorded_at: at.toISOString(),
          actor: 'system',
          automatic: false,
          ...range,
          totals,
          total_cents: totals.total_abs_cents,
          grand_total_cents: (previous?.grand_total_cents ?? 0) + totals.total_abs_cents,
          grand_total_net_cents: (previous?.grand_total_net_cents ?? 0) + totals.net_cents,
          key_id: key.id,
        }
        const hash = chainHash(reg.closing.hash, body)
        closings.push({
          registerId: reg.id,
          seq: body.seq,
          kind,
          period,
          totalCents: body.total_cents,
          grandTotalCents: body.grand_total_cents,
          automatic: false,
          recordedAt: at,
          body,
          prevHash: reg.closing.hash,
          hash,
          signature: signHash(key, hash),
        })
        reg.closing = { seq: body.seq, hash }
        lastOfKind.set(kind, body)
        addJournal(`closing.${kind}`, at, { period, closing_seq: body.seq, automatic: false }, 'system')
      }
      addJournal('register.created', createdAt, { code: reg.code })

      // This register's share of the store's sales, by business day.
      const days = new Map<string, PastSale[]>()
      mine.forEach((sale, i) => {
        if (i % h.registersPerStore !== r) return
        const day = businessDate(sale.at, store.timezone)
        days.set(day, [...(days.get(day) ?? []), sale])
      })
      const dailyTotals = new Map<string, Totals[]>()
      const monthlyTotals = new Map<string, Totals[]>()
      let month: string | null = null
      const closeMonth = (m: string, at: Date) => {
        addClosing('monthly', m, at, sumTotals(dailyTotals.get(m) ?? []))
        const year = m.slice(0, 4)
        monthlyTotals.set(year, [...(monthlyTotals.get(year) ?? []), lastOfKind.get('monthly')!.totals])
        if (m.endsWith('-12'))
          addClosing('annual', year, new Date(at.getTime() + MINUTE), sumTotals(monthlyTotals.get(year)!))
      }
      for (const [day, sales] of days) {
        const opened = new Date(sales[0]!.at.getTime() - 20 * MINUTE)
        if (month !== null && day.slice(0, 7) !== month) {
          // The month before is over: closed the first time the register works in the next one.
          let m = month
          while (m < day.slice(0, 7)) {
            closeMonth(m, new Date(opened.getTime() - 10 * MINUTE))
            m = nextMonth(m)
          }
        }
        month = day.slice(0, 7)
        const sessionId = newId('ses')
        const float = 15_000
        const firstTicket = reg.chain.ticket.seq + 1
        const firstJournal = addJournal('session.opened', opened, {
          session_id: sessionId,
          amount_cents: float,
        })
        addJournal('sign_in', opened, { session_id: sessionId, previous: null })
        const bodies: TicketBody[] = []
        for (const sale of sales) {
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
            ...head,
            session_id: sessionId,
            seq: reg.chain.ticket.seq + 1,
            business_date: day,
            recorded_at: sale.at.toISOString(),
            actor: h.actor,
            order_id: sale.orderId,
            lines,
            tenders: sale.payments.map((p) => ({ method: p.method, amount_cents: p.amountCents })),
            total_cents: lines.reduce((s, l) => s + l.total_cents, 0),
            vat_cents: lines.reduce((s, l) => s + l.vat_cents, 0),
            discount_cents: lines.reduce((s, l) => s + l.discount_cents, 0),
          }
          const hash = chainHash(reg.chain.ticket.hash, body)
          tickets.push({
            registerId: reg.id,
            seq: body.seq,
            kind: 'sale',
            sessionId,
            orderId: sale.orderId,
            totalCents: body.total_cents,
            recordedAt: sale.at,
            body,
            prevHash: reg.chain.ticket.hash,
            hash,
          })
          reg.chain.ticket = { seq: body.seq, hash }
          bodies.push(body)
        }
        const totals = ticketTotals(bodies)
        const closedAt = new Date(sales.at(-1)!.at.getTime() + 20 * MINUTE)
        // The day's cash goes to the bank; the float stays in the drawer.
        const banked = totals.tenders.find((t) => t.method === 'cash')?.amount_cents ?? 0
        const moves =
          banked > 0
            ? [
                {
                  kind: 'cash_out' as const,
                  amount_cents: banked,
                  reason: 'remise en banque',
                  recorded_at: closedAt.toISOString(),
                },
              ]
            : []
        if (banked > 0)
          addJournal('cash_out', closedAt, {
            session_id: sessionId,
            amount_cents: banked,
            reason: 'remise en banque',
          })
        const { counts } = countTenders(
          expectedPerTender(float, totals, moves),
          expectedPerTender(float, totals, moves).map((e) => ({
            method: e.method,
            counted_cents: e.amount_cents,
          })),
        )
        const lastJournal = addJournal('session.closed', closedAt, {
          session_id: sessionId,
          last_ticket_seq: reg.chain.ticket.seq,
          counts,
          variance_reason: null,
          variance_by: null,
        })
        sessions.push({
          id: sessionId,
          registerId: reg.id,
          floatCents: float,
          openedAt: opened,
          openedBy: h.actor,
          firstTicketSeq: firstTicket,
          firstJournalSeq: firstJournal,
          lastTicketSeq: reg.chain.ticket.seq,
          lastJournalSeq: lastJournal,
          closedAt,
          closedBy: h.actor,
          automatic: false,
          counts: { tenders: counts, variance_reason: null, variance_by: null },
          createdAt: opened,
          updatedAt: closedAt,
        })
        addClosing('daily', day, new Date(closedAt.getTime() + 5 * MINUTE), totals, {
          from_ticket_seq: firstTicket,
          to_ticket_seq: reg.chain.ticket.seq,
        })
        dailyTotals.set(month, [...(dailyTotals.get(month) ?? []), totals])
        reg.closedThrough = day
      }
      // The months over since the register's last day are closed too (at the start of the next one).
      const thisMonth = today.slice(0, 7)
      for (let m = month; m !== null && m < thisMonth; m = nextMonth(m)) {
        closeMonth(
          m,
          new Date(Math.max(startOfMonthUtc(nextMonth(m)) + 5 * MINUTE, lastRecorded(closings, reg.id))),
        )
      }
      registers.push({
        id: reg.id,
        storeId: store.id,
        code: reg.code,
        name: `Caisse ${r + 1}`,
        timezone: store.timezone,
        closedThrough: reg.closedThrough,
        ticketSeq: reg.chain.ticket.seq,
        ticketHash: reg.chain.ticket.hash,
        journalSeq: reg.chain.journal.seq,
        journalHash: reg.chain.journal.hash,
        closingSeq: reg.closing.seq,
        closingHash: reg.closing.hash,
        createdAt,
        updatedAt: h.now,
      })
    }
  })
  for (const [table, list] of [
    [fiscalStores, stores],
    [fiscalRegisters, registers],
    [fiscalSessions, sessions],
    [fiscalTickets, tickets],
    [fiscalJournal, journal],
    [fiscalClosings, closings],
  ] as const) {
    for (let i = 0; i < list.length; i += 500) {
      // biome-ignore lint/suspicious/noExplicitAny: one loop over six tables of their own row types
      await tx.insert(table as any).values(list.slice(i, i + 500) as any)
    }
  }
  return { registers: registers.length, tickets: tickets.length, closings: closings.length }
}

function lastRecorded(closings: Array<typeof fiscalClosings.$inferInsert>, registerId: string): number {
  for (let i = closings.length - 1; i >= 0; i--) {
    if (closings[i]!.registerId === registerId) return (closings[i]!.recordedAt as Date).getTime() + MINUTE
  }
  return 0
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

const startOfMonthUtc = (month: string) => Date.parse(`${month}-01T00:00:00Z`)
