// The face of src/stored-value: what other folders may use. Nothing outside src/stored-value imports its other files.

export {
  defaultValidityDays,
  expiryFrom,
  newStoredValueCode,
  normaliseStoredValueCode,
} from './stored-value.domain.ts'
export { storedValueErrors } from './stored-value.errors.ts'
export { storedValueJobs } from './stored-value.jobs.ts'
export { storedValueRoutes } from './stored-value.routes.ts'
export { storedValueAccounts, storedValueEntries } from './stored-value.schema.ts'
export {
  creditStoredValue,
  issueStoredValue,
  type Redemption,
  redeemStoredValue,
} from './stored-value.service.ts'
