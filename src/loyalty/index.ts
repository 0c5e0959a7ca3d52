// The face of src/loyalty: what other folders may use. Nothing outside src/loyalty imports its other files.

export { earnOnCompletion } from './earning.consumer.ts'
export { programme } from './loyalty.domain.ts'
export { loyaltyErrors } from './loyalty.errors.ts'
export { loyaltyJobs } from './loyalty.jobs.ts'
export { loyaltyRoutes } from './loyalty.routes.ts'
export {
  burnPoints,
  creditPoints,
  earnForOrder,
  loyaltyPoints,
  loyaltySummary,
  tierCodeOf,
} from './loyalty.service.ts'
export { programmeRoutes } from './programme.routes.ts'
export { createRuleIn, replaceTiersIn } from './programme.service.ts'
export { reversePointsForReturn } from './reversal.service.ts'
export { rewardsRoutes } from './rewards.routes.ts'
export { createRewardIn } from './rewards.service.ts'
