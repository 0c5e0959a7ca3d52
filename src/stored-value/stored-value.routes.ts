import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { getCustomer } from '../customers/index.ts'
import type { Tx } from '../db/database.ts'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders } from '../http/schemas.ts'
import { type Actor, allRoles, staffRoles } from '../shared/actor.ts'
import { newId } from '../shared/ids.ts'
import {
  Balance,
  IssueGiftCardBody,
  IssueStoreCreditBody,
  ReadStoredValueParams,
  StoredValue,
} from './stored-value.contract.ts'
import { defaultValidityDays, expiryFrom } from './stored-value.domain.ts'
import { assertMayIssue, issueStoredValue, readStoredValue } from './stored-value.service.ts'

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
        body: IssueGiftCardBody,
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
        body: IssueStoreCreditBody,
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
        params: ReadStoredValueParams,
        response: { 200: Balance, ...errorResponses },
      },
    },
    async (req) => readStoredValue(app.db, req.actor, req.params.code),
  )
}
