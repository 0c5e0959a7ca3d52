// The face of src/partners: what other folders may use. Nothing outside src/partners imports its other files.

export { partnersErrors } from './partners.errors.ts'
export { partnersJobs } from './partners.jobs.ts'
export { partnersRoutes } from './partners.routes.ts'
export { closeSettlement, placePartnerOrder, putTerms } from './partners.service.ts'
export { stockFeedFromStock } from './stock-feed.consumer.ts'
export { putFeedSettings } from './stock-feed.service.ts'
