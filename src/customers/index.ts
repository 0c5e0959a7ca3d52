// The face of src/customers: what other folders may use. Nothing outside src/customers imports its other files.

export { channelAccountsRoutes } from './channel-accounts.routes.ts'
export {
  accountHolder,
  assertOwnCustomer,
  loggedInCustomer,
  loginHeader,
  requireLogin,
  visibleCustomer,
} from './channel-accounts.service.ts'
export {
  consentGranted,
  consentMedia,
  consentPurposes,
  consentsInForce,
  consentsOf,
  recordConsents,
  recordCustomerConsents,
  visibleConsents,
} from './consents.service.ts'
export { Customer } from './customers.contract.ts'
export { customersErrors } from './customers.errors.ts'
export { customersRoutes } from './customers.routes.ts'
export { customers } from './customers.schema.ts'
export { type CustomerRow, findCustomerByIdentity, getCustomer, survivorOf } from './customers.service.ts'
export { toDto } from './customers.view.ts'
export {
  type ConsentCell,
  type CustomerExportRow,
  type CustomerLine,
  exportCustomerLines,
  writeCustomerLines,
} from './customers-batch.service.ts'
export {
  accentFolding,
  normaliseEmail,
  normaliseLoyaltyCard,
  normaliseName,
  normalisePhone,
  searchKey,
} from './identity.domain.ts'
