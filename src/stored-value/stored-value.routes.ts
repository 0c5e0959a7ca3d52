import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { getCustomer } from '../customers/index.ts'
import type { Tx } from '../db/database.ts'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders, Nullable } from '../http/schemas.ts'
import { type Actor, allRoles, staffRoles } from '../shared/actor.ts'
import { newId } from '../shared/ids.ts'
import { defaultValidityDays, expiryFrom } from './stored-value.domain.ts'
import { assertMayIssue, issueStoredValue, readStoredValue } from './stored-value.service.ts'

export const StoredValue = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['gift_card', 'store_credit', 'voucher']),
  code: Type.String({ description: 'Typed or scanned to spend it, as the `reference` of a payment.' }),
  customer_id: Nullable(Type.String()),
  balance_cents: Type.Integer(),
  issued_cents: Type.Integer(),
  expires_at: Nullable(Type.String({ format: 'date-time' })),
  source: Type.String({ description: 'sale, refund, exchange, goodwill or reward.' }),
})

const Balance = Type.Intersect([
  StoredValue,
  Type.Object({
    expired: Type.Boolean(),
    entries: Type.Array(
      Type.Object({
        id: Type.Integer(),
        kind: Type.String({ description: 'issue, redeem, refund, expire or adjust.' }),
        amount_cents: Type.Integer({ description: 'Signed: value in positive, spent negative.' }),
        order_id: Nullable(Type.String()),
        return_id: Nullable(Type.String()),
        reason: Nullable(Type.String()),
        actor: Nullable(Type.String()),
        created_at: Type.String({ format: 'date-time' }),
      }),
      { description: 'Movements, newest first (staff only; empty for a web shop).' },
    ),
  }),
])

const IssueBody = {
  amount_cents: Type.Integer({ minimum: 100, maximum: 500_000, description: 'Value loaded, in cents.' }),
  customer_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  validity_days: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 3650,
      description: `Days it can be spent (${defaultValidityDays}).`,
    }),
  ),
}

/** A gift card sold or a goodwill credit note, issued by a member of staff allowed to. */
async function issueByHand(
  tx: Tx,
  actor: Actor,
  kind: 'gift_card' | 'store_credit',
  source: 'sale' | 'goodwill',
  body: { amount_cents: number; customer_id?: string; validity_days?: number },
  reason: string,
) {
  assertMayIssue(actor, kind)
  const customer = body.customer_id ? await getCustomer(tx, body.customer_id) : null
  return issueStoredValue(tx, {
    kind,
    amountCents: body.amount_cents,
    customerId: customer?.id ?? null,
    expiresAt: expiryFrom(new Date(), body.validity_days ?? defaultValidityDays),
    source,
    reference: newId('sva'),
    actor: actor.keyId,
    reason,
  })
}

export const storedValueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/gift-cards',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['stored value'],
        summary: 'Sell a gift card: loads it and returns its code (carte cadeau)',
        headers: IdempotencyHeaders,
        body: Type.Object(
          {
            ...IssueBody,
            paid_with: Type.Enum(['card', 'cash'], { description: 'How the buyer paid for the card.' }),
            payment_reference: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: StoredValue, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, async (tx) => {
        const paid = `paid by ${req.body.paid_with}`
        const ref = req.body.payment_reference ? ` (${req.body.payment_reference})` : ''
        return issueByHand(tx, req.actor, 'gift_card', 'sale', req.body, `${paid}${ref}`)
      }),
  )

  app.post(
    '/store-credits',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['stored value'],
        summary: 'Issue a goodwill credit note (avoir) with its reason',
        headers: IdempotencyHeaders,
        body: Type.Object(
          { ...IssueBody, reason: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 201: StoredValue, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, async (tx) => {
        return issueByHand(tx, req.actor, 'store_credit', 'goodwill', req.body, req.body.reason)
      }),
  )

  app.get(
    '/stored-value/:code',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['stored value'],
        summary: 'Balance and validity of a gift card, credit note or voucher, with its movements',
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }),
        response: { 200: Balance, ...errorResponses },
      },
    },
    async (req) => readStoredValue(app.db, req.actor, req.params.code),
  )
}
