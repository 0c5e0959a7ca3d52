import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { returnLabelBarcode, returnNumberOfLabel } from './return-label.domain.ts'

describe('the return label barcode', () => {
  it('carries the return number in the 28 range and reads back to it', () => {
    expect(returnLabelBarcode(500001)).toMatch(/^280000500001\d$/)
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999_999 }), (n) => {
        expect(returnNumberOfLabel(returnLabelBarcode(n))).toBe(n)
      }),
    )
  })

  it('refuses a receipt, a wrong check digit or anything else', () => {
    const label = returnLabelBarcode(500123)
    const wrong = `${label.slice(0, 12)}${(Number(label[12]) + 1) % 10}`
    expect(returnNumberOfLabel(wrong)).toBeNull()
    expect(returnNumberOfLabel(`29${label.slice(2)}`)).toBeNull()
    expect(returnNumberOfLabel('RET-500123')).toBeNull()
  })
})
