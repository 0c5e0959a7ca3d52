import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the notifications capability answers, beside the common ones. */
export const notificationsErrors = {
  template_not_found: {
    status: 404,
    meaning: 'No message template with this id: GET /api/v1/notifications/templates lists them.',
  },
  order_not_found: {
    status: 404,
    meaning: 'No order with this id that this key may see: check the reference.',
  },
  order_without_customer: {
    status: 422,
    meaning:
      'The sale has no customer to send it to: attach the customer first (POST /api/v1/orders/{id}/customer).',
  },
  invalid_unsubscribe_link: {
    status: 404,
    meaning:
      'The unsubscribe link was altered or cut: open the full link from the e-mail, or ask the customer service.',
  },
} as const satisfies ErrorCatalogue

export const { notFound, fail, refused } = errorsOf(notificationsErrors)
