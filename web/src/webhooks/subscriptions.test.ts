import { describe, expect, it } from 'vitest'
import {
  choiceOf,
  covers,
  emptyChoice,
  groupByFamily,
  instant,
  isoToLocal,
  localToIso,
  milliseconds,
  parsePattern,
  patternsOf,
  urlProblem,
} from './subscriptions'

const catalogue = [
  { type: 'order.placed', family: 'order' },
  { type: 'order.cancelled', family: 'order' },
  { type: 'stock.received', family: 'stock' },
  { type: 'stock.adjusted', family: 'stock' },
  { type: 'customer.created', family: 'customer' },
]

describe('the event types a webhook subscription receives', () => {
  it('reads everything, a whole family or one type from what the API stores', () => {
    expect(parsePattern('*')).toEqual({ kind: 'all' })
    expect(parsePattern('order.*')).toEqual({ kind: 'family', family: 'order' })
    expect(parsePattern('order.placed')).toEqual({ kind: 'type', type: 'order.placed' })
  })

  it('lists the catalogue by family, in the catalogue’s order', () => {
    expect(groupByFamily(catalogue).map((g) => [g.family, g.types.map((e) => e.type)])).toEqual([
      ['order', ['order.placed', 'order.cancelled']],
      ['stock', ['stock.received', 'stock.adjusted']],
      ['customer', ['customer.created']],
    ])
  })

  it('sends a whole family as family.* without its single types, and the other types one by one', () => {
    const choice = {
      all: false,
      families: new Set(['stock']),
      types: new Set(['stock.received', 'order.cancelled', 'customer.created']),
    }
    expect(patternsOf(choice, catalogue)).toEqual(['stock.*', 'order.cancelled', 'customer.created'])
    expect(covers(choice, catalogue[3]!)).toBe(true)
    expect(covers(choice, catalogue[0]!)).toBe(false)
  })

  it('sends everything as * alone, and nothing chosen as no pattern (the form then refuses it)', () => {
    expect(patternsOf({ ...emptyChoice, all: true, types: new Set(['order.placed']) }, catalogue)).toEqual([
      '*',
    ])
    expect(patternsOf(emptyChoice, catalogue)).toEqual([])
  })

  it('edits a stored subscription back to the same patterns', () => {
    for (const stored of [['*'], ['order.*', 'stock.received'], ['customer.created', 'order.placed']]) {
      const again = patternsOf(choiceOf(stored), catalogue)
      expect(new Set(again)).toEqual(new Set(stored))
    }
  })
})

describe('a webhook URL typed by head office', () => {
  it('is accepted over https or http, with a path and a query', () => {
    expect(urlProblem('https://erp.example.fr/hooks/passerelle?tenant=3')).toBeNull()
    expect(urlProblem(' http://127.0.0.1:8080/hooks ')).toBeNull()
  })

  it('is refused, with the reason the API would give, when it would be refused there', () => {
    expect(urlProblem('')).toBe('empty')
    expect(urlProblem('erp.example.fr/hooks')).toBe('notAbsolute')
    expect(urlProblem('ftp://example.com/hook')).toBe('scheme')
    expect(urlProblem('javascript:alert(1)')).toBe('scheme')
    expect(urlProblem('https://user:secret@example.com/hook')).toBe('credentials')
    expect(urlProblem('https://example.com/hook#top')).toBe('fragment')
  })
})

describe('a replay period typed in local time', () => {
  it('becomes the instant the API takes, and back to what the field shows', () => {
    const iso = localToIso('2026-03-29T01:30')
    expect(iso).toBe(new Date(2026, 2, 29, 1, 30).toISOString())
    expect(isoToLocal(iso!)).toBe('2026-03-29T01:30')
  })

  it('is refused when a field is empty or not a date', () => {
    expect(localToIso('')).toBeNull()
    expect(localToIso('29/03/2026 01:30')).toBeNull()
    expect(localToIso('2026-13-45T99:00')).toBeNull()
  })
})

describe('numbers and dates of the delivery log', () => {
  it('are written the French way in French and the English way in English', () => {
    expect(milliseconds(1234, 'fr')).toBe('1\u202f234 ms')
    expect(milliseconds(1234, 'en')).toBe('1,234 ms')
    const at = new Date(2026, 11, 3, 14, 5, 9).toISOString()
    expect(instant(at, 'fr')).toBe('03/12/2026 14:05:09')
    expect(instant(at, 'en')).toBe('03/12/2026, 14:05:09')
  })
})
