import { sql } from 'drizzle-orm'
import { byJob } from '../events/index.ts'
import type { Job } from '../jobs/job.ts'
import { applyDuePriceChanges } from './prices.service.ts'
import { announcePromotions } from './promotions.service.ts'

/** Scheduled price changes take effect within one sweep interval of their date. */
export const offerJobs: Job[] = [
  { id: 'offer.apply-scheduled-prices', run: (db) => applyDuePriceChanges(db) },
  // Promotions whose start or end date passed: promotion.started / promotion.ended within one interval.
  {
    id: 'offer.announce-promotions',
    run: (db) => announcePromotions(db, sql`true`, byJob('offer.announce-promotions')),
  },
]
