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
 * With parcels priced by weight (`problem.parcel`), z_l,b = 1 if site l's parcel falls in rate band b:
 *   + Σ (rate_b − lowest rate)·z_l,b  (the lowest rate is already in fixed_l)
 *   Σ_b z_l,b = y_l;  lo_b·z ≤ Σ_s grams_s·x_l,s ≤ up_b·z summed over b (weights in whole grams).
 * The program knows one parcel per site, up to the last band: the engine's extra parcels for heavier
 * goods are outside it (the benchmark's orders stay under the last band).
 */
export async function solveExactly(
  problem: Pick<RoutingProblem, 'sites' | 'need' | 'parcel'>,
): Promise<number> {
  if (problem.need.size === 0) return 0
  highs ??= highsLoader()
  const solver = await highs
  const obj: string[] = []
  const rows: string[] = []
  const bounds: string[] = []
  const ints: string[] = []
  const bins: string[] = []
  const bySku = new Map<string, string[]>()
  const parcel = problem.parcel
  problem.sites.forEach((site, l) => {
    obj.push(`+ ${site.fixed} y${l}`)
    bins.push(`y${l}`)
    let k = 0
    const grams: string[] = []
    for (const [sku, cap] of site.cap) {
      if (!problem.need.has(sku)) continue
      const x = `x${l}_${k++}`
      obj.push(`+ ${site.unit} ${x}`)
      rows.push(`c_${x}: ${x} - ${cap} y${l} <= 0`)
      bounds.push(`0 <= ${x} <= ${cap}`)
      ints.push(x)
      bySku.set(sku, [...(bySku.get(sku) ?? []), x])
      const w = parcel?.weightOf.get(sku) ?? 0
      if (w > 0) grams.push(`+ ${w} ${x}`)
    }
    if (!parcel) return
    const z = parcel.rates.map((_, b) => `z${l}_${b}`)
    parcel.rates.forEach((rate, b) => {
      if (rate.costCents !== parcel.base) obj.push(`+ ${rate.costCents - parcel.base} ${z[b]}`)
      bins.push(z[b]!)
    })
    rows.push(`b_${l}: ${z.join(' + ')} - y${l} = 0`)
    const upper = parcel.rates.map((r, b) => `- ${r.upToG} ${z[b]}`)
    // A band holds parcels heavier than the previous band's limit: from one gram more, in whole grams.
    const lower = parcel.rates.map((_, b) => `- ${b === 0 ? 0 : parcel.rates[b - 1]!.upToG + 1} ${z[b]}`)
    rows.push(`wu_${l}: ${[...grams, ...upper].join(' ')} <= 0`)
    rows.push(`wl_${l}: ${[...grams, ...lower].join(' ')} >= 0`)
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
