import { analyticsJobs } from '../analytics/index.ts'
import { consumerJob, eventsJobs } from '../events/index.ts'
import { fiscalJobs } from '../fiscal/index.ts'
import { accrueFromOrders } from '../franchise/index.ts'
import type { Job } from '../jobs/job.ts'
import { earnOnCompletion, loyaltyJobs } from '../loyalty/index.ts'
import { offerJobs } from '../offer/index.ts'
import { fulfilmentJobs, ordersJobs } from '../orders/index.ts'
import { storedValueJobs } from '../stored-value/index.ts'
import './ports.ts'

/**
 * What happens a moment after an order, from its events (src/events/relay.ts): each consumer applies
 * each event once, its cursor and its effect in one transaction, a pass every 200 ms.
 */
export const eventConsumers = [earnOnCompletion, accrueFromOrders]

/** Every capability's background jobs, run by the server (src/jobs/runner.ts). */
export const capabilityJobs: Job[] = [
  ...ordersJobs,
  ...fulfilmentJobs,
  ...storedValueJobs,
  ...fiscalJobs,
  ...loyaltyJobs,
  ...offerJobs,
  ...analyticsJobs,
  ...eventsJobs,
  ...eventConsumers.map((c) => consumerJob(c)),
]
