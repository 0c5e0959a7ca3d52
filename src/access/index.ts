export { accessErrors } from './access.errors.ts'
