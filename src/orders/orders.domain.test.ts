import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { RoutingCandidate } from '../routing/index.ts'
import { defaultCostModel } from '../routing/index.ts'
import type { Actor } from '../shared/actor.ts'
import { AppError } from '../shared/errors.ts'
import { valueOfUnits } from '../shared/money.domain.ts'
import { type LineState, type OrderState, planFulfilment } from './lifecycle.domain.ts'
import { type OrderInput, type PlanContext, planOrder } from './orders.domain.ts'

let seq = 0
const site = (
  id: string,
  code: string,
  kind: RoutingCandidate['kind'],
  lat: number,
  lon: number,
): RoutingCandidate => ({
  id,
  code,
  name: code,
  kind,
  ownership: 'owned',
  lat,
  lon,
  fulfilmentModes: kind === 'warehouse' ? ['delivery'] : ['takeaway', 'pickup', 'reserve', 'delivery'],
  shipFromStoreOptIn: false,
  openNow: true,
  openTasks: 0,
  dailyCapacity: 50,
})
const network = new Map([
  ['loc_wh_a', site('loc_wh_a', 'WH-A', 'warehouse', 45.7, 4.9)],
  ['loc_wh_b', site('loc_wh_b', 'WH-B', 'warehouse', 48.9, 2.4)],
  ['loc_store', site('loc_store', 'STO', 'store', 48.85, 2.35)],
])
const ctx = (over: Partial<PlanContext> = {}): PlanContext => ({
  actor: { keyId: 'key_1', name: 'till', role: 'store_staff', locationId: 'loc_store', channelId: null },
  channel: {
    id: 'chn_store',
    code: 'store',
    kind: 'store',
    currency: 'EUR',
    fulfilmentModes: ['takeaway', 'delivery', 'pickup', 'reserve'],
    draftHoldMinutes: 30,
  },
  locations: new Map([
    [
      'loc_store',
      { id: 'loc_store', code: 'STO', kind: 'store', fulfilmentModes: ['takeaway', 'pickup', 'reserve'] },
    ],
    ['loc_wh_b', { id: 'loc_wh_b', code: 'WH-B', kind: 'warehouse', fulfilmentModes: ['delivery'] }],
    ['loc_wh_a', { id: 'loc_wh_a', code: 'WH-A', kind: 'warehouse', fulfilmentModes: ['delivery'] }],
  ]),
  variants: new Map([
    [
      'MUG',
      { sku: 'MUG', productName: 'Mug', variantName: 'Mug', vatRateBp: 2000, priceCents: 799, listed: true },
    ],
    [
      'TEA',
      {
        sku: 'TEA',
        productName: 'Thé',
        variantName: 'Thé vert',
        vatRateBp: 550,
        priceCents: 450,
        listed: true,
      },
    ],
    [
      'WEB',
      {
        sku: 'WEB',
        productName: 'Lampe',
        variantName: 'Lampe',
        vatRateBp: 2000,
        priceCents: 100,
        listed: false,
      },
    ],
  ]),
  deliveryStock: [],
  routing: { network, model: defaultCostModel },
  now: new Date('2026-11-23T10:00:00Z'),
  newId: (p) => `${p}_${++seq}`,
  ...over,
})

const refusal = (fn: () => unknown) => {
  try {
    fn()
  } catch (err) {
    if (err instanceof AppError) return { status: err.status, code: err.code, details: err.details }
    throw err
  }
  throw new Error('expected a refusal')
}

describe('planning an order', () => {
  it('prices each line in the channel, extracts VAT per line and sells takeaway lines off the shelf', () => {
    const plan = planOrder(
      {
        channel: 'store',
        lines: [
          { sku: 'MUG', quantity: 3, fulfilment: 'takeaway', discount_cents: 97 },
          { sku: 'TEA', quantity: 1, fulfilment: 'takeaway' },
        ],
        payments: [{ method: 'card', amount_cents: 2300 + 450 }],
      },
      ctx(),
    )
    expect(plan.lines.map((l) => [l.totalCents, l.vatCents])).toEqual([
      [2300, 383],
      [450, 23],
    ])
    expect(plan.lines[1]!.productName).toBe('Thé — Thé vert')
    expect(plan).toMatchObject({ status: 'completed', totalCents: 2750, vatCents: 406, storeId: 'loc_store' })
    expect(plan.holds.every((h) => h.mode === 'sell' && h.locationId === 'loc_store')).toBe(true)
  })

  it('refuses a product the channel does not list, naming the line', () => {
    const input: OrderInput = {
      channel: 'store',
      lines: [{ sku: 'WEB', quantity: 1, fulfilment: 'takeaway' }],
    }
    expect(refusal(() => planOrder(input, ctx()))).toMatchObject({
      status: 422,
      code: 'not_in_assortment',
      details: { field: 'lines/0/sku' },
    })
  })

  it('reserve & collect is not paid when placed; everything else must be paid to the cent', () => {
    const reserve = planOrder(
      { channel: 'store', lines: [{ sku: 'MUG', quantity: 1, fulfilment: 'reserve' }] },
      ctx(),
    )
    expect(reserve).toMatchObject({ status: 'placed', paidCents: 0, totalCents: 799 })
    const underpaid: OrderInput = {
      channel: 'store',
      lines: [{ sku: 'MUG', quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 700 }],
    }
    expect(refusal(() => planOrder(underpaid, ctx()))).toMatchObject({ code: 'payment_mismatch' })
  })

  it('cash is only taken at a till', () => {
    const web = ctx({
      actor: { keyId: 'k', name: 'web', role: 'channel', locationId: null, channelId: 'chn_web' },
      channel: { ...ctx().channel, id: 'chn_web', code: 'web', kind: 'web', fulfilmentModes: ['delivery'] },
      deliveryStock: [{ locationId: 'loc_wh_a', sku: 'MUG', available: 5 }],
    })
    const input: OrderInput = {
      channel: 'web',
      lines: [{ sku: 'MUG', quantity: 1, fulfilment: 'delivery' }],
      delivery_address: { name: 'A', line1: 'B', postcode: '69002', city: 'Lyon', country: 'FR' },
      payments: [{ method: 'cash', amount_cents: 799 }],
    }
    expect(refusal(() => planOrder(input, web))).toMatchObject({ code: 'cash_not_accepted' })
  })

  it('a draft holds its stock until its deadline and takes no payment', () => {
    const plan = planOrder(
      {
        channel: 'store',
        draft: true,
        hold_minutes: 10,
        lines: [{ sku: 'MUG', quantity: 1, fulfilment: 'pickup' }],
      },
      ctx({ deliveryStock: [{ locationId: 'loc_store', sku: 'MUG', available: 5 }] }),
    )
    expect(plan.status).toBe('draft')
    expect(plan.draftExpiresAt?.toISOString()).toBe('2026-11-23T10:10:00.000Z')
    expect(plan.holds[0]).toMatchObject({ mode: 'reserve', expiresAt: plan.draftExpiresAt })
  })
})

describe('routing delivery and pickup lines', () => {
  const web = (over: Partial<PlanContext> = {}) =>
    ctx({
      actor: { keyId: 'k', name: 'web', role: 'channel', locationId: null, channelId: 'chn_web' },
      channel: {
        ...ctx().channel,
        id: 'chn_web',
        code: 'web',
        kind: 'web',
        fulfilmentModes: ['delivery', 'pickup'],
      },
      ...over,
    })
  const lyon = { name: 'A', line1: 'B', postcode: '69002', city: 'Lyon', country: 'FR' }
  const franchised = new Map(network)
  franchised.set('loc_store', {
    ...network.get('loc_store')!,
    ownership: 'franchised',
    shipFromStoreOptIn: false,
  })

  it('never allocates more than a location can promise, never to an ineligible one, and covers every unit or refuses (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            sku: fc.constantFrom('MUG', 'TEA'),
            quantity: fc.integer({ min: 1, max: 6 }),
            pickup: fc.boolean(),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 6 }),
        fc.boolean(),
        (lines, qty, storeFranchised) => {
          const places = ['loc_wh_a', 'loc_wh_b', 'loc_store']
          const stock = places.flatMap((locationId, i) => [
            { locationId, sku: 'MUG', available: qty[i * 2]! },
            { locationId, sku: 'TEA', available: qty[i * 2 + 1]! },
          ])
          const input: OrderInput = {
            channel: 'web',
            lines: lines.map((l) =>
              l.pickup
                ? { sku: l.sku, quantity: l.quantity, fulfilment: 'pickup', pickup_location_id: 'loc_store' }
                : { sku: l.sku, quantity: l.quantity, fulfilment: 'delivery' },
            ),
            delivery_address: lyon,
            payments: [],
          }
          const c = web({
            deliveryStock: stock,
            routing: { network: storeFranchised ? franchised : network, model: defaultCostModel },
          })
          const due = lines.reduce((sum, l) => sum + (l.sku === 'MUG' ? 799 : 450) * l.quantity, 0)
          input.payments = [{ method: 'card', amount_cents: due }]
          let plan: ReturnType<typeof planOrder>
          try {
            plan = planOrder(input, c)
          } catch (err) {
            expect((err as AppError).code).toBe('insufficient_stock')
            return
          }
          // Every unit of every requested line is served.
          lines.forEach((l, i) => {
            const served = plan.lines
              .filter((p) => p.lineNo === i + 1)
              .reduce((sum, p) => sum + p.quantity, 0)
            expect(served).toBe(l.quantity)
          })
          for (const s of stock) {
            const taken = plan.holds
              .filter((h) => h.locationId === s.locationId && h.sku === s.sku)
              .reduce((sum, h) => sum + h.quantity, 0)
            expect(taken).toBeLessThanOrEqual(s.available)
          }
          // A franchised store that did not opt in ships nothing to a home.
          if (storeFranchised) {
            expect(
              plan.lines.some((p) => p.fulfilment === 'delivery' && p.sourceLocationId === 'loc_store'),
            ).toBe(false)
          }
          expect(plan.totalCents).toBe(due)
        },
      ),
    )
  })
})

describe('fulfilling an order', () => {
  const actor: Actor = {
    keyId: 'k',
    name: 's',
    role: 'store_staff',
    locationId: 'loc_store',
    channelId: null,
  }
  const order: OrderState = {
    id: 'ord_1',
    status: 'placed',
    channelId: 'chn',
    storeId: null,
    totalCents: 1000,
    paidCents: 0,
    draftExpiresAt: null,
  }
  const line: LineState = {
    id: 'oln_1',
    lineNo: 1,
    sku: 'MUG',
    quantity: 3,
    totalCents: 1000,
    fulfilment: 'reserve',
    sourceLocationId: 'loc_store',
    pickupLocationId: 'loc_store',
    fulfilledQuantity: 0,
    cancelledQuantity: 0,
  }

  it('charges the collected units of a reserve & collect line and completes when all are collected', () => {
    const part = planFulfilment(actor, order, [line], [{ line_id: 'oln_1', quantity: 1 }])
    expect(part).toMatchObject({ dueCents: 333, status: 'partially_fulfilled' })
    const rest = planFulfilment(
      actor,
      { ...order, status: 'partially_fulfilled', paidCents: 333 },
      [{ ...line, fulfilledQuantity: 1 }],
      [{ line_id: 'oln_1', quantity: 2 }],
    )
    expect(rest).toMatchObject({ dueCents: 667, status: 'completed' })
  })

  it('refuses to hand over more than is left', () => {
    expect(
      refusal(() => planFulfilment(actor, order, [line], [{ line_id: 'oln_1', quantity: 4 }])),
    ).toMatchObject({
      code: 'over_fulfilment',
    })
  })

  it('the parts of a line always add up to its total (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 10 })),
        (quantity, totalCents, steps) => {
          let done = 0
          let sum = 0
          for (const s of steps) {
            const next = Math.min(quantity, done + s)
            sum += valueOfUnits({ quantity, totalCents }, done, next)
            done = next
          }
          sum += valueOfUnits({ quantity, totalCents }, done, quantity)
          expect(sum).toBe(totalCents)
        },
      ),
    )
  })
})
