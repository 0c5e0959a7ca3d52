// The face of src/analytics: what other folders may use. Nothing outside src/analytics imports its other files.

export { analyticsConsumers, customerStatistics, salesRefresh } from './analytics.consumers.ts'
export { analyticsErrors } from './analytics.errors.ts'
export { analyticsRoutes } from './analytics.routes.ts'
export { customerActivity, serviceLaunches } from './analytics.schema.ts'
export { cannibalisation, customerView, migration, sales } from './analytics.service.ts'
export { rebuildAnalytics } from './refresh.store.ts'
