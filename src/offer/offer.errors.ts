import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the offer capability (prices, assortment, clusters, promotions) answers, beside the common ones. */
export const offerErrors = {
  channel_not_found: { status: 404, meaning: 'No channel with this id or code: check the reference.' },
  product_not_found: { status: 404, meaning: 'No product with this id or code: check the reference.' },
  sku_not_found: { status: 404, meaning: 'No variant with this SKU: check the reference.' },
  assortment_exclusion_not_found: {
    status: 404,
    meaning: 'The product is not excluded from this channel: there is nothing to remove.',
  },
  cluster_listing_not_found: {
    status: 404,
    meaning: 'The product or category is not listed for this cluster: there is nothing to remove.',
  },
  cluster_price_list_not_found: {
    status: 404,
    meaning: 'The cluster has no price list of its own in this channel: there is nothing to remove.',
  },
  coherence_policy_not_found: {
    status: 404,
    meaning: 'No price coherence policy for this category: list the policies to find it.',
  },
  promotion_not_found: { status: 404, meaning: 'No promotion with this id or code: check the reference.' },
  promotion_exists: {
    status: 409,
    meaning: 'A promotion with this code already exists: choose another code or edit that promotion.',
  },
  promotion_limit_reached: {
    status: 409,
    meaning:
      'The promotion was used as many times as it may (in all, or by this customer): order without it.',
  },
  voucher_code_taken: {
    status: 409,
    meaning: 'The voucher code belongs to another promotion: choose another voucher code.',
  },
  price_incoherent: {
    status: 422,
    meaning:
      'The prices break the coherence policy (`details` lists each rule broken): change them, or force.',
  },
  unknown_price_list: {
    status: 422,
    meaning: 'A price list named in the request does not exist: create it first.',
  },
  unknown_sku: { status: 422, meaning: 'No variant has a SKU named in the request: create it first.' },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(offerErrors)
