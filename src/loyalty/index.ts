export { loyaltyErrors } from './loyalty.errors.ts'
