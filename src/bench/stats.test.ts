import { describe, expect, it } from 'vitest'
import { percentile, summarise } from './stats.ts'

describe('benchmark percentiles', () => {
  it('uses the nearest rank', () => {
    const sample = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(sample, 50)).toBe(50)
    expect(percentile(sample, 99)).toBe(99)
    expect(percentile(sample, 100)).toBe(100)
    expect(percentile([7], 99)).toBe(7)
  })

  it('summarises an unsorted sample', () => {
    expect(summarise([3, 1, 2])).toMatchObject({ count: 3, p50_ms: 2, max_ms: 3 })
    expect(summarise([])).toMatchObject({ count: 0, p99_ms: 0 })
  })
})
