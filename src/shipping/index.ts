// The face of src/shipping: what other folders may use. Nothing outside src/shipping imports its other files.

export {
  createServiceIn,
  putFeeIn,
  putRelayPointIn,
} from './carriers.service.ts'
export { type DeliveryQuote, quoteService } from './delivery.domain.ts'
export { pricerFor } from './delivery-pricing.ts'
export { createReturnParcelIn } from './parcels.service.ts'
export { Parcel, ReturnParcelIn } from './shipping.contract.ts'
export { shippingErrors } from './shipping.errors.ts'
export { shippingRoutes } from './shipping.routes.ts'
export {
  carrierServices,
  deliveryFees,
  parcelLines,
  parcels,
  relayPoints,
  trackingEvents,
} from './shipping.schema.ts'
export { trackingNumber } from './tracking.domain.ts'
export { carrierSignature } from './tracking.service.ts'
