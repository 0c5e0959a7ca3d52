import { describe, expect, it } from 'vitest'
import { BurstReader, MAX_GAP_MS, MEAN_GAP_MS } from './scanner'

const type = (reader: BurstReader<string>, text: string, start: number, gap: number) => {
  let at = start
  let scan: { code: string; before: string } | null = null
  for (const [i, key] of [...text, 'Enter'].entries()) {
    scan = reader.key(key, at, `before ${i}`)
    at += gap
  }
  return scan
}

describe('telling a barcode scanner from a person typing', () => {
  it('reads 13 digits and Enter typed a few milliseconds apart as a scan, with what was before it', () => {
    expect(type(new BurstReader(), '3760123450012', 0, 4)).toEqual({
      code: '3760123450012',
      before: 'before 0',
    })
  })

  it('reads a scanner slowed down by a busy page', () => {
    expect(type(new BurstReader(), '3760123450012', 0, MEAN_GAP_MS - 5)?.code).toBe('3760123450012')
  })

  it('leaves the same digits typed by hand alone', () => {
    expect(type(new BurstReader(), '3760123450012', 0, 110)).toBeNull()
  })

  it('leaves a quick short amount and Enter alone (a cashier typing 10 in the amount)', () => {
    expect(type(new BurstReader(), '10', 0, 0)).toBeNull()
  })

  it('reads a scan that comes right after hand typing, keeping only the burst', () => {
    const reader = new BurstReader<string>()
    reader.key('2', 0, 'typed')
    expect(type(reader, '3760123450012', 40, 3)).toEqual({ code: '3760123450012', before: 'before 0' })
  })

  it('drops a burst broken by a pause', () => {
    const reader = new BurstReader<string>()
    for (const [i, k] of [...'376012'].entries()) reader.key(k, i * 3, '')
    for (const [i, k] of [...'3450012'].entries()) reader.key(k, 100 + MAX_GAP_MS + i * 3, '')
    expect(reader.key('Enter', 400, '')).toBeNull()
  })
})
