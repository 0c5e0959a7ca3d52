import { describe, expect, it } from 'vitest'
import { periodText, vatRate } from '../fiscal/words'
import { describeViolation } from './violations'

const names: Record<string, string> = { WEB: 'Site web', STORES: 'Magasins' }
const channel = (code: string) => names[code] ?? code

describe('a broken coherence rule in words', () => {
  it('names channels, not codes, with French amounts and decimals', () => {
    const text = describeViolation(
      {
        rule: 'spread_pct',
        lowest: { channel: 'STORES', cents: 3999 },
        highest: { channel: 'WEB', cents: 5299 },
        spread_pct: 32.51,
        max_spread_pct: 25,
      },
      'fr',
      channel,
    )
    expect(text.replace(/\s/g, ' ')).toBe(
      'Écart de 32,51 % entre Magasins (39,99 €) et Site web (52,99 €) : 25 % au plus.',
    )
    expect(text).not.toMatch(/WEB|STORES|\d\.\d/)
  })

  it('says each rule in both languages, and an unknown one without its code', () => {
    const floor = {
      rule: 'floor',
      channel: 'WEB',
      cents: 2095,
      floor_cents: 2428,
      cost_cents: 2023,
      min_margin_pct: 20,
    }
    expect(describeViolation(floor, 'fr', channel)).toContain('sous le prix plancher de 24,28')
    expect(describeViolation(floor, 'en', channel)).toContain('under the floor of 24,28')
    const point = { rule: 'price_point', channel: 'STORES', cents: 10997, allowed_endings: [99, 95, 50, 0] }
    expect(describeViolation(point, 'fr', channel)).toContain('finir par 99, 95, 50, 00 centimes')
    expect(describeViolation({ rule: 'something_new' }, 'fr', channel)).toBe(
      'Règle de cohérence non respectée.',
    )
  })
})

describe('the legal till’s words', () => {
  it('writes closing periods and VAT rates the French way', () => {
    expect(periodText('2026-03-14', 'fr')).toBe('14/03/2026')
    expect(periodText('2026-03', 'fr')).toBe('03/2026')
    expect(periodText('2026', 'en')).toBe('2026')
    expect(vatRate(550)).toBe('5,5 %')
    expect(vatRate(2000)).toBe('20 %')
  })
})
