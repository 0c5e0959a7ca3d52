import type { Job } from '../jobs/job.ts'
import { refreshAggregates } from './refresh.store.ts'

/**
 * Analytics read the order events past their watermark, off the order path. A refresh already running
 * elsewhere (its transaction lock) makes this pass a no-op.
 */
export const analyticsJobs: Job[] = [
  { id: 'analytics.refresh', run: async (db) => (await refreshAggregates(db))?.events ?? 0 },
]
