export { customersErrors } from './customers.errors.ts'
