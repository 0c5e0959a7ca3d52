import { analyticsConsumers } from '../analytics/index.ts'
import { businessJobs, invoiceFromOrders } from '../business/index.ts'
import { campaignsJobs } from '../campaigns/index.ts'
import { batchConsumerJob, consumerJob, eventsJobs, isBatchConsumer } from '../events/index.ts'
import { fiscalJobs } from '../fiscal/index.ts'
import { accrueFromOrders } from '../franchise/index.ts'
import type { Job } from '../jobs/job.ts'
import { earnOnCompletion, loyaltyJobs } from '../loyalty/index.ts'
import { notificationsJobs, notifyCustomers } from '../notifications/index.ts'
import { offerJobs } from '../offer/index.ts'
import { fulfilmentJobs, ordersJobs } from '../orders/index.ts'
import { partnersJobs, stockFeedFromStock } from '../partners/index.ts'
import { executeAtProvider, paymentsJobs } from '../payments/index.ts'
import { storedValueJobs } from '../stored-value/index.ts'
import { supplyJobs } from '../supply/index.ts'
import './ports.ts'

/**
 * What happens a moment after an order, from its events (src/events/relay.ts): each consumer applies
 * each event once, its cursor and its effect in one transaction, a pass every 200 ms. The analytics
 * consumers take theirs in batches every PASSERELLE_SWEEP_INTERVAL seconds (src/events/batch.ts): a
 * pass rebuilds whole days, so it runs when many events have gathered, and each read catches up.
 */
export const eventConsumers = [
  earnOnCompletion,
  accrueFromOrders,
  executeAtProvider,
  invoiceFromOrders,
  stockFeedFromStock,
  ...analyticsConsumers,
  notifyCustomers,
]

/** Every capability's background jobs, run by the server (src/jobs/runner.ts). */
export const capabilityJobs: Job[] = [
  ...ordersJobs,
  ...fulfilmentJobs,
  ...storedValueJobs,
  ...fiscalJobs,
  ...loyaltyJobs,
  ...offerJobs,
  ...supplyJobs,
  ...paymentsJobs,
  ...businessJobs,
  ...partnersJobs,
  ...notificationsJobs,
  ...campaignsJobs,
  ...eventsJobs,
  ...eventConsumers.map((c) => (isBatchConsumer(c) ? batchConsumerJob(c) : consumerJob(c))),
]
