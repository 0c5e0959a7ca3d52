import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders } from '../http/schemas.ts'
import { allRoles, staffRoles } from '../shared/actor.ts'
import {
  Balance,
  IssueGiftCardBody,
  IssueStoreCreditBody,
  ReadStoredValueParams,
  StoredValue,
} from './stored-value.contract.ts'
import { grantStoreCredit, readStoredValue, sellGiftCard } from './stored-value.service.ts'

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
    async (req, reply) => idempotentCreate(req, reply, (tx) => sellGiftCard(tx, req.actor, req.body)),
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
    async (req, reply) => idempotentCreate(req, reply, (tx) => grantStoreCredit(tx, req.actor, req.body)),
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
