// The face of src/routing: what other folders may use. Nothing outside src/routing imports its other files.

export { costModelFor } from './channel-model.domain.ts'
export { type CostModel, defaultCostModel, type ParcelRate, parcelCost } from './cost-model.domain.ts'
export { solveExactly } from './exact-solver.ts'
export {
  randomDestination,
  randomNetwork,
  randomOrderLines,
  sampleParcelRates,
  seeded,
  weighed,
} from './random-network.ts'
export {
  buildProblem,
  type RoutingCandidate,
  type RoutingLine,
  routeDelivery,
  type StockRow,
} from './routing.domain.ts'
