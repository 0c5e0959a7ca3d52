import { describe, expect, it } from 'vitest'
import {
  addToBasket,
  basketTotal,
  changeDue,
  linesReady,
  needsAddress,
  orderLines,
  paid,
  pricedLines,
  tender,
} from './basket'

const cocotte = { sku: 'CUI-1', name: 'Cocotte', unitCents: 21800, vatRate: 20 }

describe('the till basket', () => {
  it('adds one to the line when the same article is scanned again, and totals discounted lines', () => {
    let lines = addToBasket([], cocotte)
    lines = addToBasket(lines, cocotte)
    lines = addToBasket(lines, { sku: 'THE-1', name: 'Thé', unitCents: 650, vatRate: 5.5 })
    expect(lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['CUI-1', 2],
      ['THE-1', 1],
    ])
    lines = lines.map((l) => (l.sku === 'CUI-1' ? { ...l, discountCents: 1600 } : l))
    expect(basketTotal(lines)).toBe(2 * 21800 - 1600 + 650)
  })

  it('takes cash beyond what is due and gives the change back; a card is refused beyond it', () => {
    const card = tender('card', 10000, 21000)!
    const cash = tender('cash', 12000, 21000 - card.amountCents)!
    expect(cash).toEqual({ method: 'cash', amountCents: 11000, tenderedCents: 12000 })
    expect(paid([card, cash])).toBe(21000)
    expect(changeDue([card, cash])).toBe(1000)
    expect(tender('card', 30000, 21000)).toBeNull()
    expect(tender('gift_card', 500, 21000, 'GC-1')).toEqual({
      method: 'gift_card',
      amountCents: 500,
      reference: 'GC-1',
    })
  })

  it('sells what is not on the shelf for home delivery or pickup in another store (endless aisle)', () => {
    let lines = addToBasket(addToBasket([], cocotte), {
      sku: 'THE-1',
      name: 'Thé',
      unitCents: 650,
      vatRate: 5.5,
    })
    expect(needsAddress(lines)).toBe(false)
    lines = lines.map((l) =>
      l.sku === 'CUI-1' ? { ...l, mode: 'delivery' as const, discountCents: 100 } : l,
    )
    expect(needsAddress(lines)).toBe(true)
    lines = lines.map((l) => (l.sku === 'THE-1' ? { ...l, mode: 'pickup' as const } : l))
    expect(linesReady(lines)).toBe(false)
    lines = lines.map((l) => (l.sku === 'THE-1' ? { ...l, pickupStoreId: 'loc_2' } : l))
    expect(linesReady(lines)).toBe(true)
    expect(orderLines(lines)).toEqual([
      { sku: 'CUI-1', quantity: 1, fulfilment: 'delivery', discount_cents: 100 },
      { sku: 'THE-1', quantity: 1, fulfilment: 'pickup', pickup_location_id: 'loc_2' },
    ])
  })

  it('shows a line as the server priced it: parts of a split line added up, each promotion once', () => {
    const priced = pricedLines({
      lines: [
        { line_no: 1, total_cents: 1000, promotions: [{ name: 'Soldes', cents: 200 }] },
        { line_no: 2, total_cents: 500, promotions: [] },
        { line_no: 1, total_cents: 700, promotions: [{ name: 'Soldes', cents: 100 }] },
      ],
    })
    expect(priced.get(0)).toEqual({ totalCents: 1700, promotions: [{ name: 'Soldes', cents: 300 }] })
    expect(priced.get(1)).toEqual({ totalCents: 500, promotions: [] })
  })
})
