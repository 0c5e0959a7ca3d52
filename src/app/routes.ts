import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { accessRoutes } from '../access/access.routes.ts'
import { aftersalesRoutes } from '../aftersales/aftersales.routes.ts'
import { analyticsRoutes } from '../analytics/analytics.routes.ts'
import { catalogRoutes } from '../catalog/catalog.routes.ts'
import { listingsRoutes } from '../catalog/listings.routes.ts'
import { priceListsRoutes } from '../catalog/price-lists.routes.ts'
import { channelsRoutes } from '../channels/channels.routes.ts'
import { channelAccountsRoutes } from '../customers/channel-accounts.routes.ts'
import { customersRoutes } from '../customers/customers.routes.ts'
import { eventsRoutes } from '../events/index.ts'
import { franchiseRoutes } from '../franchise/franchise.routes.ts'
import { jobsRoutes } from '../http/jobs.routes.ts'
import { inventoryRoutes } from '../inventory/inventory.routes.ts'
import { loyaltyRoutes } from '../loyalty/loyalty.routes.ts'
import { programmeRoutes } from '../loyalty/programme.routes.ts'
import { rewardsRoutes } from '../loyalty/rewards.routes.ts'
import { networkRoutes } from '../network/network.routes.ts'
import { assortmentRoutes } from '../offer/assortment.routes.ts'
import { clustersRoutes } from '../offer/clusters.routes.ts'
import { offerRoutes } from '../offer/offer.routes.ts'
import { promotionsRoutes } from '../offer/promotions.routes.ts'
import { customerOrdersRoutes } from '../orders/customer-orders.routes.ts'
import { fulfilmentRoutes } from '../orders/fulfilment/fulfilment.routes.ts'
import { ordersRoutes } from '../orders/orders.routes.ts'
import { relationshipRoutes } from '../relationship/relationship.routes.ts'
import { returnsRoutes } from '../returns/returns.routes.ts'
import { storedValueRoutes } from '../stored-value/stored-value.routes.ts'

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
  ordersRoutes,
  fulfilmentRoutes,
  loyaltyRoutes,
  programmeRoutes,
  rewardsRoutes,
  channelAccountsRoutes,
  customerOrdersRoutes,
  aftersalesRoutes,
  storedValueRoutes,
  returnsRoutes,
  offerRoutes,
  assortmentRoutes,
  promotionsRoutes,
  clustersRoutes,
  franchiseRoutes,
  analyticsRoutes,
  jobsRoutes,
  eventsRoutes,
]
