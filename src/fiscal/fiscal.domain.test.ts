import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { propertyRuns } from '../testing/property-runs.ts'
import {
  businessDate,
  canonicalJson,
  chainHash,
  countTenders,
  expectedPerTender,
  overThreshold,
  periodOf,
  periodOver,
  sumTotals,
  type TicketBody,
  ticketTotals,
} from './fiscal.domain.ts'

describe('the canonical form a record is hashed in', () => {
  it('sorts keys at every depth, writes no white space and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'é', c: null }], e: undefined, f: true })).toBe(
      '{"a":[{"c":null,"d":"é"}],"b":1,"f":true}',
    )
  })

  it('refuses numbers that are not integers, which two runtimes could write differently', () => {
    expect(() => canonicalJson({ rate: 5.5 })).toThrow(/integers only/)
  })

  it('is the same text whatever order the keys were written in (as jsonb hands them back)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse())
        expect(canonicalJson(reversed)).toBe(canonicalJson(record))
        expect(JSON.parse(canonicalJson(record))).toEqual(record)
      }),
      { numRuns: propertyRuns(200) },
    )
  })

  it("hashes the previous record's hash, a line feed and the canonical text with SHA-256", () => {
    const prev = 'ab'.repeat(32)
    const expected = createHash('sha256').update(`${prev}\n{"a":1,"b":"x"}`).digest('hex')
    expect(chainHash(prev, { b: 'x', a: 1 })).toBe(expected)
    expect(chainHash(prev, { b: 'x', a: 2 })).not.toBe(expected)
  })
})

const sale = (seq: number, total: number, method: string, kind: 'sale' | 'return' = 'sale'): TicketBody => ({
  kind,
  register_id: 'reg',
  store_id: 'loc',
  session_id: 'ses',
  seq,
  business_date: '2026-12-03',
  recorded_at: '2026-12-03T10:00:00.000Z',
  actor: 'key',
  lines: [
    {
      sku: 'A',
      name: 'A',
      quantity: 1,
      unit_price_cents: total,
      discount_cents: 0,
      total_cents: total,
      vat_rate_bp: 2000,
      vat_cents: Math.round(total / 6),
    },
  ],
  tenders: [{ method, amount_cents: total }],
  total_cents: total,
})

describe('the X and Z totals and the count at close', () => {
  it('adds sales, takes returns off, and expects the float plus cash taken plus movements in the drawer', () => {
    const totals = ticketTotals([
      sale(1, 1200, 'cash'),
      sale(2, 3000, 'card'),
      sale(3, -1200, 'cash', 'return'),
    ])
    expect(totals).toMatchObject({
      tickets: 3,
      sales_cents: 4200,
      returns_cents: 1200,
      net_cents: 3000,
      total_abs_cents: 5400,
    })
    const expected = expectedPerTender(5000, totals, [
      { kind: 'cash_out', amount_cents: 2000, reason: 'banque', recorded_at: '' },
      { kind: 'cash_in', amount_cents: 500, reason: 'monnaie', recorded_at: '' },
    ])
    expect(expected).toEqual([
      { method: 'card', amount_cents: 3000 },
      { method: 'cash', amount_cents: 3500 },
    ])
    const { counts, missing } = countTenders(expected, [{ method: 'cash', counted_cents: 3200 }])
    expect(missing).toEqual(['card'])
    expect(overThreshold(counts, 500).map((c) => c.method)).toEqual(['card'])
    expect(counts.find((c) => c.method === 'cash')?.variance_cents).toBe(-300)
  })

  it("a month's totals from its days are the totals of all its tickets", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.integer({ min: -5000, max: 5000 }).filter((n) => n !== 0),
            { maxLength: 6 },
          ),
          {
            maxLength: 5,
          },
        ),
        (days) => {
          let seq = 0
          const tickets = days.map((d) =>
            d.map((total) => sale(++seq, total, total % 2 ? 'cash' : 'card', total < 0 ? 'return' : 'sale')),
          )
          expect(sumTotals(tickets.map(ticketTotals))).toEqual(ticketTotals(tickets.flat()))
        },
      ),
      { numRuns: propertyRuns(200) },
    )
  })
})

describe('periods', () => {
  it('knows a day, a month and a year, and when each is over', () => {
    expect([
      periodOf('daily', '2026-02-29'),
      periodOf('daily', '2028-02-29'),
      periodOf('monthly', '2026-13'),
    ]).toEqual([false, true, false])
    expect(periodOver('monthly', '2026-11', '2026-12-01')).toBe(true)
    expect(periodOver('monthly', '2026-12', '2026-12-31')).toBe(false)
    expect(periodOver('annual', '2026', '2026-12-31')).toBe(false)
    expect(businessDate(new Date('2026-12-03T23:30:00Z'), 'Europe/Paris')).toBe('2026-12-04')
  })
})
