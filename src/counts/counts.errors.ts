import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the stock-count capability answers, beside the common ones. */
export const countsErrors = {
  count_not_found: { status: 404, meaning: 'No stock count with this id: check the reference.' },
  count_status: {
    status: 409,
    meaning:
      'The count is not at the step this needs (scanning while counting or recounting, approving once in review): reload it.',
  },
  not_in_count: {
    status: 422,
    meaning:
      'The scanned item is not part of this count (another zone or category, or not to recount): put it aside for its own count.',
  },
  unknown_item: {
    status: 422,
    meaning: 'No variant has this barcode or SKU: scan the label again or type the SKU.',
  },
  empty_count: {
    status: 422,
    meaning:
      'The count covers no item at this location (an empty zone, category or cycle): choose another scope.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(countsErrors)
