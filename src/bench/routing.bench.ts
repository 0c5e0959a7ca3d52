import { SingleBar } from 'cli-progress'
import {
  buildProblem,
  defaultCostModel,
  randomDestination,
  randomNetwork,
  randomOrderLines,
  routeDelivery,
  sampleParcelRates,
  seeded,
  solveExactly,
  weighed,
} from '../routing/index.ts'
import { summarise } from './stats.ts'

/**
 * The routing engine in-process: latency of routing a 5-line delivery over 1,000 locations, then
 * its cost gap against the exact MILP solver (HiGHS) on 500 random instances of the same network.
 */
export async function routingSection(
  opts: { latencyRounds?: number; instances?: number; feeInstances?: number } = {},
) {
  const rand = seeded(20261123)
  const { network, skus, stockOf } = randomNetwork(rand, { locations: 1000, skus: 2000 })
  const rounds = opts.latencyRounds ?? 5000
  const latencies: number[] = []
  for (let i = 0; i < rounds + 500; i++) {
    const lines = randomOrderLines(rand, skus, 5)
    const stock = stockOf(lines.map((l) => l.sku))
    const dest = randomDestination(rand)
    const t0 = performance.now()
    routeDelivery(lines, dest, network, stock, defaultCostModel)
    // The first 500 warm the JIT up; they are not counted.
    if (i >= 500) latencies.push(performance.now() - t0)
  }
  const instances = opts.instances ?? 500
  const bar = new SingleBar({ format: ' routing vs exact |{bar}| {value}/{total}', stream: process.stderr })
  bar.start(instances, 0)
  let gapSum = 0
  let gapMax = 0
  for (let i = 0; i < instances; i++) {
    const lines = randomOrderLines(rand, skus, 5)
    const stock = stockOf(lines.map((l) => l.sku))
    const dest = randomDestination(rand)
    const engine = routeDelivery(lines, dest, network, stock, defaultCostModel)
    const exact = await solveExactly(buildProblem(lines, dest, network, stock, defaultCostModel))
    const gap = exact === 0 ? 0 : (engine.objectiveCents - exact) / exact
    gapSum += gap
    gapMax = Math.max(gapMax, gap)
    bar.increment()
  }
  bar.stop()
  const s = summarise(latencies)
  return {
    routing_instances: instances,
    routing_p50_ms: s.p50_ms,
    routing_p99_ms: s.p99_ms,
    routing_mean_gap_pct: Math.round((gapSum / instances) * 10000) / 100,
    routing_max_gap_pct: Math.round(gapMax * 10000) / 100,
    ...(await withFees(rand, network, skus, stockOf, rounds, opts.feeInstances ?? 100)),
  }
}

/**
 * The same orders with delivery priced as the order path prices it once the catalogue knows
 * weights: every unit weighs 50 g–2 kg, each parcel pays the carrier's rate for its own weight in
 * the destination's zone (mainland, or a far zone for one order in five), so a split pays a rate per
 * parcel and a parcel just over a band can pay to be lightened. The gap is measured against HiGHS on
 * the program with the rate bands (one binary per site and band), fewer instances: it is the slow side.
 */
async function withFees(
  rand: () => number,
  network: ReturnType<typeof randomNetwork>['network'],
  skus: string[],
  stockOf: ReturnType<typeof randomNetwork>['stockOf'],
  rounds: number,
  instances: number,
) {
  const modelFor = () => ({
    ...defaultCostModel,
    parcelRates: rand() < 0.8 ? sampleParcelRates.mainland : sampleParcelRates.far,
  })
  const latencies: number[] = []
  for (let i = 0; i < rounds + 500; i++) {
    const lines = weighed(randomOrderLines(rand, skus, 5))
    const stock = stockOf(lines.map((l) => l.sku))
    const dest = randomDestination(rand)
    const model = modelFor()
    const t0 = performance.now()
    routeDelivery(lines, dest, network, stock, model)
    if (i >= 500) latencies.push(performance.now() - t0)
  }
  const bar = new SingleBar({
    format: ' routing with fees vs exact |{bar}| {value}/{total}',
    stream: process.stderr,
  })
  bar.start(instances, 0)
  let gapSum = 0
  let gapMax = 0
  let exactHits = 0
  for (let i = 0; i < instances; i++) {
    const lines = weighed(randomOrderLines(rand, skus, 5))
    const stock = stockOf(lines.map((l) => l.sku))
    const dest = randomDestination(rand)
    const model = modelFor()
    const engine = routeDelivery(lines, dest, network, stock, model)
    const exact = await solveExactly(buildProblem(lines, dest, network, stock, model))
    const gap = exact === 0 ? 0 : (engine.objectiveCents - exact) / exact
    if (engine.objectiveCents === exact) exactHits++
    gapSum += gap
    gapMax = Math.max(gapMax, gap)
    bar.increment()
  }
  bar.stop()
  const s = summarise(latencies)
  return {
    routing_fees_instances: instances,
    routing_fees_optimal_instances: exactHits,
    routing_fees_p50_ms: s.p50_ms,
    routing_fees_p99_ms: s.p99_ms,
    routing_fees_mean_gap_pct: Math.round((gapSum / instances) * 10000) / 100,
    routing_fees_max_gap_pct: Math.round(gapMax * 10000) / 100,
  }
}
