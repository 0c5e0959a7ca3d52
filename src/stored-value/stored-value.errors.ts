import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the stored-value capability (gift cards, credit notes) answers, beside the common ones. */
export const storedValueErrors = {
  stored_value_not_found: {
    status: 404,
    meaning: 'No gift card or credit note with this code: check the code on the card.',
  },
  insufficient_balance: {
    status: 409,
    meaning: 'The card holds less than the amount asked: take less from it and pay the rest otherwise.',
  },
  stored_value_expired: {
    status: 422,
    meaning: 'The gift card or credit note has expired: it can no longer be spent.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(storedValueErrors)
