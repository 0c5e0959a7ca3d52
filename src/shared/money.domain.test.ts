import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  frenchVatRatesBp,
  lineAmounts,
  percentToRate,
  rateToPercent,
  vatIncluded,
  vatSummary,
} from './money.domain.ts'

describe('VAT included in a price TTC', () => {
  it('is a sixth of the price at 20 %', () => {
    expect(vatIncluded(1200, 2000)).toBe(200)
    expect(vatIncluded(0, 2000)).toBe(0)
  })

  it('is rounded to the nearest cent at the reduced rates', () => {
    // 100 × 5.5 / 105.5 = 5.213…
    expect(vatIncluded(100, 550)).toBe(5)
    // 999 × 2.1 / 102.1 = 20.547…
    expect(vatIncluded(999, 210)).toBe(21)
    // 1000 × 10 / 110 = 90.909…
    expect(vatIncluded(1000, 1000)).toBe(91)
  })

  it('rounds half a cent up (3 cents at 20 % carry 0.5 cent of VAT)', () => {
    expect(vatIncluded(3, 2000)).toBe(1)
  })

  it('is negative on a refund and mirrors the sale exactly', () => {
    expect(vatIncluded(-1200, 2000)).toBe(-200)
    expect(vatIncluded(-999, 210)).toBe(-21)
    expect(vatIncluded(-3, 2000)).toBe(-1)
  })

  it('for any total and French rate: HT + VAT = TTC, 0 ≤ VAT ≤ TTC, within half a cent of the exact VAT', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.constantFrom(...frenchVatRatesBp),
        (total, rate) => {
          const vat = vatIncluded(total, rate)
          const ht = total - vat
          const exact = (total * rate) / (10_000 + rate)
          expect(Number.isInteger(vat)).toBe(true)
          expect(ht + vat).toBe(total)
          expect(vat).toBeGreaterThanOrEqual(0)
          expect(vat).toBeLessThanOrEqual(total)
          expect(Math.abs(vat - exact)).toBeLessThanOrEqual(0.5 + 1e-9)
        },
      ),
    )
  })

  it('of a refund is always the opposite of the VAT of the same sale', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.constantFrom(...frenchVatRatesBp),
        (total, rate) => {
          expect(vatIncluded(-total, rate)).toBe(-vatIncluded(total, rate))
        },
      ),
    )
  })
})

describe('a receipt', () => {
  it('prices a line as unit price × quantity less the discount, with the VAT of that total', () => {
    // 3 × 19.99 − 2.00 = 57.97 TTC, of which 57.97 / 6 = 9.66 VAT
    expect(lineAmounts({ unitPriceCents: 1999, quantity: 3, discountCents: 200, vatRateBp: 2000 })).toEqual({
      totalCents: 5797,
      vatCents: 966,
    })
  })

  it('sums the VAT per rate from its lines, highest rate first, so the lines add up to the summary', () => {
    const lines = [
      { unitPriceCents: 1999, quantity: 1, discountCents: 0, vatRateBp: 2000 },
      { unitPriceCents: 349, quantity: 2, discountCents: 0, vatRateBp: 550 },
      { unitPriceCents: 999, quantity: 1, discountCents: 100, vatRateBp: 2000 },
      { unitPriceCents: 120, quantity: 1, discountCents: 0, vatRateBp: 550 },
    ].map((l) => ({ ...lineAmounts(l), vatRateBp: l.vatRateBp }))
    const summary = vatSummary(lines)
    expect(summary).toEqual([
      {
        rate_bp: 2000,
        base_incl_cents: 1999 + 899,
        vat_cents: vatIncluded(1999, 2000) + vatIncluded(899, 2000),
      },
      { rate_bp: 550, base_incl_cents: 698 + 120, vat_cents: vatIncluded(698, 550) + vatIncluded(120, 550) },
    ])
    const lineVat = lines.reduce((s, l) => s + l.vatCents, 0)
    expect(summary.reduce((s, r) => s + r.vat_cents, 0)).toBe(lineVat)
  })

  it('has an empty VAT summary when it has no lines', () => {
    expect(vatSummary([])).toEqual([])
  })
})

describe('VAT rates typed in percent', () => {
  it('convert to basis points and back', () => {
    expect(percentToRate(20)).toBe(2000)
    expect(percentToRate(5.5)).toBe(550)
    expect(percentToRate(2.1)).toBe(210)
    expect(rateToPercent(550)).toBe(5.5)
    expect(rateToPercent(210)).toBe(2.1)
  })

  it('are refused with more than two decimals', () => {
    expect(percentToRate(19.625)).toBeNull()
  })
})
