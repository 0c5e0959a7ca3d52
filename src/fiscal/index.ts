// The face of src/fiscal, the legal till: registers, cash sessions, chained tickets, journal and closings.

export { type Archive, type ArchiveCheck, verifyArchive } from './archive.domain.ts'
export { archiveOverMonths, archivePeriod } from './archive.service.ts'
export { closeOverDays } from './closings.service.ts'
export { sirenOf } from './company.service.ts'
export type { LedgerInvoice } from './fec.domain.ts'
export { type InvoiceLedger, provideInvoiceLedger } from './fec.service.ts'
export { chainHash } from './fiscal.domain.ts'
export { fiscalErrors } from './fiscal.errors.ts'
export { fiscalJobs } from './fiscal.jobs.ts'
export { fiscalRoutes } from './fiscal.routes.ts'
export { type PastSale, seedRegisterHistory } from './history.service.ts'
export type { TillCancellation, TillReturn, TillSale } from './tickets.service.ts'
export {
  assertSellsWithoutRegister,
  recordCancellation,
  recordRefusal,
  recordReturn,
  recordSale,
} from './tickets.service.ts'
export { type Verification, verifyChains } from './verify.service.ts'
