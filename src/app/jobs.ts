import { analyticsJobs } from '../analytics/analytics.jobs.ts'
import { eventsJobs } from '../events/index.ts'
import type { Job } from '../jobs/job.ts'
import { loyaltyJobs } from '../loyalty/loyalty.jobs.ts'
import { offerJobs } from '../offer/offer.jobs.ts'
import { fulfilmentJobs } from '../orders/fulfilment/fulfilment.jobs.ts'
import { ordersJobs } from '../orders/orders.jobs.ts'
import { storedValueJobs } from '../stored-value/stored-value.jobs.ts'

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
