// The face of src/supply: what other folders may use. Nothing outside src/supply imports its other files.

export { purchasingRoutes } from './purchasing.routes.ts'
export { createPurchaseOrderIn, createSupplierIn, receivePurchaseIn } from './purchasing.service.ts'
export { replenishmentRoutes } from './replenishment.routes.ts'
export {
  approveProposalIn,
  putPoliciesIn,
  runReplenishment,
  runReplenishmentIn,
} from './replenishment.service.ts'
export { supplyErrors } from './supply.errors.ts'
export { supplyJobs } from './supply.jobs.ts'
