import type { Job } from '../../jobs/job.ts'
import { expireUncollected } from './fulfilment.service.ts'

/** Pickups left uncollected past their hold are cancelled and refunded (holds last days: every 5 minutes is ample). */
export const fulfilmentJobs: Job[] = [
  { id: 'fulfilment.expire-uncollected-pickups', intervalS: 300, run: (db) => expireUncollected(db) },
]
