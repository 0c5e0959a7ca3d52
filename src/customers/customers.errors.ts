import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the customers capability answers, beside the common ones. */
export const customersErrors = {
  customer_not_found: {
    status: 404,
    meaning: 'No customer with this id that this key may see: search by e-mail, phone or card.',
  },
  channel_account_not_found: {
    status: 404,
    meaning: 'This login is not linked to a customer on this channel: check the channel and login.',
  },
  identity_taken: {
    status: 409,
    meaning: 'An e-mail, phone or card already belongs to another customer: use or merge with that customer.',
  },
  login_taken: {
    status: 409,
    meaning: 'The login is already linked to another customer on this channel: unlink it there first.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(customersErrors)
