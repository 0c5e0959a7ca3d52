// The face of src/campaigns: what other folders may use. Nothing outside src/campaigns imports its other files.

export { campaignsErrors } from './campaigns.errors.ts'
export { campaignsJobs } from './campaigns.jobs.ts'
export { campaignsRoutes } from './campaigns.routes.ts'
export { dispatchCampaigns } from './campaigns.service.ts'
