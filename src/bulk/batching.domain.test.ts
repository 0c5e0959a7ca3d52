import { describe, expect, it } from 'vitest'
import { count, emptyReport, inBatches, listedRefusalsMax } from './batching.domain.ts'

/** A file of `n` rows read one at a time, counting the rows read and not yet written. */
function file(n: number) {
  const state = { read: 0, written: 0, mostHeld: 0 }
  async function* rows() {
    for (let i = 0; i < n; i++) {
      state.read++
      state.mostHeld = Math.max(state.mostHeld, state.read - state.written)
      yield { line: i + 2, key: `SKU-${i % 300}` }
    }
  }
  return { rows: rows(), state }
}

describe('walking a file in batches', () => {
  it('holds at most one batch of a 100,000-row file at a time, whatever its length', async () => {
    const { rows, state } = file(100_000)
    let batches = 0
    for await (const batch of inBatches(rows, 500, () => ({ unique: [] }))) {
      expect(batch.length).toBeLessThanOrEqual(500)
      state.written += batch.length
      batches++
    }
    expect(state).toMatchObject({ read: 100_000, written: 100_000 })
    expect(state.mostHeld).toBeLessThanOrEqual(500)
    expect(batches).toBe(200)
  })

  it('starts a new batch when a row repeats a key of the batch, keeping file order', async () => {
    const { rows, state } = file(5_000)
    const seen: number[] = []
    for await (const batch of inBatches(rows, 500, (r) => ({ unique: [r.key] }))) {
      expect(new Set(batch.map((r) => r.key)).size).toBe(batch.length)
      expect(batch.length).toBeLessThanOrEqual(300)
      seen.push(...batch.map((r) => r.line))
      state.written += batch.length
    }
    expect(seen).toEqual(Array.from({ length: 5_000 }, (_, i) => i + 2))
    expect(state.mostHeld).toBeLessThanOrEqual(500)
  })

  it('keeps rows that must agree together only while they agree', async () => {
    async function* rows() {
      yield* [
        { p: 'A', name: 'Bol' },
        { p: 'A', name: 'Bol' },
        { p: 'A', name: 'Bol bleu' },
        { p: 'B', name: 'Tasse' },
      ]
    }
    const sizes: number[] = []
    for await (const b of inBatches(rows(), 500, (r) => ({ unique: [], same: [[r.p, r.name]] })))
      sizes.push(b.length)
    expect(sizes).toEqual([2, 2])
  })
})

describe('the report', () => {
  it('counts every row and lists the first refusals only', () => {
    const report = emptyReport('stock', false)
    count(report, 2, 'created')
    count(report, 3, 'unchanged')
    for (let i = 0; i < listedRefusalsMax + 5; i++) {
      count(report, 4 + i, [{ column: 'sku', code: 'unknown_sku', reason: 'no variant' }])
    }
    expect(report).toMatchObject({
      rows: listedRefusalsMax + 7,
      applied: 1,
      created: 1,
      unchanged: 1,
      refused_rows: listedRefusalsMax + 5,
      refused_not_listed: 5,
    })
    expect(report.refused).toHaveLength(listedRefusalsMax)
    expect(report.refused[0]).toEqual({ line: 4, column: 'sku', code: 'unknown_sku', reason: 'no variant' })
  })
})
