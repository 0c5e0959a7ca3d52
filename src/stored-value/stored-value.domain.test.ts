import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { kindOfCode, newStoredValueCode, normaliseStoredValueCode } from './stored-value.domain.ts'

describe('stored value codes', () => {
  it('are grouped, prefixed by kind, and free of misreadable characters', () => {
    const code = newStoredValueCode('gift_card')
    expect(code).toMatch(/^GC-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/)
    expect(kindOfCode(newStoredValueCode('store_credit'))).toBe('store_credit')
    expect(kindOfCode(newStoredValueCode('voucher'))).toBe('voucher')
  })

  it('read the same however they were typed', () => {
    fc.assert(
      fc.property(fc.constantFrom('gift_card', 'store_credit', 'voucher' as const), (kind) => {
        const code = newStoredValueCode(kind)
        const typed = code.toLowerCase().replaceAll('-', ' ')
        expect(normaliseStoredValueCode(typed, 'code')).toBe(code)
        expect(normaliseStoredValueCode(code.replaceAll('-', ''), 'code')).toBe(code)
      }),
    )
  })

  it('refuses what is not a code, naming the field', () => {
    expect(() => normaliseStoredValueCode('CC-123', 'payments/0/reference')).toThrow(/payments\/0\/reference/)
    expect(() => normaliseStoredValueCode('XX-AAAA-BBBB-CCCC', 'code')).toThrow(/code/)
  })
})
