import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ean13CheckDigit, isValidEan13, toEan13 } from './ean.domain.ts'

const twelveDigits = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 })
  .map((digits) => digits.join(''))

describe('EAN-13 barcodes', () => {
  it('accept real products’ barcodes', () => {
    for (const code of ['4006381333931', '3017620422003', '5449000000996'])
      expect(isValidEan13(code), code).toBe(true)
  })

  it('compute the check digit from the first twelve digits', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1)
    expect(ean13CheckDigit('301762042200')).toBe(3)
    expect(toEan13('301762042200')).toBe('3017620422003')
  })

  it('refuse a wrong check digit', () => {
    expect(isValidEan13('4006381333932')).toBe(false)
    expect(isValidEan13('3017620422000')).toBe(false)
  })

  it('refuse a wrong length', () => {
    expect(isValidEan13('400638133393')).toBe(false)
    expect(isValidEan13('40063813339310')).toBe(false)
    expect(isValidEan13('')).toBe(false)
  })

  it('refuse anything but digits', () => {
    expect(isValidEan13('400638133393A')).toBe(false)
    expect(isValidEan13(' 4006381333931')).toBe(false)
    expect(isValidEan13('4006381-33393')).toBe(false)
    expect(() => toEan13('40063813339X')).toThrow()
  })

  it('completed from any twelve digits always scan', () => {
    fc.assert(
      fc.property(twelveDigits, (body) => {
        expect(isValidEan13(toEan13(body))).toBe(true)
      }),
    )
  })

  it('with any single digit mistyped never scan', () => {
    fc.assert(
      fc.property(
        twelveDigits,
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (body, position, shift) => {
          const code = toEan13(body)
          const digit = (Number(code[position]) + shift) % 10
          const mistyped = code.slice(0, position) + digit + code.slice(position + 1)
          expect(isValidEan13(mistyped)).toBe(false)
        },
      ),
    )
  })
})
