import type { Job } from '../jobs/job.ts'
import { dispatchCampaigns } from './campaigns.service.ts'

/** Hands the recipients of campaigns being sent to the sender at each campaign's pace, every second. */
export const campaignsJobs: Job[] = [
  { id: 'campaigns.dispatch', intervalS: 1, run: (db) => dispatchCampaigns(db) },
]
