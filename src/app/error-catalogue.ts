import { accessErrors } from '../access/index.ts'
import { accountErrors } from '../account/index.ts'
import { aftersalesErrors } from '../aftersales/index.ts'
import { analyticsErrors } from '../analytics/index.ts'
import { bulkErrors } from '../bulk/index.ts'
import { businessErrors } from '../business/index.ts'
import { campaignsErrors } from '../campaigns/index.ts'
import { catalogErrors } from '../catalog/index.ts'
import { channelsErrors } from '../channels/index.ts'
import { countsErrors } from '../counts/index.ts'
import { customersErrors } from '../customers/index.ts'
import { eventsErrors } from '../events/index.ts'
import { fiscalErrors } from '../fiscal/index.ts'
import { franchiseErrors } from '../franchise/index.ts'
import { inventoryErrors } from '../inventory/index.ts'
import { loyaltyErrors } from '../loyalty/index.ts'
import { networkErrors } from '../network/index.ts'
import { notificationsErrors } from '../notifications/index.ts'
import { offerErrors } from '../offer/index.ts'
import { ordersErrors } from '../orders/index.ts'
import { partnersErrors } from '../partners/index.ts'
import { paymentsErrors } from '../payments/index.ts'
import { relationshipErrors } from '../relationship/index.ts'
import { returnsErrors } from '../returns/index.ts'
import { commonErrors, startupErrors } from '../shared/common.errors.ts'
import type { ErrorCatalogue, ErrorStatus } from '../shared/errors.ts'
import { shippingErrors } from '../shipping/index.ts'
import { storedValueErrors } from '../stored-value/index.ts'
import { supplyErrors } from '../supply/index.ts'

/** Every list of codes the API answers, by owner: `common` for any route, then each capability. */
export const apiErrorCatalogues: Record<string, ErrorCatalogue> = {
  common: commonErrors,
  access: accessErrors,
  account: accountErrors,
  aftersales: aftersalesErrors,
  analytics: analyticsErrors,
  bulk: bulkErrors,
  business: businessErrors,
  campaigns: campaignsErrors,
  catalog: catalogErrors,
  channels: channelsErrors,
  counts: countsErrors,
  customers: customersErrors,
  events: eventsErrors,
  fiscal: fiscalErrors,
  franchise: franchiseErrors,
  inventory: inventoryErrors,
  loyalty: loyaltyErrors,
  network: networkErrors,
  notifications: notificationsErrors,
  offer: offerErrors,
  orders: ordersErrors,
  partners: partnersErrors,
  payments: paymentsErrors,
  relationship: relationshipErrors,
  returns: returnsErrors,
  shipping: shippingErrors,
  'stored-value': storedValueErrors,
  supply: supplyErrors,
}

/** Codes that stop a command or the server's start: never answered over HTTP, so not in the API's list. */
export const startupErrorCatalogue: ErrorCatalogue = startupErrors

export interface ListedError {
  code: string
  status: ErrorStatus
  /** `common`, a capability's folder name, or `startup`. */
  owner: string
  meaning: string
}

/** One row per code and owner (a code several capabilities answer is listed by each), by code then owner. */
export function listedErrors(catalogues: Record<string, ErrorCatalogue> = apiErrorCatalogues): ListedError[] {
  return Object.entries(catalogues)
    .flatMap(([owner, catalogue]) =>
      Object.entries(catalogue).map(([code, { status, meaning }]) => ({ code, status, owner, meaning })),
    )
    .sort((a, b) => (a.code === b.code ? a.owner.localeCompare(b.owner) : a.code.localeCompare(b.code)))
}

/** Every code the API may answer, once each, sorted: the enum of `code` in the OpenAPI error body. */
export const apiErrorCodes: readonly string[] = [...new Set(listedErrors().map((e) => e.code))]
