import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../shared/errors.ts'
import {
  checkRule,
  checkTiers,
  defaultSettings,
  type EarningOrder,
  type EarningRule,
  type EarningRuleKind,
  pointsForOrder,
  type RuleInput,
  spreadDeduction,
  type Tier,
  tierFor,
} from './earning.domain.ts'

const saturday = new Date('2026-06-13T10:00:00Z')
const order = (o: Partial<EarningOrder> = {}): EarningOrder => ({
  channelId: 'chn_store',
  purchasedAt: saturday,
  lines: [{ lineNo: 1, category: 'kitchen', netCents: 15_000 }],
  paidWithPointsCents: 0,
  ...o,
})
let n = 0
const rule = (r: Partial<EarningRule> & Pick<EarningRule, 'kind'>): EarningRule => ({
  id: `lrl_${++n}`,
  name: 'rule',
  channelId: null,
  category: null,
  startsAt: null,
  endsAt: null,
  multiplierPercent: null,
  pointsPerEuro: null,
  bonusPoints: null,
  minOrderCents: 0,
  active: true,
  ...r,
})
const ladder: Tier[] = [
  { code: 'membre', name: 'Membre', thresholdPoints: 0, multiplierPercent: 100 },
  { code: 'argent', name: 'Argent', thresholdPoints: 500, multiplierPercent: 125 },
  { code: 'or', name: 'Or', thresholdPoints: 2000, multiplierPercent: 150 },
]

describe('points an order earns', () => {
  it('with no rule: one point per whole euro, as before rules existed', () => {
    const earned = pointsForOrder(
      order({ lines: [{ lineNo: 1, category: 'x', netCents: 1999 }] }),
      defaultSettings,
      [],
      null,
    )
    expect(earned).toMatchObject({ points: 19, eligibleCents: 1999 })
    expect(earned.contributions).toEqual([{ source: 'base', label: '1 pt/€ on 19.99 €', points: 19 }])
  })

  it('a web ×2 rule doubles web orders only, and says so', () => {
    const web = rule({ kind: 'multiplier', name: 'Web', channelId: 'chn_web', multiplierPercent: 200 })
    expect(pointsForOrder(order(), defaultSettings, [web], null).points).toBe(150)
    const earned = pointsForOrder(order({ channelId: 'chn_web' }), defaultSettings, [web], null)
    expect(earned.points).toBe(300)
    expect(earned.contributions[1]).toEqual({ source: web.id, label: 'Web ×2', points: 150 })
  })

  it('a category bonus counts the lines of that category only', () => {
    const shoes = rule({ kind: 'points_per_euro', name: 'Chaussures', category: 'shoes', pointsPerEuro: 1 })
    const earned = pointsForOrder(
      order({
        lines: [
          { lineNo: 1, category: 'shoes', netCents: 8_000 },
          { lineNo: 2, category: 'kitchen', netCents: 2_000 },
        ],
      }),
      defaultSettings,
      [shoes],
      null,
    )
    expect(earned.points).toBe(100 + 80)
    expect(earned.contributions[1]).toMatchObject({
      label: 'Chaussures +1 pt/€ on 80.00 € of shoes',
      points: 80,
    })
  })

  it('a campaign applies from its start (included) to its end (excluded), on the day of purchase', () => {
    const weekend = rule({
      kind: 'multiplier',
      multiplierPercent: 200,
      startsAt: new Date('2026-06-13T00:00:00Z'),
      endsAt: new Date('2026-06-15T00:00:00Z'),
    })
    const at = (iso: string) =>
      pointsForOrder(order({ purchasedAt: new Date(iso) }), defaultSettings, [weekend], null).points
    expect(at('2026-06-12T23:59:59Z')).toBe(150)
    expect(at('2026-06-13T00:00:00Z')).toBe(300)
    expect(at('2026-06-14T23:59:59Z')).toBe(300)
    expect(at('2026-06-15T00:00:00Z')).toBe(150)
  })

  it('rules add up on the base and do not compound: web ×2 and a ×2 weekend make ×3', () => {
    const rules = [
      rule({ kind: 'multiplier', channelId: 'chn_web', multiplierPercent: 200 }),
      rule({ kind: 'multiplier', multiplierPercent: 200 }),
    ]
    expect(pointsForOrder(order({ channelId: 'chn_web' }), defaultSettings, rules, null).points).toBe(450)
  })

  it('an order bonus from a threshold, counted on what was not paid with points', () => {
    const bonus = rule({ kind: 'order_bonus', name: 'Panier 100 €', bonusPoints: 200, minOrderCents: 10_000 })
    expect(pointsForOrder(order(), defaultSettings, [bonus], null).points).toBe(150 + 200)
    // 60 € of the 150 € paid with points: 90 € earn, under the threshold.
    expect(pointsForOrder(order({ paidWithPointsCents: 6_000 }), defaultSettings, [bonus], null).points).toBe(
      90,
    )
  })

  it('a retired rule gives nothing', () => {
    const off = rule({ kind: 'multiplier', multiplierPercent: 300, active: false })
    expect(pointsForOrder(order(), defaultSettings, [off], null).points).toBe(150)
  })

  it('the tier multiplies the base points and is named in the explanation', () => {
    const earned = pointsForOrder(order(), defaultSettings, [], ladder[2]!)
    expect(earned.points).toBe(225)
    expect(earned.contributions[1]).toEqual({ source: 'tier:or', label: 'Or ×1.5', points: 75 })
  })

  it('the payment in points is spread over the lines before a category rule counts them', () => {
    const shoes = rule({ kind: 'points_per_euro', category: 'shoes', pointsPerEuro: 2 })
    const earned = pointsForOrder(
      order({
        lines: [
          { lineNo: 1, category: 'shoes', netCents: 10_000 },
          { lineNo: 2, category: 'kitchen', netCents: 10_000 },
        ],
        paidWithPointsCents: 5_000,
      }),
      defaultSettings,
      [shoes],
      null,
    )
    // 150 € earn, 75 € of them shoes.
    expect(earned.points).toBe(150 + 150)
  })

  it('a reduced rate on a channel never takes an order below zero', () => {
    const rules = [
      rule({ kind: 'multiplier', channelId: 'chn_partner', multiplierPercent: 0 }),
      rule({ kind: 'multiplier', channelId: 'chn_partner', multiplierPercent: 0 }),
    ]
    expect(pointsForOrder(order({ channelId: 'chn_partner' }), defaultSettings, rules, null).points).toBe(0)
  })

  it('whatever the rules, the points are the sum of the explanation, and nothing is earned on points', () => {
    const arbRule = fc.record({
      kind: fc.constantFrom<EarningRuleKind>('multiplier', 'points_per_euro', 'order_bonus'),
      value: fc.integer({ min: 0, max: 500 }),
      category: fc.constantFrom(null, 'shoes', 'kitchen'),
    })
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            category: fc.constantFrom('shoes', 'kitchen'),
            netCents: fc.integer({ min: 0, max: 50_000 }),
          }),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        fc.array(arbRule, { maxLength: 4 }),
        fc.integer({ min: 0, max: 300_000 }),
        (lines, specs, withPoints) => {
          const rules = specs.map((s) =>
            rule({
              kind: s.kind,
              category: s.category,
              multiplierPercent: s.kind === 'multiplier' ? s.value : null,
              pointsPerEuro: s.kind === 'points_per_euro' ? s.value : null,
              bonusPoints: s.kind === 'order_bonus' ? s.value : null,
            }),
          )
          const total = lines.reduce((t, l) => t + l.netCents, 0)
          const paidWithPoints = Math.min(withPoints, total)
          const earned = pointsForOrder(
            order({
              lines: lines.map((l, i) => ({ lineNo: i + 1, ...l })),
              paidWithPointsCents: paidWithPoints,
            }),
            defaultSettings,
            rules,
            null,
          )
          expect(earned.eligibleCents).toBe(total - paidWithPoints)
          expect(earned.points).toBe(
            Math.max(
              0,
              earned.contributions.reduce((t, c) => t + c.points, 0),
            ),
          )
          if (earned.eligibleCents === 0) expect(earned.points).toBe(0)
        },
      ),
    )
  })
})

describe('spreading a deduction over lines', () => {
  it('takes it off in proportion, to the cent, never below zero', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 8 }),
        fc.nat(1_000_000),
        (amounts, d) => {
          const total = amounts.reduce((t, a) => t + a, 0)
          const left = spreadDeduction(amounts, d)
          expect(left.reduce((t, a) => t + a, 0)).toBe(Math.max(0, total - d))
          left.forEach((a, i) => {
            expect(a).toBeGreaterThanOrEqual(0)
            expect(a).toBeLessThanOrEqual(amounts[i]!)
          })
        },
      ),
    )
  })
})

describe('tiers', () => {
  it('the highest threshold reached, and the next one up', () => {
    expect(tierFor(ladder, 0)).toMatchObject({ tier: { code: 'membre' }, next: { code: 'argent' } })
    expect(tierFor(ladder, 499).tier?.code).toBe('membre')
    expect(tierFor(ladder, 500)).toMatchObject({ tier: { code: 'argent' }, next: { code: 'or' } })
    expect(tierFor(ladder, 5000)).toMatchObject({ tier: { code: 'or' }, next: null })
    expect(tierFor([], 5000)).toEqual({ tier: null, next: null })
    expect(tierFor(ladder.slice(1), 10)).toMatchObject({ tier: null, next: { code: 'argent' } })
  })

  it('a ladder with a code or a threshold twice is refused, naming the tier', () => {
    const twice = [...ladder, { ...ladder[0]!, thresholdPoints: 9 }]
    expect(() => checkTiers(twice)).toThrow(expect.objectContaining({ details: { field: 'tiers/3/code' } }))
    const same = [...ladder, { ...ladder[1]!, code: 'bronze' }]
    expect(() => checkTiers(same)).toThrow(
      expect.objectContaining({ details: { field: 'tiers/3/threshold_points' } }),
    )
    expect(checkTiers([...ladder].reverse()).map((t) => t.code)).toEqual(['membre', 'argent', 'or'])
  })
})

describe('a rule says what it gives', () => {
  const base: RuleInput = {
    name: 'Web',
    kind: 'multiplier',
    channelId: null,
    category: null,
    startsAt: null,
    endsAt: null,
    multiplierPercent: 200,
    pointsPerEuro: null,
    bonusPoints: null,
    minOrderCents: 0,
    active: true,
  }
  const fieldOf = (r: RuleInput) => {
    try {
      checkRule(r)
      return null
    } catch (err) {
      expect(err).toBeInstanceOf(AppError)
      return (err as AppError).details?.field
    }
  }

  it('with the value its kind uses, and only that one', () => {
    expect(fieldOf(base)).toBeNull()
    expect(fieldOf({ ...base, multiplierPercent: null })).toBe('multiplier_percent')
    expect(fieldOf({ ...base, bonusPoints: 5 })).toBe('bonus_points')
    expect(fieldOf({ ...base, kind: 'order_bonus' })).toBe('bonus_points')
    expect(fieldOf({ ...base, minOrderCents: 100 })).toBe('min_order_cents')
    expect(fieldOf({ ...base, name: '  ' })).toBe('name')
  })

  it('ending after it starts', () => {
    const startsAt = new Date('2026-06-13T00:00:00Z')
    expect(fieldOf({ ...base, startsAt, endsAt: startsAt })).toBe('ends_at')
  })
})
