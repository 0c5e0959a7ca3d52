import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the customer account answers, beside the common ones. */
export const accountErrors = {
  purchase_not_found: {
    status: 404,
    meaning:
      'No purchase with this id for this customer: the account lists the customer’s own purchases only.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(accountErrors)
