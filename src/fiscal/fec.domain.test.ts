import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { vatIncluded } from '../shared/money.domain.ts'
import { propertyRuns } from '../testing/property-runs.ts'
import { cashEntry, closingEntry, fecColumns, fecFile, imbalances } from './fec.domain.ts'
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
