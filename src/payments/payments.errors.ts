import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the payments capability (provider payments, refunds, provider webhooks) answers, beside the common ones. */
export const paymentsErrors = {
  webhook_signature_invalid: {
    status: 400,
    meaning:
      "The Stripe-Signature header is missing or does not sign this body with the endpoint's secret: nothing was changed. Check STRIPE_WEBHOOK_SECRET.",
  },
  webhook_replayed: {
    status: 400,
    meaning:
      'This webhook was received before, or was signed more than 5 minutes from now: nothing was changed.',
  },
  webhook_unknown_payment: {
    status: 400,
    meaning:
      'The webhook is about a payment or refund Passerelle did not send to the provider: nothing was changed.',
  },
  payment_declined: {
    status: 422,
    meaning:
      'The provider refused to authorise the payment (a declined card…): ask for another means of payment.',
  },
  payment_provider_unavailable: {
    status: 503,
    meaning:
      'The payment provider did not answer, or answered with an error: try again in a moment with the same Idempotency-Key.',
  },
  payment_webhooks_not_configured: {
    status: 404,
    meaning:
      'No payment provider is configured here, so no provider webhook is accepted: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.',
  },
  payment_provider_not_configured: {
    status: 503,
    meaning:
      'No payment provider is configured: set STRIPE_SECRET_KEY, STRIPE_API_BASE and STRIPE_WEBHOOK_SECRET.',
  },
  provider_refund_not_found: {
    status: 404,
    meaning: 'No refund at the payment provider has this id (prf_…): list them with GET /payments/refunds.',
  },
  provider_refund_not_pending: {
    status: 409,
    meaning:
      'The refund is done (succeeded) or given up by the provider (failed): there is nothing to send again.',
  },
  provider_refund_accepted: {
    status: 409,
    meaning:
      'The provider accepted the refund and the bank has not settled it yet: nothing to send again; its webhook settles it.',
  },
} as const satisfies ErrorCatalogue

export const { refused, fail, notFound, conflict } = errorsOf(paymentsErrors)
