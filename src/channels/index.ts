// The face of src/channels: what other folders may use. Nothing outside src/channels imports its other files.

export { type FulfilmentMode, fulfilmentModes } from './channels.domain.ts'
export { channelsErrors } from './channels.errors.ts'
export { channelsRoutes } from './channels.routes.ts'
export { assortment, channels, priceLists, prices } from './channels.schema.ts'
export {
  cachedChannel,
  channelRefs,
  channelsByRef,
  channelsOfKind,
  channelsTopic,
  forgetCachedChannels,
  getChannel,
} from './channels.service.ts'
export {
  createPriceList,
  getPriceList,
  listPriceLists,
  type PriceListRow,
  priceListsByCode,
} from './price-lists.service.ts'
