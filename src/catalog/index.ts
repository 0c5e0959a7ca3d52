// The face of src/catalog: what other folders may use. Nothing outside src/catalog imports its other files.

export { eanProblem, frenchVatRate } from './catalog.domain.ts'
export { catalogErrors } from './catalog.errors.ts'
export { catalogRoutes } from './catalog.routes.ts'
export { products, variants } from './catalog.schema.ts'
export {
  exportProductLines,
  type ProductExportRow,
  type ProductLine,
  writeProductLines,
} from './catalog-batch.service.ts'
export { isValidEan13, toEan13 } from './ean.domain.ts'
export {
  exportPriceLines,
  type PriceExportRow,
  type PriceLine,
  priceChangedEvents,
  pricesWrittenAt,
  touchPriceBook,
  upsertPrices,
  writePriceLines,
} from './list-prices.service.ts'
export { listingsRoutes } from './listings.routes.ts'
export { knownSkus, unitWeights } from './lookup.service.ts'
export { priceListsRoutes } from './price-lists.routes.ts'
