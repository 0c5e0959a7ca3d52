import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/client'
import { nextTicket, unreachable } from './queue'

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

describe('the offline tickets of a register', () => {
  it('are numbered one after the other per register, and survive a reload of the page', () => {
    const storage = new MemoryStorage()
    expect(nextTicket('1a2b3c4d-till', storage)).toEqual({ seq: 1, ticket: 'H1A2B-00001' })
    expect(nextTicket('1a2b3c4d-till', storage)).toEqual({ seq: 2, ticket: 'H1A2B-00002' })
    expect(nextTicket('9f8e7d6c-till', storage)).toEqual({ seq: 1, ticket: 'H9F8E-00001' })
    expect(nextTicket('1a2b3c4d-till', storage).seq).toBe(3)
  })

  it('are kept for the server when no answer came, not when the server refused', () => {
    expect(unreachable(new ApiError(0, 'network_unavailable', 'Failed to fetch'))).toBe(true)
    expect(unreachable(new ApiError(502, 'http_error', 'Bad Gateway'))).toBe(true)
    expect(unreachable(new ApiError(409, 'insufficient_stock', 'short'))).toBe(false)
    expect(unreachable(new Error('other'))).toBe(false)
  })
})
