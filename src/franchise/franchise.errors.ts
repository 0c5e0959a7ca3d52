import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the franchise capability (contracts, attributions, statements) answers, beside the common ones. */
export const franchiseErrors = {
  franchisee_not_found: { status: 404, meaning: 'No franchisee with this id or code: check the reference.' },
  location_not_found: { status: 404, meaning: 'No location with this id or code: check the store.' },
  attribution_not_found: {
    status: 404,
    meaning: 'The order is attributed to no franchised store: only attributed orders have one.',
  },
  franchisee_code_taken: {
    status: 409,
    meaning: 'Another franchisee already has this code: choose another code.',
  },
  statement_closed: {
    status: 409,
    meaning: 'The statement of this month is closed and never changes: correct it in an open month.',
  },
  earlier_period_open: {
    status: 422,
    meaning: 'An earlier month is still open: statements close month by month, close that one first.',
  },
  not_a_franchised_store: {
    status: 422,
    meaning: 'The location is not a franchised store: only those have contracts and earn commissions.',
  },
  sku_not_found: {
    status: 404,
    meaning: 'No variant with this SKU has a recommended price at this store: check the SKU.',
  },
  price_above_maximum: {
    status: 422,
    meaning: "The price is above the brand's maximum for this SKU: price it at most at the maximum given.",
  },
  period_not_over: { status: 422, meaning: 'The month is not over yet: close it once it has ended.' },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(franchiseErrors)
