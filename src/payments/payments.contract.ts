import { Type } from '@fastify/type-provider-typebox'
import {
  CurrencyCode,
  errorResponses,
  IdempotencyHeaders,
  Nullable,
  Page,
  PageQuery,
} from '../http/schemas.ts'
import { providerStatuses } from './payments.schema.ts'
import { refundReasonCodes } from './provider.domain.ts'

export { errorResponses, IdempotencyHeaders }

export const ProviderRefund = Type.Object({
  id: Type.String({ description: 'prf_…' }),
  status: Type.Enum(providerStatuses, {
    description:
      'pending: not yet done at the provider (waiting for its capture, retried after a refusal or an outage, or ' +
      'accepted and awaiting the bank); succeeded; failed: the provider reports it failed (see reason).',
  }),
  reason_code: Nullable(
    Type.Enum(refundReasonCodes, {
      description:
        'Why it is not done, for a screen to say in its language (null: done, or not sent yet). ' +
        'awaiting_capture: the card payment it gives back is not captured at the provider yet (reason: the ' +
        "provider's answer to the capture); provider_refused: the provider answered that it did nothing (declined, " +
        'invalid), sent again under a new key; provider_unreachable: no answer or an error at the provider, sent ' +
        'again with the same key; awaiting_settlement: accepted by the provider, the bank has not settled it yet; ' +
        'provider_failed: the provider reports it failed or was cancelled (final); provider_not_configured: no ' +
        'payment provider is configured here, nothing is sent.',
    }),
  ),
  reason: Nullable(
    Type.String({
      description:
        "The provider's own words about it, untranslated: its answer to the last failed attempt (HTTP status and " +
        'error code, or the network failure), its failure reason, or its answer to the capture the refund waits for.',
    }),
  ),
  order_id: Type.String(),
  order_number: Type.String({
    description: "The order's number, as staff and the customer know it (printed on receipts).",
  }),
  payment_id: Type.String({ description: "The order's refund payment this executes." }),
  capture_payment_id: Type.String({ description: 'The card payment it gives back.' }),
  return_id: Nullable(Type.String()),
  provider: Type.String(),
  intent_id: Type.String({ description: "The provider's payment refunded (pi_…)." }),
  amount_cents: Type.Integer(),
  provider_refund_id: Nullable(
    Type.String({ description: "The provider's refund (re_…), once it answered." }),
  ),
  event_id: Type.String({ description: 'The payment.refunded event: the first Idempotency-Key sent.' }),
  attempts: Type.Integer(),
  next_attempt_at: Nullable(
    Type.String({ format: 'date-time', description: 'When a pending refund is sent again.' }),
  ),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
})

export const RefundsQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(Type.Enum(providerStatuses)),
  order_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
})
export const RefundPage = Page(ProviderRefund)
export const RefundParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: 'prf_…' }),
})

export const AuthorisationIn = Type.Object(
  {
    amount_cents: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    currency: CurrencyCode('The order’s currency (EUR).'),
    payment_method: Type.String({
      minLength: 1,
      maxLength: 200,
      description:
        "The provider's payment method collected by the web shop or app (pm_…); card data never comes here.",
    }),
  },
  { additionalProperties: false },
)

export const Authorisation = Type.Object({
  intent_id: Type.String({
    description: 'Give it as the card payment’s `reference` when placing the order (pi_…).',
  }),
  status: Type.String({
    description:
      'requires_capture once authorised; requires_action when the bank asks the customer (3-D Secure).',
  }),
  amount_cents: Type.Integer(),
  client_secret: Nullable(
    Type.String({ description: 'For the web shop or app to finish a requires_action payment.' }),
  ),
  provider: Type.String(),
})

export const WebhookAnswer = Type.Object({
  received: Type.Literal(true),
  event_id: Type.String(),
  refunds_updated: Type.Integer(),
})
