import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the inventory capability (stock, reservations, transfers) answers, beside the common ones. */
export const inventoryErrors = {
  transfer_not_found: { status: 404, meaning: 'No transfer with this id: check the reference.' },
  insufficient_stock: {
    status: 409,
    meaning: 'Not enough available stock for a line (`details.items` says how much there is): order less.',
  },
  invalid_transition: {
    status: 409,
    meaning: 'The transfer cannot change this way from its current status (e.g. received twice): reload it.',
  },
  reservation_missing: {
    status: 409,
    meaning: 'Some lines have no active reservation for the quantity to fulfil: reload the order and retry.',
  },
  stock_would_be_negative: {
    status: 422,
    meaning: 'The adjustment would take the units on hand below zero: count the shelf and adjust by less.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(inventoryErrors)
