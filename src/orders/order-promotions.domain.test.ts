import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PromotionRecord } from '../offer/index.ts'
import type { AppError } from '../shared/errors.ts'
import { lineAmounts } from '../shared/money.domain.ts'
import { splitPromotedLine, withPromotions } from './order-promotions.domain.ts'

const at = new Date('2026-11-23T10:00:00Z')
const record = (over: Partial<PromotionRecord>): PromotionRecord => ({
  id: 'prm_1',
  code: 'P1',
  name: 'Promo',
  kind: 'percentage',
  channels: null,
  startsAt: null,
  endsAt: null,
  target: { kind: 'basket' },
  priority: 100,
  stacking: 'stackable',
  percentBp: 1000,
  limitTotal: null,
  limitPerCustomer: null,
  usedCount: 0,
  active: true,
  ...over,
})
const line = (lineNo: number, sku: string, quantity: number, unitPriceCents: number, discountCents = 0) => ({
  lineNo,
  sku,
  quantity,
  unitPriceCents,
  discountCents,
  vatRateBp: 2000,
  promotions: [],
  ...lineAmounts({ unitPriceCents, quantity, discountCents, vatRateBp: 2000 }),
})
const products = new Map([
  ['A', { productId: 'prd_a', category: 'kitchen' }],
  ['B', { productId: 'prd_b', category: 'garden' }],
])
const ctx = (over: Partial<Parameters<typeof withPromotions>[2]> = {}) => ({
  promotions: [],
  codes: [],
  channelId: 'chn_web',
  channelKind: 'web',
  customerId: null,
  at,
  ...over,
})

describe('promotions on an order', () => {
  it('scoped by channel kind: a web-only promotion leaves a store sale alone', () => {
    const webOnly = record({ channelKinds: ['web', 'mobile'] })
    const lines = [line(1, 'A', 1, 2000)]
    expect(withPromotions(lines, products, ctx({ promotions: [webOnly] })).lines[0]!.totalCents).toBe(1800)
    const till = withPromotions(
      lines,
      products,
      ctx({ promotions: [webOnly], channelId: 'chn_s', channelKind: 'store' }),
    )
    expect(till.applied).toEqual([])
  })

  it('applies to what a manual discount left, and keeps the manual part', () => {
    const out = withPromotions([line(1, 'A', 1, 2000, 500)], products, ctx({ promotions: [record({})] }))
    expect(out.lines[0]).toMatchObject({ discountCents: 650, totalCents: 1350, promotions: [{ cents: 150 }] })
  })

  it('a code nobody issued is bad input naming the field; one limited per customer needs the customer', () => {
    const coded = record({ voucherCode: 'HELLO', limitPerCustomer: 1 })
    const attempt = (codes: string[], customerId: string | null) => () =>
      withPromotions([line(1, 'A', 1, 2000)], products, ctx({ promotions: [coded], codes, customerId }))
    expect(attempt(['NOPE'], 'cus_1')).toThrow(expect.objectContaining({ code: 'invalid_input' }) as AppError)
    expect(attempt([' hello '], null)).toThrow(
      expect.objectContaining({ code: 'promotion_needs_customer' }) as AppError,
    )
    expect(attempt(['hello'], 'cus_1')().lines[0]!.totalCents).toBe(1800)
    // Without the code it does not apply, and no error is raised.
    expect(attempt([], 'cus_1')().applied).toEqual([])
  })

  it('a promotion whose total uses are gone is left out', () => {
    const spent = record({ limitTotal: 3, usedCount: 3 })
    expect(withPromotions([line(1, 'A', 1, 2000)], products, ctx({ promotions: [spent] })).applied).toEqual(
      [],
    )
  })

  it('split over locations, the parts add up to the line per promotion, and each part totals its units', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.integer({ min: 1, max: 5_000 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 1_000 }),
        (quantity, unit, manualPerUnit, shares, seed) => {
          const gross = unit * quantity
          const manual = Math.min(gross, manualPerUnit * quantity)
          let left = gross - manual
          const promotions = shares.map((s, i) => {
            const cents = Math.min(left, s)
            left -= cents
            return { promotion_id: `prm_${i}`, code: `P${i}`, name: 'x', cents }
          })
          const discountCents = manual + promotions.reduce((s, p) => s + p.cents, 0)
          const whole = { ...line(1, 'A', quantity, unit, discountCents), promotions }
          const cut = 1 + (seed % (quantity - 1))
          const parts = splitPromotedLine(whole, [cut, quantity - cut])
          expect(parts.reduce((s, p) => s + p.totalCents, 0)).toBe(whole.totalCents)
          expect(parts.reduce((s, p) => s + p.discountCents, 0)).toBe(discountCents)
          for (const p of promotions) {
            const split = parts.map(
              (part) => part.promotions.find((x) => x.promotion_id === p.promotion_id)?.cents ?? 0,
            )
            expect(split.reduce((s, c) => s + c, 0)).toBe(p.cents)
          }
          for (const part of parts) {
            expect(part.totalCents).toBe(unit * part.quantity - part.discountCents)
            expect(part.totalCents).toBeGreaterThanOrEqual(0)
          }
        },
      ),
      { numRuns: 2000 },
    )
  })
})
