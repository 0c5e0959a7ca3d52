import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bookingPeriod, periodOf } from '../shared/period.domain.ts'
import { attribute, type NetworkStore } from './attribution.domain.ts'
import {
  type CommissionPlan,
  commissionOf,
  planFor,
  saleEntries,
  statementTotals,
} from './commission.domain.ts'
import { reversalsFor } from './franchise.service.ts'

const store = (id: string, lat: number, lon: number, extra: Partial<NetworkStore> = {}): NetworkStore => ({
  id,
  name: id,
  lat,
  lon,
  ownership: 'franchised',
  franchiseeId: 'fra_1',
  catchment: { kind: 'nearest' },
  ...extra,
})
const nice = store('nice', 43.7, 7.27, { catchment: { kind: 'postcodes', postcodes: ['06000'] } })
const lyon = store('lyon', 45.76, 4.86, { ownership: 'owned', franchiseeId: null })
const line = (fulfilment: 'takeaway' | 'delivery' | 'pickup' | 'reserve', extra = {}) => ({
  id: `l-${fulfilment}`,
  fulfilment,
  sourceLocationId: 'wh',
  pickupLocationId: fulfilment === 'pickup' ? 'nice' : null,
  totalCents: 1200,
  vatCents: 200,
  quantity: 2,
  category: 'kitchen',
  ...extra,
})
const plan: CommissionPlan = {
  id: 'cpl_1',
  franchiseeId: 'fra_1',
  locationId: null,
  validFrom: '2024-01-01',
  validUntil: null,
  defaultRateBp: 500,
  categoryRatesBp: { kitchen: 800 },
  clickCollectFeeCents: 250,
  shipFromStoreFeeCents: 300,
  monthlyMinimumCents: 0,
}

describe('attribution rules', () => {
  it('a click & collect order goes to the collecting store, whatever the address', () => {
    const a = attribute(
      { storeId: null, lines: [line('pickup')], delivery: null, home: null },
      [nice, lyon],
      ['collecting_store'],
      50,
    )
    expect(a).toMatchObject({ storeId: 'nice', rule: 'collecting_store' })
  })
  it('a delivery goes to the store listing its postcode, else the nearest store within reach', () => {
    const rules = ['delivery_catchment'] as const
    const listed = attribute(
      {
        storeId: null,
        lines: [line('delivery')],
        delivery: { lat: 45.7, lon: 4.8, postcode: '06000' },
        home: null,
      },
      [nice, lyon],
      rules,
      50,
    )
    expect(listed).toMatchObject({ storeId: 'nice', rule: 'delivery_catchment' })
    const near = attribute(
      {
        storeId: null,
        lines: [line('delivery')],
        delivery: { lat: 45.75, lon: 4.85, postcode: '69002' },
        home: null,
      },
      [nice, lyon],
      rules,
      50,
    )
    expect(near?.storeId).toBe('lyon')
    const far = attribute(
      {
        storeId: null,
        lines: [line('delivery')],
        delivery: { lat: 48.85, lon: 2.35, postcode: '75001' },
        home: null,
      },
      [nice, lyon],
      rules,
      50,
    )
    expect(far).toBeNull()
  })
  it('rules are tried in order: the home store before the delivery catchment when so chosen', () => {
    const order = {
      storeId: null,
      lines: [line('delivery')],
      delivery: { lat: 45.75, lon: 4.85, postcode: '69002' },
      home: { lat: 43.7, lon: 7.26, postcode: '06000' },
    }
    expect(attribute(order, [nice, lyon], ['home_store', 'delivery_catchment'], 50)?.storeId).toBe('nice')
    expect(attribute(order, [nice, lyon], ['delivery_catchment', 'home_store'], 50)?.storeId).toBe('lyon')
  })
  it('a till sale carried away is the store’s own sale: never attributed', () => {
    expect(
      attribute(
        { storeId: 'nice', lines: [line('takeaway')], delivery: null, home: null },
        [nice],
        ['selling_store'],
        50,
      ),
    ).toBeNull()
  })
})

describe('commissions', () => {
  it('are a rate of net sales excluding VAT, per category, rounded half-up', () => {
    expect(saleEntries([line('pickup')], { id: 'nice', franchiseeId: 'fra_1' }, plan)[0]).toMatchObject({
      baseCents: 1000,
      rateBp: 800,
      amountCents: 80,
    })
    expect(commissionOf(1010, 500)).toBe(51)
    expect(commissionOf(-1010, 500)).toBe(-51)
  })
  it('use the plan in force on the day, a store’s own before its contract’s', () => {
    const own = {
      ...plan,
      id: 'cpl_2',
      locationId: 'nice',
      validFrom: '2025-01-01',
      validUntil: '2025-07-01',
    }
    const plans = [plan, own]
    expect(planFor(plans, { id: 'nice', franchiseeId: 'fra_1' }, '2025-03-01')?.id).toBe('cpl_2')
    expect(planFor(plans, { id: 'nice', franchiseeId: 'fra_1' }, '2025-07-01')?.id).toBe('cpl_1')
    expect(planFor(plans, { id: 'nice', franchiseeId: 'fra_1' }, '2023-12-31')).toBeNull()
  })
  it('a full return, in any number of parts, reverses exactly the original commission', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 10 }),
        (quantity, total, rate, parts) => {
          const vat = Math.round(total / 6)
          const sale = saleEntries(
            [line('delivery', { quantity, totalCents: total, vatCents: vat })],
            { id: 'nice', franchiseeId: 'fra_1' },
            { ...plan, categoryRatesBp: { kitchen: rate } },
          )
          const ledger = [...sale]
          let left = quantity
          for (const p of [...parts, quantity]) {
            const q = Math.min(p, left)
            if (q === 0) break
            ledger.push(
              ...reversalsFor(
                ledger,
                [{ orderLineId: 'l-delivery', quantity: q }],
                `r${ledger.length}`,
                false,
              ),
            )
            left -= q
          }
          expect(ledger.reduce((s, e) => s + e.amountCents, 0)).toBe(0)
          expect(ledger.reduce((s, e) => s + e.baseCents, 0)).toBe(0)
          expect(reversalsFor(ledger, [{ orderLineId: 'l-delivery', quantity: 1 }], 'again', false)).toEqual(
            [],
          )
        },
      ),
    )
  })
  it('statement totals add up to the sum of their lines, plus any minimum top-up', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom(
              'commission',
              'preparation_fee',
              'commission_reversal',
              'fee_reversal' as const,
            ),
            locationId: fc.constantFrom('a', 'b'),
            baseCents: fc.integer({ min: -10_000, max: 10_000 }),
            amountCents: fc.integer({ min: -1000, max: 1000 }),
          }),
        ),
        fc.integer({ min: 0, max: 5000 }),
        (entries, minimum) => {
          const t = statementTotals(entries, new Map([['a', minimum]]))
          const sum = entries.reduce((s, e) => s + e.amountCents, 0)
          expect(t.total_cents).toBe(sum + t.minimum_top_up_cents)
          expect(t.commission_cents + t.preparation_fees_cents + t.reversals_cents).toBe(sum)
          expect(t.minimum_top_up_cents).toBeGreaterThanOrEqual(0)
        },
      ),
    )
  })
})

describe('periods', () => {
  it('are Paris months; an entry for a closed month goes to the next open one', () => {
    expect(periodOf(new Date('2025-01-31T23:30:00Z'))).toBe('2025-02')
    expect(bookingPeriod('2025-03', null)).toBe('2025-03')
    expect(bookingPeriod('2025-03', '2025-04')).toBe('2025-05')
    expect(bookingPeriod('2025-12', '2025-12')).toBe('2026-01')
  })
})
