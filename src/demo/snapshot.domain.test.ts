import { describe, expect, it } from 'vitest'
import { SNAPSHOT_FORMAT, type SnapshotDescription, whyNotUsable } from './snapshot.domain.ts'

const now = new Date('2026-12-02T10:00:00Z')
const current = { schema: 'abc', engine: '0.5.16' }
const made = (over: Partial<SnapshotDescription> = {}): SnapshotDescription => ({
  format: SNAPSHOT_FORMAT,
  schema: 'abc',
  engine: '0.5.16',
  seed: 1,
  madeAt: '2026-12-01T22:00:00Z',
  summary: {
    locations: 22,
    channels: 6,
    products: 600,
    variants: 2000,
    customers: 400,
    orders: 9000,
    stockRows: 23000,
    movements: 57000,
  },
  ...over,
})

describe('whether a demo snapshot may start a new embedded database', () => {
  it('takes a snapshot made yesterday for the same schema and engine', () => {
    expect(whyNotUsable(made(), current, now)).toBeUndefined()
  })

  it('refuses a snapshot made for another schema version', () => {
    expect(whyNotUsable(made({ schema: 'older' }), current, now)).toMatch(
      /another version of the database schema/,
    )
  })

  it("refuses a snapshot made by another version of the demo's code, unless that code is not installed", () => {
    const withDemo = { ...current, demo: 'd2' }
    expect(whyNotUsable(made({ demo: 'd1' }), withDemo, now)).toMatch(/another version of the demo retailer/)
    expect(whyNotUsable(made(), withDemo, now)).toMatch(/another version of the demo retailer/)
    expect(whyNotUsable(made({ demo: 'd2' }), withDemo, now)).toBeUndefined()
    expect(whyNotUsable(made({ demo: 'd1' }), { ...current, demo: null }, now)).toBeUndefined()
  })

  it('refuses a snapshot made by another embedded database engine', () => {
    expect(whyNotUsable(made({ engine: '0.4.0' }), current, now)).toMatch(/0\.4\.0, now 0\.5\.16/)
  })

  it('refuses a snapshot older than three days, whose history would stop days ago', () => {
    expect(whyNotUsable(made({ madeAt: '2026-11-29T09:00:00Z' }), current, now)).toMatch(/3 days ago/)
    expect(whyNotUsable(made({ madeAt: '2026-11-29T11:00:00Z' }), current, now)).toBeUndefined()
  })

  it('refuses a snapshot of another format or with a date that makes no sense', () => {
    expect(whyNotUsable(made({ format: 0 }), current, now)).toBeDefined()
    expect(whyNotUsable(made({ madeAt: 'yesterday' }), current, now)).toBeDefined()
    expect(whyNotUsable(made({ madeAt: '2027-01-01T00:00:00Z' }), current, now)).toBeDefined()
  })
})
