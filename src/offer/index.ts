export { offerErrors } from './offer.errors.ts'
