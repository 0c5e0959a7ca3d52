import type { Job } from '../jobs/job.ts'
import { expireDuePoints } from './expiry.service.ts'

/** Points credited more than the programme's `expiry_months` ago expire; they are counted in months, so hourly. */
export const loyaltyJobs: Job[] = [
  {
    id: 'loyalty.expire-points',
    intervalS: 3600,
    run: async (db) => (await expireDuePoints(db))?.points ?? 0,
  },
]
