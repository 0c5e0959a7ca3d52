import { analyticsJobs } from '../analytics/index.ts'
import { eventsJobs } from '../events/index.ts'
import type { Job } from '../jobs/job.ts'
import { loyaltyJobs } from '../loyalty/index.ts'
import { offerJobs } from '../offer/index.ts'
import { fulfilmentJobs, ordersJobs } from '../orders/index.ts'
import { storedValueJobs } from '../stored-value/index.ts'

/** Every capability's background jobs, run by the server (src/jobs/runner.ts). */
export const capabilityJobs: Job[] = [
  ...ordersJobs,
  ...fulfilmentJobs,
  ...storedValueJobs,
  ...loyaltyJobs,
  ...offerJobs,
  ...analyticsJobs,
  ...eventsJobs,
]
