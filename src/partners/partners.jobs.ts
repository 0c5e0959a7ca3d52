import { byJob } from '../events/index.ts'
import type { Job } from '../jobs/job.ts'
import { refreshFeeds } from './stock-feed.service.ts'

export const partnersJobs: Job[] = [
  {
    // Stock events bring feeds in line within a second; what moves without one (a safety stock set, a
    // product listed or delisted for the partner's channel) is caught by a whole pass every 15 minutes.
    id: 'partners.stock-feed-sweep',
    intervalS: 900,
    run: (db) => db.transaction((tx) => refreshFeeds(tx, null, byJob('partners.stock-feed-sweep'))),
  },
]
