import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { propertyRuns as runs } from '../testing/property-runs.ts'
import {
  breakPrice,
  businessLine,
  creditCheck,
  dueDate,
  termsLabel,
  termsProblem,
} from './business.domain.ts'
import { checkVatNumber, frenchVatKey, luhnValid, validSiren, validSiret } from './identifiers.domain.ts'

/** The digit that completes `body` into a Luhn-valid number. */
function luhnComplete(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(`${body}${d}`)) return `${body}${d}`
  throw new Error('unreachable')
}

describe('company identifiers', () => {
  it('accepts real SIRENs and SIRETs and refuses one wrong digit', () => {
    expect(validSiren('552100554')).toBe(true)
    expect(validSiret('55210055400013')).toBe(true)
    expect(validSiren('552100555')).toBe(false)
    expect(validSiret('55210055400014')).toBe(false)
    expect(validSiret('5521005540001')).toBe(false)
  })

  it('follows La Poste’s own rule for its establishments', () => {
    expect(validSiret('35600000000048')).toBe(true)
    expect(validSiret('35600000049837')).toBe(true)
    expect(validSiret('35600000049838')).toBe(false)
  })

  it('any change of one digit of a valid SIRET is caught', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9]\d{12}$/),
        fc.nat(13),
        fc.integer({ min: 1, max: 9 }),
        (body, at, add) => {
          const siret = luhnComplete(body)
          if (siret.startsWith('356000000')) return
          expect(validSiret(siret)).toBe(true)
          const changed = siret.slice(0, at) + ((Number(siret[at]) + add) % 10) + siret.slice(at + 1)
          expect(validSiret(changed)).toBe(false)
        },
      ),
      { numRuns: runs(200) },
    )
  })
})

describe('intra-EU VAT numbers', () => {
  it('a French number carries the key of its SIREN', () => {
    expect(frenchVatKey('552100554')).toBe('96')
    expect(checkVatNumber('FR96552100554')).toEqual({ ok: true, country: 'FR' })
    expect(checkVatNumber('FR95552100554').ok).toBe(false)
    expect(checkVatNumber('FR96552100554', '443061841').ok).toBe(false)
  })

  it('each member state has its own format', () => {
    expect(checkVatNumber('DE123456789').ok).toBe(true)
    expect(checkVatNumber('DE12345678').ok).toBe(false)
    expect(checkVatNumber('NL123456789B01').ok).toBe(true)
    expect(checkVatNumber('NL123456789').ok).toBe(false)
    expect(checkVatNumber('ATU12345678').ok).toBe(true)
    expect(checkVatNumber('EL123456789')).toEqual({ ok: true, country: 'GR' })
    expect(checkVatNumber('GR123456789').ok).toBe(false)
    expect(checkVatNumber('US123456789').ok).toBe(false)
    expect(checkVatNumber('ESX1234567Z').ok).toBe(true)
    expect(checkVatNumber('IE1234567WA').ok).toBe(true)
  })
})

describe('payment terms', () => {
  it('30 days end of month falls on the last day of the month reached', () => {
    expect(dueDate('2026-01-15', { days: 30, endOfMonth: true })).toBe('2026-02-28')
    expect(dueDate('2026-01-31', { days: 30, endOfMonth: true })).toBe('2026-03-31')
    expect(dueDate('2026-01-15', { days: 30, endOfMonth: false })).toBe('2026-02-14')
    expect(dueDate('2026-01-15', { days: 0, endOfMonth: false })).toBe('2026-01-15')
  })

  it('the law caps terms at 60 days, or 45 days end of month', () => {
    expect(termsProblem({ days: 60, endOfMonth: false })).toBeNull()
    expect(termsProblem({ days: 45, endOfMonth: true })).toBeNull()
    expect(termsProblem({ days: 50, endOfMonth: true })).toMatch(/45 days/)
    expect(termsProblem({ days: 61, endOfMonth: false })).toMatch(/60 days/)
    expect(termsLabel({ days: 30, endOfMonth: true })).toBe('30 jours fin de mois')
  })
})

describe('B2B prices', () => {
  const breaks = [
    { sku: 'A', minQuantity: 1, unitPriceExclCents: 1000 },
    { sku: 'A', minQuantity: 10, unitPriceExclCents: 900 },
    { sku: 'A', minQuantity: 100, unitPriceExclCents: 800 },
  ]

  it('the largest quantity break reached applies', () => {
    expect(breakPrice(breaks, 'A', 9)?.unitPriceExclCents).toBe(1000)
    expect(breakPrice(breaks, 'A', 10)?.unitPriceExclCents).toBe(900)
    expect(breakPrice(breaks, 'A', 500)?.unitPriceExclCents).toBe(800)
    expect(breakPrice(breaks, 'B', 500)).toBeNull()
  })

  it('a line costs its price excluding VAT plus VAT, the rest of the listed price is the discount', () => {
    const line = businessLine({ sku: 'A', quantity: 10, unitPriceCents: 1999, vatRate: 20 }, breaks)
    expect(line).toEqual({
      sku: 'A',
      quantity: 10,
      unitPriceExclCents: 900,
      totalCents: 10800,
      discountCents: 9190,
    })
    expect(
      businessLine({ sku: 'B', quantity: 2, unitPriceCents: 500, vatRate: 5.5 }, breaks)?.totalCents,
    ).toBe(1000)
    expect(businessLine({ sku: 'A', quantity: 1, unitPriceCents: 1000, vatRate: 20 }, breaks)).toBeNull()
  })

  it('more units never cost more per unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (q) => {
        const a = businessLine({ sku: 'A', quantity: q, unitPriceCents: 5000, vatRate: 20 }, breaks)!
        const b = businessLine({ sku: 'A', quantity: q + 1, unitPriceCents: 5000, vatRate: 20 }, breaks)!
        expect(b.totalCents / (q + 1)).toBeLessThanOrEqual(a.totalCents / q + 1e-9)
      }),
      { numRuns: runs(100) },
    )
  })
})

describe('credit limit', () => {
  it('an order fits when the limit covers what is open plus the order', () => {
    expect(creditCheck(null, 1e9, 1e9).ok).toBe(true)
    expect(creditCheck(10_000, 6_000, 4_000).ok).toBe(true)
    expect(creditCheck(10_000, 6_000, 4_001)).toEqual({ ok: false, available: 4_000 })
  })
})
