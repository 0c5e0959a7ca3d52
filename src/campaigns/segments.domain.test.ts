import { describe, expect, it } from 'vitest'
import { contradiction, profileMatches, toCsv } from './segments.domain.ts'

describe('segment rules', () => {
  it('a CSV cell a spreadsheet would run as a formula is neutralised; quotes and commas are escaped', () => {
    const csv = toCsv(['a', 'b', 'c'], [['=SUM(A1)', 'Dupont, "Jo"', -5]])
    expect(csv).toBe(`a,b,c\r\n'=SUM(A1),"Dupont, ""Jo""",-5\r\n`)
    expect(toCsv(['x'], [['@cmd'], ['+33 6'], [null]])).toBe(`x\r\n'@cmd\r\n'+33 6\r\n\r\n`)
  })

  it('bounds that exclude each other are named', () => {
    expect(contradiction({ spend: { min_cents: 10, max_cents: 5 } })?.field).toBe('filter.spend')
    expect(contradiction({ last_purchase: { after: '2026-02-01', before: '2026-01-01' } })?.field).toBe(
      'filter.last_purchase',
    )
    expect(contradiction({ last_purchase: { never: true, after: '2026-01-01' } })?.field).toBe(
      'filter.last_purchase',
    )
    expect(contradiction({ spend: { min_cents: 5, max_cents: 5 } })).toBeNull()
  })

  it('profile criteria: any shopper label listed, any home store listed', () => {
    const profile = {
      labels: [{ kind: 'local_buyer' as const, evidence: '' }],
      preferred_channels: [],
      home_store: { store_id: 'loc_a', rule: 'most_visited' as const, evidence: '' },
    }
    expect(profileMatches({ shopper_profiles: ['local_buyer', 'impulse_buyer'] }, profile)).toBe(true)
    expect(profileMatches({ shopper_profiles: ['impulse_buyer'] }, profile)).toBe(false)
    expect(profileMatches({ home_stores: ['loc_b', 'loc_a'] }, profile)).toBe(true)
    expect(profileMatches({ home_stores: ['loc_b'] }, profile)).toBe(false)
    expect(profileMatches({ home_stores: ['loc_b'] }, undefined)).toBe(false)
  })
})
