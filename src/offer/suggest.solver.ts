import { createRequire } from 'node:module'
import type { Highs } from 'highs'
import { bandSearch } from './band-search.domain.ts'
import { type CoherencePolicy, checkPrices, describe, type PricedSku } from './coherence.domain.ts'
import { readSolution, type SuggestionProgram, suggestionProgram } from './suggest.domain.ts'

// HiGHS ships as CommonJS whose types declare an ES default export; require() gives the loader itself.
const highsLoader = createRequire(import.meta.url)('highs') as () => Promise<Highs>
let highs: Promise<Highs> | undefined

export interface SuggestedPrice {
  priceListId: string
  channels: string[]
  fromCents: number
  toCents: number
}

export type Suggestion =
  | { feasible: true; prices: SuggestedPrice[]; totalChangeCents: number }
  | { feasible: false; reason: string }

export const NO_SOLUTION = 'no price set satisfies this policy'

/**
 * The prices closest to today's that satisfy every rule of the policy (see suggest.domain.ts), or
 * why none exists. The answer is checked against the policy once more before it is returned.
 */
export async function suggestPrices(policy: CoherencePolicy, item: PricedSku): Promise<Suggestion> {
  const program = suggestionProgram(policy, item)
  if (program.lists.length === 0) return { feasible: true, prices: [], totalChangeCents: 0 }
  if (program.impossible) return { feasible: false, reason: `${NO_SOLUTION}: ${program.impossible}` }
  // The walk of band-search.domain.ts answers the usual policies exactly in microseconds; HiGHS
  // takes what it cannot walk (no price points over a very wide range).
  const walked = bandSearch(
    program.lists,
    program.directions,
    { maxBp: policy.maxSpreadBp, maxCents: policy.maxSpreadCents },
    policy.priceEndings,
    program.maxCents,
  )
  if (walked.kind === 'none') return infeasible()
  if (walked.kind === 'prices') return checked(policy, item, program, walked.cents, 'search')
  return suggestWithHighs(policy, item)
}

const infeasible = (): Suggestion => ({
  feasible: false,
  reason: `${NO_SOLUTION}: its spread, direction, floor, competitor and price-point rules cannot all hold`,
})

/** The same answer from the MILP solver (and the reference the walk is tested against). */
export async function suggestWithHighs(policy: CoherencePolicy, item: PricedSku): Promise<Suggestion> {
  const program = suggestionProgram(policy, item)
  if (program.lists.length === 0) return { feasible: true, prices: [], totalChangeCents: 0 }
  if (program.impossible) return { feasible: false, reason: `${NO_SOLUTION}: ${program.impossible}` }
  highs ??= highsLoader()
  const solver = await highs
  // Symmetry detection and primal heuristics cost more than they save on programs this small (measured).
  const solution = solver.solve(program.lp, {
    mip_rel_gap: 0,
    output_flag: false,
    mip_detect_symmetry: false,
    mip_heuristic_effort: 0,
  })
  if (solution.Status === 'Infeasible') return infeasible()
  if (solution.Status !== 'Optimal') throw new Error(`HiGHS: ${solution.Status} for ${item.sku}`)
  const columns = solution.Columns as Record<string, { Primal: number }>
  const cents = readSolution(program, policy, (name) => columns[name]?.Primal ?? 0)
  return checked(policy, item, program, cents, 'HiGHS')
}

/** The suggestion, checked against the policy once more before it is returned. */
function checked(
  policy: CoherencePolicy,
  item: PricedSku,
  program: SuggestionProgram,
  cents: number[],
  by: string,
): Suggestion {
  const byList = new Map(program.lists.map((l, i) => [l.priceListId, cents[i]!]))
  const after = checkPrices(policy, {
    ...item,
    prices: item.prices.map((p) => ({ ...p, cents: byList.get(p.priceListId)! })),
  })
  if (after.length > 0) {
    throw new Error(`${by} suggestion for ${item.sku} still breaks: ${after.map(describe).join('; ')}`)
  }
  const prices = program.lists.map((l, i) => ({
    priceListId: l.priceListId,
    channels: l.channels,
    fromCents: l.currentCents,
    toCents: cents[i]!,
  }))
  return {
    feasible: true,
    prices,
    totalChangeCents: prices.reduce((s, p) => s + Math.abs(p.toCents - p.fromCents), 0),
  }
}
