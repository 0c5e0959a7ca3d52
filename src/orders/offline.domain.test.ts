import { describe, expect, it } from 'vitest'
import { AppError } from '../shared/errors.ts'
import { assertOfflineSale } from './offline.domain.ts'
import type { OrderInput } from './orders.domain.ts'

const now = new Date('2026-11-20T10:00:00Z')
const sale = (extra: Partial<OrderInput> = {}, soldAt = '2026-11-20T09:30:00Z') => ({
  channel: 'STORES',
  lines: [{ sku: 'POT', quantity: 1, fulfilment: 'takeaway' as const }],
  payments: [{ method: 'cash' as const, amount_cents: 4990 }],
  ...extra,
  offline: { sold_at: soldAt, ticket: 'H1A2B-00001' },
})

const field = (run: () => unknown) => {
  try {
    run()
  } catch (err) {
    return err instanceof AppError ? (err.details as { field?: string }).field : String(err)
  }
  return null
}

describe('what a till may have sold offline', () => {
  it('a take-away sale paid in cash or by card, made a while ago, is recorded at its sale time', () => {
    expect(assertOfflineSale(sale(), 'store', now)).toEqual(new Date('2026-11-20T09:30:00Z'))
    expect(
      assertOfflineSale(sale({ payments: [{ method: 'card', amount_cents: 4990 }] }), null, now),
    ).toBeInstanceOf(Date)
  })

  it('refuses what needs the server, naming the field', () => {
    expect(field(() => assertOfflineSale(sale(), 'web', now))).toBe('offline')
    expect(field(() => assertOfflineSale(sale({ draft: true }), 'store', now))).toBe('offline')
    expect(
      field(() =>
        assertOfflineSale(
          sale({ lines: [{ sku: 'POT', quantity: 1, fulfilment: 'delivery' }] }),
          'store',
          now,
        ),
      ),
    ).toBe('lines.0.fulfilment')
    expect(
      field(() =>
        assertOfflineSale(
          sale({ payments: [{ method: 'loyalty_points', amount_cents: 4990 }] }),
          'store',
          now,
        ),
      ),
    ).toBe('payments.0.method')
    expect(field(() => assertOfflineSale(sale({ customer_id: 'cus_1' }), 'store', now))).toBe('customer_id')
  })

  it('refuses a sale time ahead of the clock (beyond five minutes) or older than a week', () => {
    expect(assertOfflineSale(sale({}, '2026-11-20T10:04:00Z'), 'store', now)).toBeInstanceOf(Date)
    expect(field(() => assertOfflineSale(sale({}, '2026-11-20T10:10:00Z'), 'store', now))).toBe(
      'offline.sold_at',
    )
    expect(field(() => assertOfflineSale(sale({}, '2026-11-12T10:00:00Z'), 'store', now))).toBe(
      'offline.sold_at',
    )
    expect(field(() => assertOfflineSale(sale({}, 'yesterday'), 'store', now))).toBe('offline.sold_at')
  })
})
