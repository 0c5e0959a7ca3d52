import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the returns capability answers, beside the common ones. */
export const returnsErrors = {
  order_not_found: {
    status: 404,
    meaning: 'No order with this id that this key may see: check the receipt or order number.',
  },
  return_not_found: {
    status: 404,
    meaning: 'No return with this id or number that this key may see: check the reference.',
  },
  return_exceeds_purchase: {
    status: 409,
    meaning: 'More units asked back than were handed over and not yet returned: return at most what is left.',
  },
  return_not_allowed: {
    status: 422,
    meaning: 'The return policy refuses this return (the message says why): a manager key may override it.',
  },
  return_not_awaiting_receipt: {
    status: 422,
    meaning: 'The return is no longer awaiting its goods (received or cancelled): reload it.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(returnsErrors)
