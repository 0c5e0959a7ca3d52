import { describe, expect, it } from 'vitest'
import { type OrderFact, shopperProfile } from './shopper-profile.domain.ts'

const day = (d: number) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000)
const order = (over: Partial<OrderFact>): OrderFact => ({
  channelKind: 'web',
  channelCode: 'WEB',
  status: 'completed',
  totalCents: 5000,
  storeId: null,
  createdAt: day(0),
  ...over,
})

describe('shopper profiles', () => {
  it('a mobile shopper buying small baskets often', () => {
    const orders = [0, 10, 20, 30, 40].map((d) =>
      order({ channelKind: 'mobile', channelCode: 'APP', totalCents: 1500, createdAt: day(d) }),
    )
    const p = shopperProfile(orders, null)
    expect(p.labels.map((l) => l.kind)).toEqual(['mobile_shopper', 'impulse_buyer'])
    expect(p.labels[1]!.evidence).toContain('median basket 15,00 €')
    expect(p.preferred_channels).toEqual([{ channel_code: 'APP', orders: 5, share: 1 }])
  })

  it('a local, assisted buyer of one store, who is its home store', () => {
    const orders = [
      order({ channelKind: 'store', channelCode: 'STORES', storeId: 'loc_lyon' }),
      order({ channelKind: 'store', channelCode: 'STORES', storeId: 'loc_lyon' }),
      order({ channelKind: 'store', channelCode: 'STORES', storeId: 'loc_lyon' }),
      order({ channelKind: 'web', channelCode: 'WEB', storeId: 'loc_paris' }),
    ]
    const p = shopperProfile(orders, { id: 'loc_other', name: 'Other', distanceKm: 1 })
    expect(p.labels.map((l) => l.kind)).toEqual(['assisted_buyer', 'local_buyer'])
    expect(p.home_store).toMatchObject({ store_id: 'loc_lyon', rule: 'most_visited' })
  })

  it('a comparison shopper across channels; without store visits the home store is the nearest', () => {
    const orders = [
      order({ channelCode: 'WEB' }),
      order({ channelCode: 'APP', channelKind: 'mobile' }),
      order({ channelCode: 'CALL', channelKind: 'call_centre' }),
      order({ status: 'expired' }),
    ]
    const p = shopperProfile(orders, { id: 'loc_near', name: 'Near', distanceKm: 2.34 })
    expect(p.labels.map((l) => l.kind)).toContain('comparison_shopper')
    expect(p.home_store).toMatchObject({ store_id: 'loc_near', rule: 'nearest' })
    expect(p.home_store!.evidence).toContain('2.3 km')
  })

  it('no orders: no label, no preferred channel', () => {
    expect(shopperProfile([], null)).toEqual({ labels: [], preferred_channels: [], home_store: null })
  })
})
