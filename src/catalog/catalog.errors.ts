import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the catalog capability (products, variants) answers, beside the common ones. */
export const catalogErrors = {
  product_not_found: { status: 404, meaning: 'No product with this id or code: check the reference.' },
  variant_not_found: {
    status: 404,
    meaning: 'No variant with this EAN or SKU (in this channel): check the code scanned or typed.',
  },
  already_exists: {
    status: 409,
    meaning:
      'A product code, SKU or EAN is already used (`details.field`): choose another or edit the holder.',
  },
  unknown_channel: {
    status: 422,
    meaning: 'A channel named in the request does not exist: create it first.',
  },
  unknown_price_list: {
    status: 422,
    meaning: 'A price list named in the request does not exist: create it first.',
  },
  unknown_product: {
    status: 422,
    meaning: 'A product named in the request does not exist: create it first or correct the reference.',
  },
  unknown_sku: { status: 422, meaning: 'No variant has a SKU named in the request: create it first.' },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(catalogErrors)
