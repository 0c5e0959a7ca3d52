import { describe, expect, it } from 'vitest'
import type { BasketLine } from '../basket'
import type { OfflineCatalogue, OfflinePromotion } from './catalogue'
import { NotPricedOffline, priceOffline } from './pricing'

const at = new Date('2026-11-20T10:00:00Z')

function catalogue(promotions: OfflinePromotion[] = []): OfflineCatalogue {
  return {
    scope: 'loc_1.ch_store',
    storeId: 'loc_1',
    channelId: 'ch_store',
    channelKind: 'store',
    fetchedAt: at.toISOString(),
    articles: [
      {
        sku: 'POT',
        ean: '2000000000011',
        name: 'Cocotte',
        productId: 'prd_pot',
        category: 'kitchen',
        vatRateBp: 2000,
        unitCents: 4990,
      },
      {
        sku: 'BOOK',
        ean: '2000000000028',
        name: 'Livre',
        productId: 'prd_book',
        category: 'books',
        vatRateBp: 550,
        unitCents: 2110,
      },
    ],
    promotions,
  }
}

const line = (sku: string, quantity: number, discountCents = 0): BasketLine => ({
  sku,
  name: sku,
  unitCents: 1,
  quantity,
  discountCents,
  vatRate: 20,
  mode: 'takeaway',
})

const promotion = (p: Partial<OfflinePromotion>): OfflinePromotion => ({
  id: 'prm_1',
  code: 'KITCHEN10',
  name: 'Cuisine −10 %',
  kind: 'percentage',
  channels: null,
  channelKinds: null,
  startsAt: null,
  endsAt: null,
  target: { kind: 'categories', categories: ['kitchen'] },
  priority: 100,
  stacking: 'stackable',
  percentBp: 1000,
  voucherCode: null,
  limitTotal: null,
  limitPerCustomer: null,
  usedCount: 0,
  ...p,
})

describe('a basket priced by the till alone', () => {
  it('takes the kept store prices, the manual discount and VAT per rate, as the server does', () => {
    const q = priceOffline(catalogue(), [line('POT', 2, 980), line('BOOK', 1)], [], at)
    expect(q.lines.map((l) => [l.sku, l.total_cents, l.vat_cents])).toEqual([
      ['POT', 9000, 1500],
      ['BOOK', 2110, 110],
    ])
    expect(q.total_cents).toBe(11_110)
    expect(q.due_now_cents).toBe(11_110)
    expect(q.vat_breakdown).toEqual([
      { rate: 20, base_incl_cents: 9000, vat_cents: 1500 },
      { rate: 5.5, base_incl_cents: 2110, vat_cents: 110 },
    ])
  })

  it('applies the running promotions through the server’s engine, and leaves out the ended ones and those per customer', () => {
    const live = promotion({})
    const ended = promotion({ id: 'prm_2', code: 'OLD', endsAt: '2026-11-01T00:00:00Z', percentBp: 5000 })
    const perCustomer = promotion({ id: 'prm_3', code: 'VIP', limitPerCustomer: 1, percentBp: 5000 })
    const q = priceOffline(catalogue([live, ended, perCustomer]), [line('POT', 1), line('BOOK', 1)], [], at)
    expect(q.lines[0]).toMatchObject({ total_cents: 4491, discount_cents: 499 })
    expect(q.lines[0]!.promotions).toEqual([
      { promotion_id: 'prm_1', code: 'KITCHEN10', name: 'Cuisine −10 %', cents: 499 },
    ])
    expect(q.lines[1]).toMatchObject({ total_cents: 2110, promotions: [] })
  })

  it('refuses an article not in the kept slice and a code it cannot check', () => {
    expect(() => priceOffline(catalogue(), [line('GONE', 1)], [], at)).toThrow(NotPricedOffline)
    expect(() => priceOffline(catalogue(), [line('POT', 1)], ['NOPE'], at)).toThrow(NotPricedOffline)
  })
})
