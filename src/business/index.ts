// The face of src/business: what other folders may use. Nothing outside src/business imports its other files.

export { businessErrors } from './business.errors.ts'
export { businessJobs } from './business.jobs.ts'
export { businessRoutes, invoicesRoutes } from './business.routes.ts'
export {
  addBuyer,
  createAccount,
  createPriceList,
  placeBusinessOrder,
  putPrices,
} from './business.service.ts'
export {
  creditNoteForReturnIn,
  invoiceMonthly,
  issueInvoiceIn,
  putSeller,
  recordPayment,
  remindOverdue,
} from './invoices.service.ts'
export { invoicesForLedger } from './invoices-ledger.service.ts'
export { invoiceFromOrders } from './invoicing.consumer.ts'
