import fc from 'fast-check'
import { expect, describe as group, it } from 'vitest'
import { propertyRuns } from '../testing/property-runs.ts'
import { type CoherencePolicy, checkPrices, describe, type PricedSku } from './coherence.domain.ts'
import { suggestPrices, suggestWithHighs } from './suggest.solver.ts'

const none: CoherencePolicy = {
  category: 'kitchen',
  maxSpreadBp: null,
  maxSpreadCents: null,
  direction: [],
  minMarginBp: null,
  priceEndings: null,
  competitorMaxAboveBp: null,
  competitorWindowDays: 30,
}
const at = new Date('2025-03-01T10:00:00Z')

function sku(prices: Record<string, number>, extra: Partial<PricedSku> = {}): PricedSku {
  return {
    sku: 'SKU',
    costCents: null,
    prices: Object.entries(prices).map(([c, cents]) => ({
      channelId: c,
      channelCode: c,
      priceListId: `list-${c}`,
      cents,
    })),
    competitors: [],
    ...extra,
  }
}

group('coherence rules', () => {
  it('a spread over the percentage names the lowest and highest channels and the numbers', () => {
    const v = checkPrices({ ...none, maxSpreadBp: 1000 }, sku({ WEB: 10_000, STORES: 11_500, APP: 10_500 }))
    expect(v).toEqual([
      {
        rule: 'spread_pct',
        lowest: { channel: 'WEB', cents: 10_000 },
        highest: { channel: 'STORES', cents: 11_500 },
        spread_pct: 15,
        max_spread_pct: 10,
      },
    ])
    expect(describe(v[0]!)).toBe('STORES at 115.00 € is 15 % above WEB at 100.00 €; at most 10 % allowed')
    expect(checkPrices({ ...none, maxSpreadBp: 1500 }, sku({ WEB: 10_000, STORES: 11_500 }))).toEqual([])
  })

  it('percentage and absolute spreads must both hold when both are set', () => {
    const policy = { ...none, maxSpreadBp: 1000, maxSpreadCents: 500 }
    expect(checkPrices(policy, sku({ WEB: 10_000, STORES: 10_800 })).map((v) => v.rule)).toEqual([
      'spread_cents',
    ])
    expect(checkPrices(policy, sku({ WEB: 1_000, STORES: 1_200 })).map((v) => v.rule)).toEqual(['spread_pct'])
    expect(checkPrices(policy, sku({ WEB: 10_000, STORES: 10_500 }))).toEqual([])
  })

  it('web may be cheaper than the store, never dearer', () => {
    const policy = { ...none, direction: [{ cheaper: 'WEB', dearer: 'STORES' }] }
    expect(checkPrices(policy, sku({ WEB: 1999, STORES: 2499 }))).toEqual([])
    expect(checkPrices(policy, sku({ WEB: 2499, STORES: 2499 }))).toEqual([])
    expect(checkPrices(policy, sku({ WEB: 2599, STORES: 2499 }))).toEqual([
      {
        rule: 'direction',
        cheaper: { channel: 'WEB', cents: 2599 },
        dearer: { channel: 'STORES', cents: 2499 },
      },
    ])
  })

  it('the floor is the cost plus the minimum margin, rounded up to the cent', () => {
    const policy = { ...none, minMarginBp: 2500 }
    const v = checkPrices(policy, sku({ WEB: 1249, STORES: 1250 }, { costCents: 1000 }))
    expect(v).toEqual([
      { rule: 'floor', channel: 'WEB', cents: 1249, floor_cents: 1250, cost_cents: 1000, min_margin_pct: 25 },
    ])
    expect(checkPrices(policy, sku({ WEB: 1 }))).toEqual([])
  })

  it('prices must end on an allowed price point', () => {
    const policy = { ...none, priceEndings: [99, 95, 0] }
    expect(checkPrices(policy, sku({ WEB: 1999, STORES: 2000, APP: 1995 }))).toEqual([])
    expect(checkPrices(policy, sku({ WEB: 1998 }))).toEqual([
      { rule: 'price_point', channel: 'WEB', cents: 1998, allowed_endings: [99, 95, 0] },
    ])
  })

  it('a channel may sit at most the threshold above the cheapest competitor seen there', () => {
    const policy = { ...none, competitorMaxAboveBp: 500 }
    const competitors = [{ channelId: 'WEB', competitor: 'Rival', cents: 2000, observedAt: at }]
    expect(checkPrices(policy, sku({ WEB: 2100, STORES: 2600 }, { competitors }))).toEqual([])
    expect(checkPrices(policy, sku({ WEB: 2101 }, { competitors }))).toEqual([
      {
        rule: 'competitor',
        channel: 'WEB',
        cents: 2101,
        competitor: 'Rival',
        competitor_cents: 2000,
        observed_at: at.toISOString(),
        max_cents: 2100,
        max_above_pct: 5,
      },
    ])
  })
})

group('suggested prices', () => {
  it('a web price too far below the store is brought closer on a price point, moving as little as possible', async () => {
    const policy = { ...none, maxSpreadBp: 1000, priceEndings: [99, 0] }
    const s = await suggestPrices(policy, sku({ WEB: 7999, STORES: 9999 }))
    expect(s.feasible).toBe(true)
    if (!s.feasible) return
    const [web, store] = s.prices.map((p) => p.toCents)
    expect(store! * 10_000).toBeLessThanOrEqual(web! * 11_000)
    expect(s.totalChangeCents).toBe(1100)
    expect(checkPrices(policy, sku({ WEB: web!, STORES: store! }))).toEqual([])
  })

  it('a floor above what the competitor threshold allows has no solution, and says why', async () => {
    const policy = { ...none, minMarginBp: 5000, competitorMaxAboveBp: 0 }
    const competitors = [{ channelId: 'WEB', competitor: 'Rival', cents: 1000, observedAt: at }]
    const s = await suggestPrices(policy, sku({ WEB: 1600, STORES: 1600 }, { costCents: 800, competitors }))
    expect(s).toEqual({
      feasible: false,
      reason:
        'no price set satisfies this policy: the floor of 1200 cents is above the 1000 cents the competitor threshold allows in WEB',
    })
  })

  it('a floor the spread and direction cannot reach has no solution either', async () => {
    const policy = {
      ...none,
      minMarginBp: 0,
      maxSpreadCents: 0,
      competitorMaxAboveBp: 0,
      direction: [{ cheaper: 'WEB', dearer: 'STORES' }],
    }
    const competitors = [{ channelId: 'STORES', competitor: 'Rival', cents: 1000, observedAt: at }]
    const s = await suggestPrices(policy, sku({ WEB: 1000, STORES: 1500 }, { costCents: 1001, competitors }))
    expect(s.feasible).toBe(false)
  })
})

// Small ranges so the brute force stays quick: 1–3 price lists, prices up to a few euros.
const channels = ['A', 'B', 'C']
const arbCase = fc
  .record({
    n: fc.integer({ min: 1, max: 3 }),
    prices: fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 3, maxLength: 3 }),
    spreadBp: fc.option(fc.integer({ min: 0, max: 3000 })),
    spreadCents: fc.option(fc.integer({ min: 0, max: 150 })),
    direction: fc.subarray([
      [0, 1],
      [1, 0],
      [1, 2],
      [2, 0],
    ]),
    marginBp: fc.option(fc.integer({ min: 0, max: 5000 })),
    cost: fc.option(fc.integer({ min: 1, max: 250 })),
    endings: fc.option(fc.subarray([0, 50, 95, 99], { minLength: 1 })),
    aboveBp: fc.option(fc.integer({ min: 0, max: 2000 })),
    competitor: fc.array(fc.option(fc.integer({ min: 1, max: 400 })), { minLength: 3, maxLength: 3 }),
  })
  .map((c) => {
    const used = channels.slice(0, c.n)
    const policy: CoherencePolicy = {
      ...none,
      maxSpreadBp: c.spreadBp,
      maxSpreadCents: c.spreadCents,
      direction: c.direction
        .filter(([a, b]) => a! < c.n && b! < c.n)
        .map(([a, b]) => ({ cheaper: channels[a!]!, dearer: channels[b!]! })),
      minMarginBp: c.marginBp,
      priceEndings: c.endings,
      competitorMaxAboveBp: c.aboveBp,
    }
    const item = sku(Object.fromEntries(used.map((ch, i) => [ch, c.prices[i]!])), {
      costCents: c.cost,
      competitors: used.flatMap((ch, i) =>
        c.competitor[i]
          ? [{ channelId: ch, competitor: 'Rival', cents: c.competitor[i]!, observedAt: at }]
          : [],
      ),
    })
    return { policy, item }
  })

/** Every price set over [0, 700] (on the allowed price points), smallest total change first found. */
function bruteForce(policy: CoherencePolicy, item: PricedSku): number | null {
  const values = Array.from({ length: 701 }, (_, i) => i).filter(
    (v) => !policy.priceEndings || policy.priceEndings.includes(v % 100),
  )
  const single = (i: number, v: number) =>
    checkPrices(policy, { ...item, prices: [{ ...item.prices[i]!, cents: v }] }).length === 0
  const domains = item.prices.map((_, i) => values.filter((v) => single(i, v)))
  // Pairwise rules as plain arithmetic: a price set keeps the spread exactly when every pair does.
  const pairOk = (i: number, vi: number, j: number, vj: number) => {
    const lo = Math.min(vi, vj)
    const hi = Math.max(vi, vj)
    if (policy.maxSpreadBp !== null && hi * 10_000 > lo * (10_000 + policy.maxSpreadBp)) return false
    if (policy.maxSpreadCents !== null && hi - lo > policy.maxSpreadCents) return false
    const [ci, cj] = [item.prices[i]!.channelId, item.prices[j]!.channelId]
    return policy.direction.every(
      (d) =>
        !(
          (d.cheaper === ci && d.dearer === cj && vi > vj) ||
          (d.cheaper === cj && d.dearer === ci && vj > vi)
        ),
    )
  }
  let best: number | null = null
  const chosen: number[] = []
  const walk = (i: number, cost: number) => {
    if (best !== null && cost >= best) return
    if (i === domains.length) {
      best = cost
      return
    }
    for (const v of domains[i]!) {
      if (chosen.every((w, j) => pairOk(j, w, i, v))) {
        chosen.push(v)
        walk(i + 1, cost + Math.abs(v - item.prices[i]!.cents))
        chosen.pop()
      }
    }
  }
  walk(0, 0)
  return best
}

group('suggestions, for random price sets and policies', () => {
  it('satisfy every rule and move prices as little as any solution does; when none is found, none exists', async () => {
    await fc.assert(
      fc.asyncProperty(arbCase, async ({ policy, item }) => {
        const s = await suggestPrices(policy, item)
        const small = policy.priceEndings !== null || item.prices.length < 3
        if (s.feasible) {
          const byList = new Map(s.prices.map((p) => [p.priceListId, p.toCents]))
          const after = {
            ...item,
            prices: item.prices.map((p) => ({ ...p, cents: byList.get(p.priceListId)! })),
          }
          expect(checkPrices(policy, after)).toEqual([])
          if (small && s.prices.every((p) => p.toCents <= 700)) {
            expect(s.totalChangeCents).toBe(bruteForce(policy, item))
          }
        } else {
          expect(s.reason).toMatch(/^no price set satisfies this policy/)
          expect(bruteForce(policy, item)).toBeNull()
        }
      }),
      { numRuns: propertyRuns(120) },
    )
  })
})

group('the price-point walk against the MILP solver', () => {
  it('finds a solution whenever the solver does, never a worse one, and none when it finds none', async () => {
    const wide = arbCase.map(({ policy, item }) => ({
      policy: {
        ...policy,
        maxSpreadCents: policy.maxSpreadCents === null ? null : policy.maxSpreadCents * 7,
      },
      item: {
        ...item,
        costCents: item.costCents === null ? null : item.costCents * 7,
        prices: item.prices.map((p) => ({ ...p, cents: p.cents * 7 })),
        competitors: item.competitors.map((c) => ({ ...c, cents: c.cents * 7 })),
      },
    }))
    await fc.assert(
      fc.asyncProperty(wide, async ({ policy, item }) => {
        const [walked, solved] = await Promise.all([
          suggestPrices(policy, item),
          suggestWithHighs(policy, item),
        ])
        expect(walked.feasible).toBe(solved.feasible)
        // Never worse than the solver; the brute force above checks it is the optimum. (The solver
        // itself is sometimes off: e.g. one list at 13.02 € capped at 12.95 € with .00/.95 endings,
        // it answered 12.00 €.)
        if (walked.feasible && solved.feasible) {
          expect(walked.totalChangeCents).toBeLessThanOrEqual(solved.totalChangeCents)
        }
      }),
      { numRuns: propertyRuns(200) },
    )
  })
})
