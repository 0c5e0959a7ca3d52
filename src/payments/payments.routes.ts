import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import * as c from './payments.contract.ts'
import { authorisePayment, listProviderRefunds, sendRefundNow } from './payments.service.ts'
import { paymentProvider } from './provider.ts'
import { receiveProviderWebhook } from './webhooks.service.ts'

const tags = ['payments']
const unavailable = { 503: Type.Ref('Error') }

/** Card payments through the provider, the refunds executed there, and the provider's webhooks, under /api/v1. */
export const paymentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/payments/refunds',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Refunds executed at the payment provider, with why those still pending are',
        description:
          'One per card refund of a web or app order paid through the provider (cancellations, lines nobody could ' +
          'serve, expired pickups, returns at any store or by post). A refused or failed attempt stays pending with ' +
          "the provider's reason and is sent again with backoff (30 s, doubling, up to 6 h); POST …/{id}/retry " +
          'sends it now. Each says why it waits or failed with `reason_code` (stable, for a screen to translate) ' +
          "beside the provider's own words (`reason`), and names its order's number. Card refunds of till sales " +
          'stay at the till and are not listed.',
        querystring: c.RefundsQuery,
        response: { 200: c.RefundPage, ...c.errorResponses },
      },
    },
    async (req) => listProviderRefunds(app.db, req.query, paymentProvider() !== undefined),
  )

  app.post(
    '/payments/refunds/:id/retry',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Send a pending refund to the provider now, instead of after its backoff',
        description:
          'For a refund still pending and not yet accepted by the provider: it is due at once (and so is the ' +
          'capture it waits for), and sent within a second, with the Idempotency-Key its next attempt carries ' +
          '(never a second refund at the provider). The answer is the refund as listed. 409 when it is done, ' +
          'failed, or accepted and waiting for the bank; 503 when no provider is configured.',
        params: c.RefundParams,
        response: { 200: c.ProviderRefund, ...c.errorResponses, ...unavailable },
      },
    },
    async (req) => sendRefundNow(app.db, req.params.id, paymentProvider() !== undefined),
  )

  app.post(
    '/payments/authorisations',
    {
      config: { roles: ['admin', 'channel'] },
      schema: {
        tags,
        summary: 'Authorise a card payment at the provider before placing a web or app order',
        description:
          "The web shop or app collects the card with the provider's components (Stripe Elements) and sends the " +
          'payment method here; the answer’s `intent_id` is the `reference` of the order’s card payment, captured ' +
          'at the provider a moment after the order is placed.',
        headers: c.IdempotencyHeaders,
        body: c.AuthorisationIn,
        response: { 201: c.Authorisation, ...c.errorResponses, ...unavailable },
      },
    },
    async (req, reply) => {
      reply.code(201)
      return authorisePayment(paymentProvider(), req.actor, req.body, req.headers['idempotency-key'])
    },
  )

  // The signature is over the exact bytes received: this route reads its body as text.
  await app.register(async (raw) => {
    raw.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    )
    raw.post(
      '/payments/webhooks/stripe',
      {
        schema: {
          tags,
          summary: 'Stripe webhooks: refund outcomes (charge.refunded, refund.updated)',
          description:
            'Called by Stripe, signed in Stripe-Signature with STRIPE_WEBHOOK_SECRET (no API key). Refused with 400 ' +
            '(and logged without personal data, nothing changed) when the signature is wrong, older or newer than 5 ' +
            'minutes, the event was received before, or it is about a payment Passerelle did not send there.',
          response: {
            200: c.WebhookAnswer,
            400: Type.Ref('Error'),
            404: Type.Ref('Error'),
            429: Type.Ref('Error'),
            ...unavailable,
          },
        },
      },
      async (req) =>
        receiveProviderWebhook(app.db, paymentProvider(), String(req.body ?? ''), req.headers, req.log),
    )
  })
}
