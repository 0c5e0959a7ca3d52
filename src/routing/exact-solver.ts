import { createRequire } from 'node:module'
import type { Highs } from 'highs'
import type { RoutingProblem } from './routing.domain.ts'

// HiGHS ships as CommonJS whose types declare an ES default export; require() gives the loader itself.
const highsLoader = createRequire(import.meta.url)('highs') as () => Promise<Highs>
let highs: Promise<Highs> | undefined

/**
 * The same allocation problem as a mixed-integer program, solved by HiGHS: the reference the routing
 * engine is measured against (tests and benchmark). y_l = 1 if site l ships; x_l,s units of SKU s from l.
 *   minimise Σ fixed_l·y_l + Σ unit_l·x_l,s
 *   subject to Σ_l x_l,s = need_s;  x_l,s ≤ cap_l,s·y_l;  y binary, x integer.
 */
export async function solveExactly(problem: Pick<RoutingProblem, 'sites' | 'need'>): Promise<number> {
  if (problem.need.size === 0) return 0
  highs ??= highsLoader()
  const solver = await highs
  const obj: string[] = []
  const rows: string[] = []
  const bounds: string[] = []
  const ints: string[] = []
  const bins: string[] = []
  const bySku = new Map<string, string[]>()
  problem.sites.forEach((site, l) => {
    obj.push(`+ ${site.fixed} y${l}`)
    bins.push(`y${l}`)
    let k = 0
    for (const [sku, cap] of site.cap) {
      if (!problem.need.has(sku)) continue
      const x = `x${l}_${k++}`
      obj.push(`+ ${site.unit} ${x}`)
      rows.push(`c_${x}: ${x} - ${cap} y${l} <= 0`)
      bounds.push(`0 <= ${x} <= ${cap}`)
      ints.push(x)
      bySku.set(sku, [...(bySku.get(sku) ?? []), x])
    }
  })
  let n = 0
  for (const [sku, units] of problem.need) {
    rows.push(`d${n++}: ${(bySku.get(sku) ?? []).join(' + ')} = ${units}`)
  }
  const lp = [
    'Minimize',
    ` obj: ${obj.join(' ')}`,
    'Subject To',
    ...rows.map((r) => ` ${r}`),
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    'General',
    ` ${ints.join(' ')}`,
    'Binary',
    ` ${bins.join(' ')}`,
    'End',
  ].join('\n')
  const solution = solver.solve(lp, { mip_rel_gap: 0 })
  if (solution.Status !== 'Optimal') throw new Error(`HiGHS: ${solution.Status}`)
  return Math.round(solution.ObjectiveValue)
}
