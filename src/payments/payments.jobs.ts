import type { Job } from '../jobs/job.ts'
import { paymentProvider } from './provider.ts'
import { sendDueToProvider } from './send.service.ts'

/**
 * Captures and refunds due at the provider, every half second: a refund reaches the provider within
 * about a second of the event that records it; a refused or failed one waits its backoff. An idle
 * pass costs one read. Without a configured provider nothing is sent and the refunds wait, listed as
 * pending.
 */
export const paymentsJobs: Job[] = [
  {
    id: 'payments.send-to-provider',
    intervalS: 0.5,
    run: async (db) => {
      const provider = paymentProvider()
      return provider ? sendDueToProvider(db, provider) : 0
    },
  },
]
