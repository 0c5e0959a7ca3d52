export { storedValueErrors } from './stored-value.errors.ts'
