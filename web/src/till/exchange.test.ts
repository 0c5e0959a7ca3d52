import { describe, expect, it } from 'vitest'
import { exchangeBalance, returnedValue } from './exchange'

describe('an exchange at the till', () => {
  it('values the units brought back by the next slices of their line, as the server does', () => {
    // 3 units for 10,00 € (a discount spread over them): 3,33 + 3,34 + 3,33.
    const line = { quantity: 3, total_cents: 1000, returnable_quantity: 3, back: 1 }
    expect(returnedValue([line])).toBe(333)
    expect(returnedValue([{ ...line, returnable_quantity: 2 }])).toBe(334)
    expect(returnedValue([{ ...line, returnable_quantity: 1 }])).toBe(333)
    expect(returnedValue([{ ...line, back: 3 }])).toBe(1000)
    expect(
      returnedValue([
        { ...line, back: 0 },
        { quantity: 1, total_cents: 2500, returnable_quantity: 1, back: 1 },
      ]),
    ).toBe(2500)
  })

  it('leaves a difference to pay for dearer goods, and credit for cheaper ones', () => {
    expect(exchangeBalance(2500, 3990)).toEqual({ toPayCents: 1490, creditLeftCents: 0 })
    expect(exchangeBalance(2500, 1000)).toEqual({ toPayCents: 0, creditLeftCents: 1500 })
    expect(exchangeBalance(2500, 2500)).toEqual({ toPayCents: 0, creditLeftCents: 0 })
  })
})
