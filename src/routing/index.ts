// The face of src/routing: what other folders may use. Nothing outside src/routing imports its other files.

export { costModelFor } from './channel-model.domain.ts'
export { type CostModel, defaultCostModel } from './cost-model.domain.ts'
export { solveExactly } from './exact-solver.ts'
export { randomDestination, randomNetwork, randomOrderLines, seeded } from './random-network.ts'
export { buildProblem, type RoutingCandidate, routeDelivery, type StockRow } from './routing.domain.ts'
