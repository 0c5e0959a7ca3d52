import type { Job } from '../jobs/job.ts'
import { proposeDaily } from './replenishment.service.ts'

/** The day's replenishment is proposed by the first pass after midnight (Paris), then once an hour nothing to do. */
export const supplyJobs: Job[] = [
  { id: 'supply.propose-replenishment', intervalS: 3600, run: (db) => proposeDaily(db) },
]
