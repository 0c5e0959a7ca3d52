import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the channels capability (channels and their price lists) answers, beside the common ones. */
export const channelsErrors = {
  channel_not_found: { status: 404, meaning: 'No channel with this id or code: check the reference.' },
  price_list_not_found: { status: 404, meaning: 'No price list with this id or code: check the reference.' },
  already_exists: {
    status: 409,
    meaning: 'A channel or price list with this code already exists: choose another code or edit that one.',
  },
  currency_mismatch: {
    status: 422,
    meaning: 'The price list is in another currency than the channel: choose a list in the same currency.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(channelsErrors)
