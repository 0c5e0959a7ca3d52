import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fulfilmentModes } from '../channels/index.ts'
import type { Actor } from '../shared/actor.ts'
import { AppError } from '../shared/errors.ts'
import { propertyRuns } from '../testing/property-runs.ts'
import { type LineState, type OrderState, planFulfilment } from './lifecycle.domain.ts'
import {
  assertTransition,
  initialOrderStatuses,
  mayTransition,
  type OrderStatus,
  orderStatuses,
  orderTransitions,
  statusesLeadingTo,
} from './order-process.domain.ts'

const finalStatuses: OrderStatus[] = ['completed', 'cancelled', 'expired']

function refusal(fn: () => unknown): AppError {
  try {
    fn()
  } catch (err) {
    if (err instanceof AppError) return err
    throw err
  }
  throw new Error('expected a refusal')
}

/** Every status reachable from `from` by moves of the table, `from` included. */
function reachableFrom(from: readonly OrderStatus[]): Set<OrderStatus> {
  const seen = new Set(from)
  const queue = [...from]
  while (queue.length > 0) {
    for (const next of orderTransitions[queue.shift()!].to) {
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  return seen
}

describe('the order lifecycle table', () => {
  it('names every status once as a source, and only known statuses as destinations', () => {
    expect(Object.keys(orderTransitions).sort()).toEqual([...orderStatuses].sort())
    for (const { to } of Object.values(orderTransitions)) {
      for (const status of to) expect(orderStatuses).toContain(status)
      expect(new Set(to).size).toBe(to.length)
    }
  })

  it('every status can be reached from a new order, drafted or placed at once', () => {
    expect([...reachableFrom(initialOrderStatuses)].sort()).toEqual([...orderStatuses].sort())
  })

  it('completed, cancelled and expired are final: no move leaves them', () => {
    for (const status of finalStatuses) expect(orderTransitions[status].to).toEqual([])
  })

  it('every other status has a way out and can still end in a final status', () => {
    for (const status of orderStatuses.filter((s) => !finalStatuses.includes(s))) {
      expect(orderTransitions[status].to.length).toBeGreaterThan(0)
      expect([...reachableFrom([status])].some((s) => finalStatuses.includes(s))).toBe(true)
    }
  })

  it('only a draft expires, and nothing leads back to a draft', () => {
    expect(statusesLeadingTo('expired')).toEqual(['draft'])
    expect(statusesLeadingTo('draft')).toEqual([])
  })

  const pairs = orderStatuses.flatMap((from) => orderStatuses.map((to) => [from, to] as const))

  it.each(pairs)('%s → %s is allowed exactly when the table lists it', (from, to) => {
    const order = { id: 'ord_1', status: from }
    if (orderTransitions[from].to.includes(to)) {
      expect(() => assertTransition(order, to)).not.toThrow()
      return
    }
    const err = refusal(() => assertTransition(order, to))
    expect(err).toMatchObject({ status: 409, code: 'invalid_transition', details: { status: from } })
    expect(err.message).toContain(`Order ord_1 is ${from}`)
    for (const source of statusesLeadingTo(to)) expect(err.message).toContain(source)
  })

  it('a refusal says which status the move needs, in the words of the action', () => {
    const placed = { id: 'ord_1', status: 'placed' as const }
    expect(refusal(() => assertTransition(placed, 'completed')).message).toBe(
      'Order ord_1 is placed; it can only be completed when fulfilled.',
    )
    expect(refusal(() => assertTransition(placed, 'placed')).message).toBe(
      'Order ord_1 is placed; it can only be confirmed when draft.',
    )
    expect(refusal(() => assertTransition({ id: 'ord_1', status: 'fulfilled' }, 'cancelled')).message).toBe(
      'Order ord_1 is fulfilled; it can only be cancelled when draft or placed.',
    )
  })
})

describe('fulfilment follows the lifecycle table', () => {
  const actor: Actor = { keyId: 'key_1', name: 'hq', role: 'admin', locationId: null, channelId: null }

  const lineArb = fc
    .record({
      quantity: fc.integer({ min: 1, max: 6 }),
      fulfilled: fc.integer({ min: 0, max: 6 }),
      cancelled: fc.integer({ min: 0, max: 6 }),
      fulfilment: fc.constantFrom(...fulfilmentModes),
      totalCents: fc.integer({ min: 0, max: 100_000 }),
      take: fc.integer({ min: 0, max: 6 }),
    })
    .map((l) => {
      const fulfilled = Math.min(l.fulfilled, l.quantity)
      return { ...l, fulfilled, cancelled: Math.min(l.cancelled, l.quantity - fulfilled) }
    })

  it('every step a fulfilment plans is a move of the table, ending in the status it gives the order (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...orderStatuses),
        fc.array(lineArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 200_000 }),
        (status, specs, paidCents) => {
          const lines: LineState[] = specs.map((l, i) => ({
            id: `oln_${i}`,
            lineNo: i + 1,
            sku: `SKU${i}`,
            quantity: l.quantity,
            totalCents: l.totalCents,
            fulfilment: l.fulfilment,
            sourceLocationId: 'loc_store',
            pickupLocationId: l.fulfilment === 'pickup' || l.fulfilment === 'reserve' ? 'loc_store' : null,
            fulfilledQuantity: l.fulfilled,
            cancelledQuantity: l.cancelled,
          }))
          const request = specs
            .map((l, i) => ({
              line_id: `oln_${i}`,
              quantity: Math.min(l.take, l.quantity - l.fulfilled - l.cancelled),
            }))
            .filter((r) => r.quantity > 0)
          fc.pre(request.length > 0)
          const totalCents = specs.reduce((s, l) => s + l.totalCents, 0)
          const order: OrderState = {
            id: 'ord_1',
            status,
            channelId: 'chn_1',
            storeId: 'loc_store',
            totalCents,
            paidCents,
            draftExpiresAt: null,
          }
          if (!mayTransition(status, 'fulfilled')) {
            expect(refusal(() => planFulfilment(actor, order, lines, request)).code).toBe(
              'invalid_transition',
            )
            return
          }
          const plan = planFulfilment(actor, order, lines, request)
          let at: OrderStatus = status
          for (const step of plan.events) {
            expect(step.fromStatus).toBe(at)
            expect(mayTransition(at, step.toStatus)).toBe(true)
            at = step.toStatus
          }
          expect(at).toBe(plan.status)
        },
      ),
      { numRuns: propertyRuns(500) },
    )
  })
})
