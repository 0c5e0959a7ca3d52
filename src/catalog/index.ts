export { catalogErrors } from './catalog.errors.ts'
