// The face of src/offer: what other folders may use. Nothing outside src/offer imports its other files.

export { maySell } from './assortment.domain.ts'
export { assortmentRoutes } from './assortment.routes.ts'
export { clustersRoutes } from './clusters.routes.ts'
export { putListingRuleIn } from './clusters.service.ts'
export { type Observation, parseCsv } from './competitor-csv.domain.ts'
export { recordObservations, recordObservationsIn } from './competitors.service.ts'
export { offerErrors } from './offer.errors.ts'
export { offerJobs } from './offer.jobs.ts'
export { offerRoutes } from './offer.routes.ts'
export { resolvePrices } from './offer.store.ts'
export { priceBook } from './price-book.service.ts'
export { putPricePolicyIn, setCostsIn } from './price-policies.service.ts'
export { applyPromotions, notLiveBecause, type PromotionRecord } from './promotions.domain.ts'
export { promotionsRoutes } from './promotions.routes.ts'
export { normaliseCode, type PromotionDefinition } from './promotions.rules.ts'
export {
  createPromotion,
  holdPromotions,
  livePromotions,
  releasePromotions,
  releasePromotionsCtes,
} from './promotions.service.ts'
export { findViolations, wholeReport } from './report.service.ts'
export { type ObservedStorePrice, provideStorePrices } from './store-prices.port.ts'
