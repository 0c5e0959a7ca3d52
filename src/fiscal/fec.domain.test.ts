import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { vatIncluded } from '../shared/money.domain.ts'
import { propertyRuns } from '../testing/property-runs.ts'
import {
  accountsProblem,
  cashEntry,
  closingEntry,
  defaultAccounts,
  fecColumns,
  fecFile,
  imbalances,
  invoiceEntry,
  type LedgerInvoice,
} from './fec.domain.ts'
import { type TicketBody, ticketTotals } from './fiscal.domain.ts'

const line = fc.record({
  price: fc.integer({ min: 1, max: 100_000 }),
  quantity: fc.integer({ min: 1, max: 5 }),
  rate: fc.constantFrom(2000, 1000, 550, 210),
})
const ticket = fc.record({
  kind: fc.constantFrom('sale' as const, 'return' as const),
  lines: fc.array(line, { minLength: 1, maxLength: 4 }),
  cardShare: fc.integer({ min: 0, max: 100 }),
  other: fc.constantFrom('cash', 'gift_card', 'store_credit'),
})

describe('the FEC export', () => {
  it('every entry of a day of random sales and returns is balanced, debit against credit', () => {
    fc.assert(
      fc.property(fc.array(ticket, { maxLength: 12 }), (tickets) => {
        const bodies = tickets.map((t, i): TicketBody => {
          const sign = t.kind === 'sale' ? 1 : -1
          const lines = t.lines.map((l) => {
            const total = sign * l.price * l.quantity
            return {
              sku: 'X',
              name: 'X',
              quantity: sign * l.quantity,
              unit_price_cents: l.price,
              discount_cents: 0,
              total_cents: total,
              vat_rate_bp: l.rate,
              vat_cents: vatIncluded(total, l.rate),
            }
          })
          const total = lines.reduce((s, l) => s + l.total_cents, 0)
          const card = Math.trunc((total * t.cardShare) / 100)
          return {
            kind: t.kind,
            register_id: 'reg',
            store_id: 'loc',
            session_id: 'ses',
            seq: i + 1,
            business_date: '2026-11-30',
            recorded_at: '2026-11-30T18:00:00.000Z',
            actor: 'key',
            lines,
            tenders: [
              { method: 'card', amount_cents: card },
              { method: t.other, amount_cents: total - card },
            ],
            total_cents: total,
          }
        })
        const entry = closingEntry({
          register_code: 'C1',
          period: '2026-11-30',
          recorded_at: '2026-12-01T00:05:00.000Z',
          totals: ticketTotals(bodies),
        })
        for (const [, diff] of imbalances(entry)) expect(diff).toBe(0)
        for (const l of entry) expect(l.debitCents >= 0 && l.creditCents >= 0).toBe(true)
      }),
      { numRuns: propertyRuns(300) },
    )
  })

  it('writes the 18 columns of art. A47 A-1, amounts with a decimal comma', () => {
    const file = fecFile(
      cashEntry({
        register_code: 'C1',
        seq: 7,
        kind: 'cash_out',
        amount_cents: 15_005,
        reason: 'dépôt banque',
        date: '2026-11-30',
        recorded_at: '2026-11-30T17:00:00.000Z',
      }),
    )
    const [header, cash, bank] = file.trimEnd().split('\n')
    expect(header!.split('\t')).toEqual([...fecColumns])
    expect(cash!.split('\t')).toHaveLength(18)
    expect(cash!.split('\t').slice(0, 5)).toEqual([
      'CA',
      'Mouvements de caisse',
      'CA-C1-7',
      '20261130',
      '530000',
    ])
    expect(cash!.split('\t').slice(11, 13)).toEqual(['0,00', '150,05'])
    expect(bank!.split('\t').slice(11, 13)).toEqual(['150,05', '0,00'])
  })
})

describe('invoices in the FEC', () => {
  const vatLine = fc.record({
    rateBp: fc.constantFrom(2000, 1000, 550, 210),
    basisCents: fc.integer({ min: 1, max: 10_000_000 }),
  })
  const invoice = fc.record({
    kind: fc.constantFrom('invoice' as const, 'credit_note' as const),
    seq: fc.integer({ min: 1, max: 999_999 }),
    vat: fc.uniqueArray(vatLine, { minLength: 1, maxLength: 4, selector: (v) => v.rateBp }),
  })
  const ledger = (i: {
    kind: 'invoice' | 'credit_note'
    seq: number
    vat: Array<{ rateBp: number; basisCents: number }>
  }): LedgerInvoice => {
    const vat = i.vat.map((v) => ({ ...v, vatCents: Math.round((v.basisCents * v.rateBp) / 10_000) }))
    return {
      kind: i.kind,
      number: `F2026-${String(i.seq).padStart(6, '0')}`,
      issueDate: '2026-11-30',
      customer: { account: 'bac_1', name: 'Brasserie du Parc' },
      vat,
      totalCents: vat.reduce((s, v) => s + v.basisCents + v.vatCents, 0),
    }
  }

  it('each invoice or credit note is one balanced entry, its number as PieceRef, the customer on 411', () => {
    fc.assert(
      fc.property(fc.uniqueArray(invoice, { maxLength: 8, selector: (d) => d.seq }), (docs) => {
        const lines = docs.flatMap((d) => invoiceEntry(ledger(d)))
        for (const [, diff] of imbalances(lines)) expect(diff).toBe(0)
        for (const d of docs) {
          const inv = ledger(d)
          const entry = lines.filter((l) => l.piece === inv.number)
          expect(entry.every((l) => l.journal === 'VF' && l.debitCents >= 0 && l.creditCents >= 0)).toBe(true)
          const customer = entry.find((l) => l.account === '411000')!
          expect(customer.aux).toEqual({ num: 'bac_1', label: 'Brasserie du Parc' })
          // An invoice debits the customer; a credit note credits it, and the sales and VAT the other way.
          expect(d.kind === 'invoice' ? customer.debitCents : customer.creditCents).toBe(inv.totalCents)
        }
      }),
      { numRuns: propertyRuns(300) },
    )
  })

  it('a credit note is its invoice reversed, line for line', () => {
    const inv = ledger({
      kind: 'invoice',
      seq: 1,
      vat: [
        { rateBp: 2000, basisCents: 10_000 },
        { rateBp: 550, basisCents: 2_000 },
      ],
    })
    const note = { ...inv, kind: 'credit_note' as const }
    const a = invoiceEntry(inv)
    const b = invoiceEntry(note)
    expect(b.map((l) => [l.account, l.debitCents, l.creditCents])).toEqual(
      a.map((l) => [l.account, l.creditCents, l.debitCents]),
    )
    expect(a.map((l) => l.account)).toEqual(['411000', '707100', '445711', '707300', '445713'])
    expect(b[0]!.text).toBe('Avoir F2026-000001 Brasserie du Parc')
    const [, row] = fecFile(a).trimEnd().split('\n')
    expect(row!.split('\t').slice(0, 9)).toEqual([
      'VF',
      'Ventes sur factures',
      'VF-F2026-000001',
      '20261130',
      '411000',
      'Clients',
      'bac_1',
      'Brasserie du Parc',
      'F2026-000001',
    ])
  })

  it('a customers account outside 41 is refused', () => {
    expect(accountsProblem({ ...defaultAccounts, customers: '512000' })).toMatchObject({ field: 'customers' })
    expect(accountsProblem({ ...defaultAccounts, customers: '411100' })).toBeNull()
  })
})
