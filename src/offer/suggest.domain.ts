import { type CoherencePolicy, competitorCap, floorCents, type PricedSku } from './coherence.domain.ts'

/**
 * Suggested prices for one SKU as a mixed-integer program, pure: the program text (CPLEX LP format)
 * and the reading of its solution. Variables are per price list, since channels sharing a list share
 * its price. For list l with target t_l (its current price):
 *
 *   p_l = 100·n_l + Σ_e e·b_l,e,  Σ_e b_l,e = 1         price points (n integer, b binary)
 *   floor_l ≤ p_l ≤ cap_l                              floor; competitor threshold
 *   lo ≤ p_l ≤ hi,  hi − lo ≤ abs,  hi ≤ (1 + pct)·lo  spread between any two channels
 *   p_a ≤ p_b                                          direction pairs
 *   minimise Σ_l d_l,  d_l ≥ p_l − t_l,  d_l ≥ t_l − p_l
 *
 * The optimum is the price set closest to today's prices (in total cents moved) that breaks no rule;
 * the competitor cap makes "lowered toward the competitor" part of the constraints, not a guess.
 */

export interface ListVariable {
  priceListId: string
  channels: string[]
  currentCents: number
  floorCents: number | null
  capCents: number | null
}

export interface SuggestionProgram {
  lists: ListVariable[]
  /** Direction pairs between lists (indexes): the first may never be dearer than the second. */
  directions: Array<[number, number]>
  /** No optimum sets a price above this (see below). */
  maxCents: number
  /** Set when bounds alone already contradict each other: no need to run the solver. */
  impossible: string | null
  lp: string
}

export function suggestionProgram(policy: CoherencePolicy, item: PricedSku): SuggestionProgram {
  const lists: ListVariable[] = []
  const index = new Map<string, number>()
  const floor = floorCents(policy, item.costCents)
  const lows = new Map(item.competitors.map((c) => [c.channelId, c]))
  const listOfChannel = new Map<string, number>()
  for (const p of item.prices) {
    let i = index.get(p.priceListId)
    if (i === undefined) {
      i = lists.length
      index.set(p.priceListId, i)
      lists.push({
        priceListId: p.priceListId,
        channels: [],
        currentCents: p.cents,
        floorCents: floor,
        capCents: null,
      })
    }
    const l = lists[i]!
    l.channels.push(p.channelCode)
    listOfChannel.set(p.channelId, i)
    const cap = competitorCap(policy, lows.get(p.channelId))
    if (cap !== null) l.capCents = l.capCents === null ? cap : Math.min(l.capCents, cap)
  }
  let impossible: string | null = null
  for (const l of lists) {
    const hi = l.capCents ?? Number.POSITIVE_INFINITY
    const lo = l.floorCents ?? 0
    if (lo > hi) {
      impossible = `the floor of ${l.floorCents} cents is above the ${l.capCents} cents the competitor threshold allows in ${l.channels.join(', ')}`
      break
    }
  }

  // No optimum sets a price above M, the first allowed price at or above both today's highest price
  // and the floor: lowering every price above M to M keeps every rule and moves prices less. Bounding
  // the variables by it keeps the branch-and-bound small.
  const top = Math.max(floor ?? 0, ...lists.map((l) => l.currentCents))
  const max = nextAllowed(policy.priceEndings, top)

  const obj: string[] = []
  const rows: string[] = []
  const bounds: string[] = []
  const ints: string[] = []
  const bins: string[] = []
  const endings = policy.priceEndings
  const spread = policy.maxSpreadBp !== null || policy.maxSpreadCents !== null
  lists.forEach((l, i) => {
    const p = `p${i}`
    obj.push(`+ d${i}`)
    rows.push(`da${i}: d${i} - ${p} >= ${-l.currentCents}`, `db${i}: d${i} + ${p} >= ${l.currentCents}`)
    const upper = Math.min(max, l.capCents ?? max)
    bounds.push(`${l.floorCents ?? 0} <= ${p} <= ${upper}`)
    if (endings) {
      const terms = endings.map((e, k) => (e === 0 ? '' : ` - ${e} b${i}_${k}`)).join('')
      rows.push(
        `pp${i}: ${p} - 100 n${i}${terms} = 0`,
        `pb${i}: ${endings.map((_, k) => `b${i}_${k}`).join(' + ')} = 1`,
      )
      bounds.push(
        `${Math.max(0, Math.floor(((l.floorCents ?? 0) - 99) / 100))} <= n${i} <= ${Math.floor(upper / 100)}`,
      )
      ints.push(`n${i}`)
      bins.push(...endings.map((_, k) => `b${i}_${k}`))
    } else {
      ints.push(p)
    }
    if (spread) rows.push(`lo${i}: ${p} - lo >= 0`, `hi${i}: hi - ${p} >= 0`)
  })
  if (spread) bounds.push(`0 <= lo <= ${max}`, `0 <= hi <= ${max}`)
  if (policy.maxSpreadCents !== null) rows.push(`sa: hi - lo <= ${policy.maxSpreadCents}`)
  if (policy.maxSpreadBp !== null) rows.push(`sp: 10000 hi - ${10_000 + policy.maxSpreadBp} lo <= 0`)
  const directions: Array<[number, number]> = []
  policy.direction.forEach((d, k) => {
    const a = listOfChannel.get(d.cheaper)
    const b = listOfChannel.get(d.dearer)
    if (a !== undefined && b !== undefined && a !== b) {
      rows.push(`dir${k}: p${a} - p${b} <= 0`)
      directions.push([a, b])
    }
  })
  const lp = [
    'Minimize',
    ` obj: ${obj.join(' ')}`,
    'Subject To',
    ...rows.map((r) => ` ${r}`),
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    ...(ints.length ? ['General', ` ${ints.join(' ')}`] : []),
    ...(bins.length ? ['Binary', ` ${bins.join(' ')}`] : []),
    'End',
  ].join('\n')
  return { lists, directions, maxCents: max, impossible, lp }
}

/** The smallest price at or above `cents` that ends on an allowed price point. */
export function nextAllowed(endings: number[] | null, cents: number): number {
  if (!endings) return cents
  const base = Math.floor(cents / 100) * 100
  const here = endings.filter((e) => base + e >= cents)
  return here.length > 0 ? base + Math.min(...here) : base + 100 + Math.min(...endings)
}

/** The whole-cent price of each list from the solver's column values. */
export function readSolution(
  program: SuggestionProgram,
  policy: CoherencePolicy,
  value: (column: string) => number,
): number[] {
  return program.lists.map((_, i) => {
    if (!policy.priceEndings) return Math.round(value(`p${i}`))
    const n = Math.round(value(`n${i}`))
    const k = policy.priceEndings.findIndex((_, j) => Math.round(value(`b${i}_${j}`)) === 1)
    return 100 * n + (policy.priceEndings[k] ?? 0)
  })
}
