// The face of src/business: what other folders may use. Nothing outside src/business imports its other files.

export { businessErrors } from './business.errors.ts'
export { businessRoutes } from './business.routes.ts'
export {
  addBuyer,
  createAccount,
  createPriceList,
  placeBusinessOrder,
  putPrices,
} from './business.service.ts'
