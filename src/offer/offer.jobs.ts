import type { Job } from '../jobs/job.ts'
import { applyDuePriceChanges } from './prices.service.ts'

/** Scheduled price changes take effect within one sweep interval of their date. */
export const offerJobs: Job[] = [
  { id: 'offer.apply-scheduled-prices', run: (db) => applyDuePriceChanges(db) },
]
