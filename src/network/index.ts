export { networkErrors } from './network.errors.ts'
