export { franchiseErrors } from './franchise.errors.ts'
