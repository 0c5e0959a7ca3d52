import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the orders capability (orders, and their fulfilment tasks and pickups) answers, beside the common ones. */
export const ordersErrors = {
  order_not_found: {
    status: 404,
    meaning: 'No order with this id that this key may see: check the reference.',
  },
  customer_not_found: {
    status: 404,
    meaning: 'The customer named on the order does not exist: search for the customer or create them.',
  },
  task_not_found: {
    status: 404,
    meaning: 'No fulfilment task with this id that this key may see: check the reference.',
  },
  insufficient_stock: {
    status: 409,
    meaning:
      'Not enough stock where the lines must come from (`details.items` per line): order less or elsewhere.',
  },
  invalid_transition: {
    status: 409,
    meaning:
      'The order or task is not in a status that allows this action (the message says which do): reload it.',
  },
  pickup_locked: {
    status: 409,
    meaning: 'Too many wrong pickup codes: a store manager must check the customer and unlock the hand-over.',
  },
  pickup_not_locked: { status: 409, meaning: 'The hand-over is not locked: there is nothing to unlock.' },
  reservation_missing: {
    status: 409,
    meaning: 'A line has no reservation here for these units (the order changed): reload the task.',
  },
  stock_changed: {
    status: 409,
    meaning: 'The stock moved while the task was being re-routed: try the rejection again.',
  },
  delivery_not_available: {
    status: 422,
    meaning:
      'The delivery service is not sold by this channel, or does not serve this postcode or weight: quote the options with GET /api/v1/delivery-options.',
  },
  promotion_limit_reached: {
    status: 409,
    meaning:
      'The promotion was used as many times as it may (in all, or by this customer): order without it.',
  },
  balance_due: { status: 422, meaning: 'The order is not fully paid yet: take the remaining payment first.' },
  cash_not_accepted: {
    status: 422,
    meaning: 'Cash is only taken at a store till: choose another payment method.',
  },
  draft_expired: {
    status: 422,
    meaning: 'The draft expired and its stock was released: place a new order.',
  },
  fulfilment_not_offered: {
    status: 422,
    meaning: 'The channel or store does not offer this fulfilment mode: choose one it offers.',
  },
  no_price: {
    status: 422,
    meaning: "The variant has no price in this channel: price it in the channel's price list first.",
  },
  not_in_assortment: {
    status: 422,
    meaning: "The variant is not sold in this channel or by this store's cluster: remove the line.",
  },
  over_fulfilment: {
    status: 422,
    meaning: 'More units than the line has left to fulfil: fulfil at most what is left.',
  },
  partially_fulfilled: {
    status: 422,
    meaning: 'Some lines were already handed over, so the order cannot be cancelled: return them instead.',
  },
  payment_mismatch: {
    status: 422,
    meaning: 'The payments do not add up to what is due now (the message gives both): correct the payments.',
  },
  pickup_code_mismatch: {
    status: 422,
    meaning: "The pickup code is missing or not the order's: ask the customer for the code they received.",
  },
  promotion_needs_customer: {
    status: 422,
    meaning: 'The promotion is limited per customer: identify the customer to use it.',
  },
  promotion_not_applicable: {
    status: 422,
    meaning: 'The promotion does not apply to this order (the message says why): order without it.',
  },
  takeaway_in_draft: {
    status: 422,
    meaning: 'A draft cannot take goods away: place the order directly.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(ordersErrors)
