import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the customer relationship capability (360, duplicates and merge, privacy) answers, beside the common ones. */
export const relationshipErrors = {
  customer_not_found: {
    status: 404,
    meaning: 'No customer with this id that this key may see: search by e-mail, phone or card.',
  },
  order_not_found: {
    status: 404,
    meaning: 'No order with this id that this key may see: check the reference.',
  },
  already_erased: {
    status: 409,
    meaning: "The customer's personal data were already erased: nothing more to do.",
  },
  already_merged: {
    status: 409,
    meaning: 'A customer of the merge was already merged into another: merge into the surviving one.',
  },
  customer_already_set: {
    status: 409,
    meaning: 'The order already belongs to a customer: it cannot be attached to another.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(relationshipErrors)
