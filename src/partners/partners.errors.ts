import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the partner-channels capability answers, beside the common ones. */
export const partnersErrors = {
  partner_order_not_found: {
    status: 404,
    meaning: 'The partner sent no order with this id: check the partner’s order id.',
  },
  not_a_partner: {
    status: 422,
    meaning: 'The channel is not a partner channel: partner orders come through a channel of kind partner.',
  },
  partner_order_id_reused: {
    status: 409,
    meaning: 'This partner order id was already used for a different order: send each order with its own id.',
  },
  partner_price_above_list: {
    status: 422,
    meaning: 'The partner’s price for a line is above the brand’s price for that partner: correct the price.',
  },
  month_not_over: {
    status: 409,
    meaning: 'A month is settled once it is over: wait for its end, or read the running figures.',
  },
  stock_feed_not_found: {
    status: 404,
    meaning:
      'This partner has no stock feed (or the key is another channel’s): head office sets one up with PUT /partners/{ref}/stock-feed/settings.',
  },
  settlement_closed: {
    status: 409,
    meaning: 'This month’s settlement is already closed: its figures are final.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(partnersErrors)
