export { returnsErrors } from './returns.errors.ts'
