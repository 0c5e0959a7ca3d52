import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TenderMethod } from '../orders/index.ts'
import { allocateRefund, type CaptureState, orderNumberOfReceipt, receiptBarcode } from '../orders/index.ts'
import { vatIncluded } from '../shared/money.domain.ts'
import {
  decideReturn,
  type Purchase,
  type PurchasedLine,
  policyFor,
  refundOfUnits,
} from './returns.domain.ts'

const line = (over: Partial<PurchasedLine> = {}): PurchasedLine => ({
  id: 'l1',
  lineNo: 1,
  sku: 'SKU',
  productName: 'Poêle',
  category: 'kitchen',
  quantity: 3,
  totalCents: 5897,
  vatCents: 983,
  vatRateBp: 2000,
  fulfilledQuantity: 3,
  cancelledQuantity: 0,
  returnedQuantity: 0,
  ...over,
})

const purchase = (lines: PurchasedLine[], daysAgo = 1): Purchase => ({
  id: 'ord_1',
  channelId: 'web',
  handedOverAt: new Date(Date.UTC(2026, 10, 23) - daysAgo * 86_400_000),
  lines,
})
const now = new Date(Date.UTC(2026, 10, 23))
const noOverride = { allowed: false, reason: null }

describe('return policy', () => {
  it('takes the most specific policy: channel and category, category, channel, default', () => {
    const policies = [
      { channelId: null, category: null, windowDays: 30, returnable: true, reasons: [], conditions: [] },
      { channelId: 'web', category: null, windowDays: 60, returnable: true, reasons: [], conditions: [] },
      { channelId: null, category: 'food', windowDays: 0, returnable: false, reasons: [], conditions: [] },
      { channelId: 'web', category: 'food', windowDays: 2, returnable: true, reasons: [], conditions: [] },
    ]
    expect(policyFor(policies, 'web', 'food').windowDays).toBe(2)
    expect(policyFor(policies, 'store', 'food').windowDays).toBe(0)
    expect(policyFor(policies, 'web', 'kitchen').windowDays).toBe(60)
    expect(policyFor(policies, 'store', 'kitchen').windowDays).toBe(30)
    expect(policyFor([], 'store', 'kitchen').windowDays).toBe(30)
  })

  it('explains every broken rule and refuses without an override', () => {
    const policies = [
      {
        channelId: null,
        category: 'kitchen',
        windowDays: 14,
        returnable: true,
        reasons: ['defective'],
        conditions: ['unopened'],
      },
    ]
    const request = [{ order_line_id: 'l1', quantity: 1, reason: 'changed_mind' }]
    expect(() => decideReturn(purchase([line()], 20), request, policies, now, noOverride)).toThrow(
      /within 14 days.*"changed_mind" is not accepted/,
    )
    expect(() =>
      decideReturn(purchase([line()], 20), request, policies, now, { allowed: false, reason: 'goodwill' }),
    ).toThrow(/store manager/)
    const d = decideReturn(purchase([line()], 20), request, policies, now, {
      allowed: true,
      reason: 'goodwill',
    })
    expect(d.overridden.map((b) => b.rule)).toEqual(['window', 'reason'])
    expect(d.lines[0]!.policy.conditions).toEqual(['unopened'])
    expect(
      decideReturn(
        purchase([line()], 3),
        request.map((r) => ({ ...r, reason: 'defective' })),
        policies,
        now,
        noOverride,
      ).overridden,
    ).toEqual([])
  })

  it('a repair refunds nothing and is covered by the 2-year guarantee, not the return window', () => {
    const policies = [
      {
        channelId: null,
        category: 'kitchen',
        windowDays: 14,
        returnable: false,
        reasons: [],
        conditions: [],
      },
    ]
    const request = [{ order_line_id: 'l1', quantity: 1, reason: 'defective', resolution: 'repair' as const }]
    const d = decideReturn(purchase([line()], 400), request, policies, now, noOverride)
    expect(d).toMatchObject({ refundCents: 0, vatCents: 0, overridden: [] })
    expect(d.lines[0]).toMatchObject({ resolution: 'repair', refundCents: 0, policy: { window_days: 730 } })
    expect(() => decideReturn(purchase([line()], 731), request, policies, now, noOverride)).toThrow(
      /more than 2 years ago/,
    )
  })

  it('never gives back more than was handed over, override or not', () => {
    const request = [{ order_line_id: 'l1', quantity: 2, reason: 'changed_mind' }]
    const bought = purchase([line({ fulfilledQuantity: 2, returnedQuantity: 1 })])
    expect(() => decideReturn(bought, request, [], now, { allowed: true, reason: 'please' })).toThrow(
      /only 1 can be/,
    )
  })
})

describe('refund of returned units', () => {
  it('spreads a line discount and its VAT over the units, partial returns adding up to the line', () => {
    const l = line()
    const first = refundOfUnits(l, 1)
    expect(first).toEqual({ refundCents: 1966, vatCents: 328 })
    const rest = refundOfUnits({ ...l, returnedQuantity: 1 }, 2)
    expect(first.refundCents + rest.refundCents).toBe(5897)
    expect(first.vatCents + rest.vatCents).toBe(983)
  })

  it('after cancelled units, returns take the next slices of the line', () => {
    const l = line({ quantity: 2, totalCents: 1001, vatCents: vatIncluded(1001, 2000), cancelledQuantity: 1 })
    const cancelled = Math.round(1001 / 2)
    expect(cancelled + refundOfUnits(l, 1).refundCents).toBe(1001)
  })
  it('gives back no VAT with a slice worth nothing: 4 cents over 5 units, returned 2 then 1', () => {
    const l = line({ quantity: 5, fulfilledQuantity: 5, totalCents: 4, vatCents: 1, vatRateBp: 2000 })
    const first = refundOfUnits(l, 2)
    const second = refundOfUnits({ ...l, returnedQuantity: 2 }, 1)
    const rest = refundOfUnits({ ...l, returnedQuantity: 3 }, 2)
    for (const part of [first, second, rest]) expect(part.vatCents).toBeLessThanOrEqual(part.refundCents)
    expect(second).toEqual({ refundCents: 0, vatCents: 0 })
    expect(first.refundCents + second.refundCents + rest.refundCents).toBe(4)
    expect(first.vatCents + second.vatCents + rest.vatCents).toBe(1)
  })
})

describe('refund allocation over tenders', () => {
  const captures: CaptureState[] = [
    { id: 'p1', method: 'card', amountCents: 3000, refundedCents: 0 },
    { id: 'p2', method: 'gift_card', amountCents: 1000, refundedCents: 0 },
    { id: 'p3', method: 'cash', amountCents: 2000, refundedCents: 0 },
    { id: 'p4', method: 'loyalty_points', amountCents: 505, refundedCents: 0 },
  ]
  const options = { atTill: true, toStoreCredit: false, pointValueCents: 5 }

  it('gives back in-kind tenders first, then card, then cash at a till', () => {
    expect(allocateRefund(6505, captures, options)).toEqual({
      parts: [
        { captureId: 'p2', method: 'gift_card', amountCents: 1000 },
        { captureId: 'p4', method: 'loyalty_points', amountCents: 505 },
        { captureId: 'p1', method: 'card', amountCents: 3000 },
        { captureId: 'p3', method: 'cash', amountCents: 2000 },
      ],
      storeCreditCents: 0,
    })
  })

  it('turns what only cash could take into a credit note away from a till', () => {
    const a = allocateRefund(6505, captures, { ...options, atTill: false })
    expect(a.parts.map((p) => p.method)).toEqual(['gift_card', 'loyalty_points', 'card'])
    expect(a.storeCreditCents).toBe(2000)
  })

  it('money a partner channel collected goes back through the partner, even at a till; in-kind tenders as usual', () => {
    const a = allocateRefund(6505, captures, { ...options, channelCollected: true })
    expect(a.parts).toEqual([
      { captureId: 'p2', method: 'gift_card', amountCents: 1000 },
      { captureId: 'p4', method: 'loyalty_points', amountCents: 505 },
      { captureId: 'p1', method: 'partner', amountCents: 3000 },
      { captureId: 'p3', method: 'partner', amountCents: 2000 },
    ])
    const away = allocateRefund(5000, [captures[0]!], { ...options, atTill: false, channelCollected: true })
    expect(away.parts).toEqual([{ captureId: 'p1', method: 'partner', amountCents: 3000 }])
    // Never more than was paid: the 20 € the partner never collected are no credit note either.
    expect(away.storeCreditCents).toBe(0)
    const overridden = allocateRefund(3000, [captures[0]!], {
      ...options,
      channelCollected: true,
      tillOverride: 'cash',
    })
    expect(overridden.parts).toEqual([{ captureId: 'p1', method: 'cash', amountCents: 3000 }])
  })

  it('gives nothing back for an order sold on account: its invoice’s credit note lowers what is owed', () => {
    const a = allocateRefund(2400, [], { ...options, atTill: false })
    expect(a).toEqual({ parts: [], storeCreditCents: 0 })
  })

  it('gives points back in whole points', () => {
    const a = allocateRefund(503, [captures[3]!, captures[0]!], options)
    expect(a.parts).toEqual([
      { captureId: 'p4', method: 'loyalty_points', amountCents: 500 },
      { captureId: 'p1', method: 'card', amountCents: 3 },
    ])
  })
})

describe('every money movement balances', () => {
  const tender = fc.constantFrom<TenderMethod>('card', 'cash', 'gift_card', 'store_credit', 'loyalty_points')

  it('payments − refunds equals the value of what the customer kept, over random returns', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            quantity: fc.integer({ min: 1, max: 6 }),
            unit: fc.integer({ min: 1, max: 20_000 }),
            discount: fc.integer({ min: 0, max: 100 }),
            rate: fc.constantFrom(2000, 1000, 550, 210),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.array(tender, { minLength: 1, maxLength: 3 }),
        fc.array(
          fc.record({
            line: fc.nat(),
            quantity: fc.integer({ min: 1, max: 6 }),
            atTill: fc.boolean(),
            credit: fc.boolean(),
          }),
          {
            maxLength: 8,
          },
        ),
        (specs, methods, returns) => {
          const lines = specs.map((s, i) => {
            const total = Math.max(0, s.unit * s.quantity - Math.min(s.discount, s.unit * s.quantity))
            return line({
              id: `l${i}`,
              lineNo: i + 1,
              quantity: s.quantity,
              fulfilledQuantity: s.quantity,
              totalCents: total,
              vatCents: vatIncluded(total, s.rate),
              vatRateBp: s.rate,
            })
          })
          const total = lines.reduce((s, l) => s + l.totalCents, 0)
          // The order is paid with the tenders in turn; points in whole points, the card takes the rest.
          const captures: CaptureState[] = []
          let left = total
          methods.forEach((m, i) => {
            let amount = i === methods.length - 1 ? left : Math.floor(left / 2)
            if (m === 'loyalty_points') amount -= amount % 5
            if (amount > 0) captures.push({ id: `p${i}`, method: m, amountCents: amount, refundedCents: 0 })
            left -= amount
          })
          if (left > 0) captures.push({ id: 'pz', method: 'card', amountCents: left, refundedCents: 0 })
          let refunded = 0
          for (const r of returns) {
            const l = lines[r.line % lines.length]!
            const quantity = Math.min(r.quantity, l.fulfilledQuantity - l.returnedQuantity)
            if (quantity === 0) continue
            const { refundCents, vatCents } = refundOfUnits(l, quantity)
            expect(vatCents).toBeLessThanOrEqual(refundCents)
            const a = allocateRefund(refundCents, captures, {
              atTill: r.atTill,
              toStoreCredit: r.credit,
              pointValueCents: 5,
            })
            const given = a.parts.reduce((s, p) => s + p.amountCents, 0) + a.storeCreditCents
            expect(given).toBe(refundCents)
            for (const p of a.parts) {
              const c = captures.find((x) => x.id === p.captureId)!
              c.refundedCents += p.amountCents
              expect(c.refundedCents).toBeLessThanOrEqual(c.amountCents)
              if (p.method === 'cash') expect(r.atTill).toBe(true)
            }
            l.returnedQuantity += quantity
            refunded += given
          }
          const kept = lines.reduce(
            (s, l) =>
              s +
              (l.totalCents - refundOfUnits({ ...l, returnedQuantity: 0 }, l.returnedQuantity).refundCents),
            0,
          )
          const paid = captures.reduce((s, c) => s + c.amountCents, 0)
          expect(paid - refunded).toBe(kept)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('receipt barcode', () => {
  it('carries the order number in a valid EAN-13 and reads back', () => {
    expect(receiptBarcode(100042)).toMatch(/^290000100042\d$/)
    expect(orderNumberOfReceipt(receiptBarcode(100042))).toBe(100042)
    expect(orderNumberOfReceipt('2900001000420')).toBe(
      receiptBarcode(100042) === '2900001000420' ? 100042 : null,
    )
    expect(orderNumberOfReceipt('3017620422003')).toBeNull()
  })
})
