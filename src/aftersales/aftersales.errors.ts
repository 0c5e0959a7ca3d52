import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the after-sales capability (service tickets) answers, beside the common ones. */
export const aftersalesErrors = {
  order_not_found: {
    status: 404,
    meaning: 'No order with this id or number that this key may see: check the reference.',
  },
  ticket_not_found: {
    status: 404,
    meaning: 'No ticket with this id or number that this key may see: check the reference.',
  },
  photo_not_found: {
    status: 404,
    meaning: 'No photo with this id on this ticket: check the reference.',
  },
  invalid_transition: {
    status: 409,
    meaning:
      'The ticket cannot move to this status from its current one (a closed ticket is final): reload it.',
  },
  order_not_placed: {
    status: 422,
    meaning:
      'The order was never placed, so there is nothing to follow up: open the ticket on a placed order.',
  },
  ticket_closed: {
    status: 422,
    meaning: 'The ticket is closed, which is final: open a new ticket for a new problem.',
  },
  photo_limit_reached: {
    status: 422,
    meaning: 'The ticket already holds the most photos it keeps (details.limit): say more in a message.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(aftersalesErrors)
