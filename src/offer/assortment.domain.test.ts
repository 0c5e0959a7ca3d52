import { describe, expect, it } from 'vitest'
import { assortmentFindings, maySell } from './assortment.domain.ts'

const product = (
  strategy: 'selective' | 'cross_channel' | null,
  listedIn: string[],
  excluded: string[] = [],
) => ({
  productId: 'prd_1',
  code: 'P1',
  category: 'garden',
  strategy,
  listedIn,
  excluded: new Map(excluded.map((c) => [c, 'logistics'])),
})
const channels = ['STORES', 'WEB', 'APP']

describe('assortment strategies', () => {
  it('selective: one channel is fine, two compete', () => {
    expect(assortmentFindings(product('selective', ['WEB']), channels)).toEqual([])
    expect(assortmentFindings(product('selective', ['APP', 'WEB']), channels)).toEqual([
      { rule: 'overlap', product_id: 'prd_1', code: 'P1', category: 'garden', channels: ['WEB', 'APP'] },
    ])
  })

  it('cross-channel: a gap needs a reason', () => {
    expect(assortmentFindings(product('cross_channel', ['STORES', 'WEB']), channels)).toMatchObject([
      { rule: 'unjustified_exclusion', channels: ['APP'] },
    ])
    expect(assortmentFindings(product('cross_channel', ['STORES', 'WEB'], ['APP']), channels)).toEqual([])
    expect(assortmentFindings(product(null, []), channels)).toEqual([])
  })

  it('the endless aisle opens to a store till, for delivery or pickup only', () => {
    expect(maySell(true, false, 'web', 'delivery')).toBe(true)
    expect(maySell(false, true, 'store', 'delivery')).toBe(true)
    expect(maySell(false, true, 'store', 'pickup')).toBe(true)
    expect(maySell(false, true, 'store', 'takeaway')).toBe(false)
    expect(maySell(false, true, 'web', 'delivery')).toBe(false)
    expect(maySell(false, false, 'store', 'delivery')).toBe(false)
  })
})
