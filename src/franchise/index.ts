// The face of src/franchise: what other folders may use. Nothing outside src/franchise imports its other files.

export { accrueFromOrders } from './accrual.consumer.ts'
export type { Catchment } from './attribution.domain.ts'
export type { PlannedEntry } from './commission.domain.ts'
export {
  assignStore,
  assignStoreIn,
  createFranchisee,
  createPlan,
  franchiseeRefs,
  putPolicy,
  putPolicyIn,
} from './contracts.service.ts'
export { franchiseErrors } from './franchise.errors.ts'
export { franchiseRoutes } from './franchise.routes.ts'
export { commissionEntries, franchiseAttributions, franchisees, storePrices } from './franchise.schema.ts'
export {
  accrualFor,
  networkStores,
  orderFacts,
  reversalsFor,
  reverseCommission,
  toPlacedOrder,
} from './franchise.service.ts'
export { readConfig } from './franchise.store.ts'
export { closeStatement } from './statements.service.ts'
export { storePricesRoutes } from './store-prices.routes.ts'
export { countStorePrices, observedStorePrices } from './store-prices.service.ts'
