import type { Job } from '../jobs/job.ts'
import { archiveOverMonths } from './archive.service.ts'
import { closeOverDays } from './closings.service.ts'

export const fiscalJobs: Job[] = [
  {
    // A session left open at the end of its day is closed (uncounted) and the day closed, both
    // recorded as automatic; every few minutes, so a day is closed soon after midnight in its store.
    id: 'fiscal.close-days',
    intervalS: 300,
    run: (db) => closeOverDays(db),
  },
  {
    // Each month over is archived once (signed, stored, recorded in every register's journal); the
    // job looks every hour, so a month is archived within the hour after it ends in every store.
    id: 'fiscal.archive-months',
    intervalS: 3600,
    run: (db) => archiveOverMonths(db),
  },
]
