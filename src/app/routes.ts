import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { accessRoutes } from '../access/index.ts'
import { accountRoutes } from '../account/index.ts'
import { aftersalesRoutes } from '../aftersales/index.ts'
import { analyticsRoutes } from '../analytics/index.ts'
import { bulkRoutes } from '../bulk/index.ts'
import { businessRoutes, invoicesRoutes } from '../business/index.ts'
import { campaignsRoutes } from '../campaigns/index.ts'
import { catalogRoutes, listingsRoutes, priceListsRoutes } from '../catalog/index.ts'
import { channelsRoutes } from '../channels/index.ts'
import { countsRoutes } from '../counts/index.ts'
import { channelAccountsRoutes, customersRoutes } from '../customers/index.ts'
import { eventsRoutes } from '../events/index.ts'
import { fiscalRoutes } from '../fiscal/index.ts'
import { franchiseRoutes, storePricesRoutes } from '../franchise/index.ts'
import { jobsRoutes } from '../http/jobs.routes.ts'
import { inventoryRoutes } from '../inventory/index.ts'
import { loyaltyRoutes, programmeRoutes, rewardsRoutes } from '../loyalty/index.ts'
import { networkRoutes } from '../network/index.ts'
import { notificationsRoutes } from '../notifications/index.ts'
import { assortmentRoutes, clustersRoutes, offerRoutes, promotionsRoutes } from '../offer/index.ts'
import { customerOrdersRoutes, fulfilmentRoutes, ordersRoutes } from '../orders/index.ts'
import { partnersRoutes } from '../partners/index.ts'
import { paymentsRoutes } from '../payments/index.ts'
import { relationshipRoutes } from '../relationship/index.ts'
import { returnsRoutes } from '../returns/index.ts'
import { shippingRoutes } from '../shipping/index.ts'
import { storedValueRoutes } from '../stored-value/index.ts'
import { purchasingRoutes, replenishmentRoutes } from '../supply/index.ts'

/** Every capability's routes, mounted under /api/v1. */
export const capabilityRoutes: FastifyPluginAsyncTypebox[] = [
  accessRoutes,
  channelsRoutes,
  priceListsRoutes,
  listingsRoutes,
  networkRoutes,
  catalogRoutes,
  customersRoutes,
  relationshipRoutes,
  inventoryRoutes,
  countsRoutes,
  replenishmentRoutes,
  purchasingRoutes,
  ordersRoutes,
  fulfilmentRoutes,
  shippingRoutes,
  loyaltyRoutes,
  programmeRoutes,
  rewardsRoutes,
  channelAccountsRoutes,
  customerOrdersRoutes,
  accountRoutes,
  aftersalesRoutes,
  storedValueRoutes,
  returnsRoutes,
  businessRoutes,
  invoicesRoutes,
  partnersRoutes,
  paymentsRoutes,
  notificationsRoutes,
  offerRoutes,
  assortmentRoutes,
  promotionsRoutes,
  clustersRoutes,
  franchiseRoutes,
  storePricesRoutes,
  fiscalRoutes,
  analyticsRoutes,
  campaignsRoutes,
  bulkRoutes,
  jobsRoutes,
  eventsRoutes,
]
