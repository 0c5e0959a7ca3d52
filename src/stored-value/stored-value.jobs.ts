import type { Job } from '../jobs/job.ts'
import { expireStoredValue } from './stored-value.service.ts'

/**
 * Gift cards, credit notes and vouchers past their date lose their balance. Spending checks the date
 * itself, so this only writes the ledger: every 5 minutes is ample.
 */
export const storedValueJobs: Job[] = [
  { id: 'stored-value.expire-balances', intervalS: 300, run: (db) => expireStoredValue(db) },
]
