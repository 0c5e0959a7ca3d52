// The face of src/network: what other folders may use. Nothing outside src/network imports its other files.

export { type DeliveryAddress, locateAddress } from './geocode.domain.ts'
export { networkErrors } from './network.errors.ts'
export { networkRoutes } from './network.routes.ts'
export { locations } from './network.schema.ts'
export {
  cachedLocations,
  forgetCachedLocations,
  getLocation,
  type LocationRow,
  locationRefs,
  locationsTopic,
} from './network.service.ts'
export { isOpenAt, type OpeningHours, type Weekday } from './opening-hours.domain.ts'
export { promiseAt, type TaskSite, transitArrival } from './promise.domain.ts'
