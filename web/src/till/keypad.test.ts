import { describe, expect, it } from 'vitest'
import { keyed } from './Keypad'
import { quickCash } from './PaymentBox'

describe('the till keypad', () => {
  it('replaces a value just focused, then appends digits', () => {
    expect(keyed('1', '3', true, false)).toBe('3')
    expect(keyed('3', '2', false, false)).toBe('32')
  })

  it('types an amount in euros with a comma and two decimals at most', () => {
    let text = '12,40'
    for (const k of ['2', '0', ',', '5', '0', '9']) text = keyed(text, k, text === '12,40', true)
    expect(text).toBe('20,50')
    expect(keyed('', ',', false, true)).toBe('0,')
    expect(keyed('20,5', ',', false, true)).toBe('20,5')
  })

  it('erases the last digit and clears', () => {
    expect(keyed('125', 'erase', false, false)).toBe('12')
    expect(keyed('125', 'clear', false, false)).toBe('')
    expect(keyed('0', '7', false, false)).toBe('7')
  })
})

describe('quick cash amounts', () => {
  it('offers the exact amount, then the next 5, 10, 20 and 50 € above it', () => {
    expect(quickCash(2340)).toEqual([2340, 2500, 3000, 4000, 5000])
  })

  it('offers each note once and always more than the exact amount', () => {
    expect(quickCash(2000)).toEqual([2000, 2500, 3000, 4000, 5000])
    expect(quickCash(4600)).toEqual([4600, 5000, 6000])
    expect(quickCash(0)).toEqual([])
  })
})
