export { analyticsErrors } from './analytics.errors.ts'
