import { describe, expect, it } from 'vitest'
import type { BasketLine } from './basket'
import { loadDraft, loadParked, park, resume, type SaleDraft, saveDraft, saveParked } from './saved'

class MemoryStorage {
  private items = new Map<string, string>()
  get length() {
    return this.items.size
  }
  clear() {
    this.items.clear()
  }
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
  setItem(key: string, value: string) {
    this.items.set(key, value)
  }
}

const line: BasketLine = {
  sku: 'SKU-1',
  name: 'Cocotte',
  unitCents: 4990,
  quantity: 2,
  discountCents: 0,
  vatRate: 20,
  mode: 'takeaway',
}
const address = { name: '', line1: '', postcode: '', city: '' }
const sale = (over: Partial<SaleDraft> = {}): SaleDraft => ({
  lines: [line],
  customer: null,
  address,
  codes: [],
  tenders: [],
  saleKey: 'key-1',
  ...over,
})

describe('baskets kept at the register', () => {
  it('keeps the sale in progress with its Idempotency-Key, and forgets an empty one', () => {
    const storage = new MemoryStorage()
    saveDraft('s', sale(), storage)
    expect(loadDraft('s', storage)).toEqual(sale())
    saveDraft('s', sale({ lines: [] }), storage)
    expect(loadDraft('s', storage)).toBeNull()
  })

  it('parks a basket with its time and total, and resumes it under a new key', () => {
    const storage = new MemoryStorage()
    const parked = park([], sale(), 9980, new Date('2026-12-03T10:15:00Z'))!
    saveParked('s', parked, storage)
    const list = loadParked('s', storage)
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ parkedAt: '2026-12-03T10:15:00.000Z', totalCents: 9980, lines: [line] })
    const taken = resume(list, list[0]!.id)!
    expect(taken.rest).toEqual([])
    expect(taken.draft.lines).toEqual([line])
    expect(taken.draft.saleKey).not.toBe('key-1')
  })

  it('does not park a basket with payments taken, nor an empty one', () => {
    expect(park([], sale({ tenders: [{ method: 'card', amountCents: 100 }] }), 9980)).toBeNull()
    expect(park([], sale({ lines: [] }), 0)).toBeNull()
  })
})
