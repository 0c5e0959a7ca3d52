import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders, toPage } from '../http/schemas.ts'
import { staffRoles } from '../shared/actor.ts'
import {
  ChangePromotionBody,
  ListPromotionsQuery,
  PromotionDetail,
  PromotionIn,
  PromotionOutPage,
  Ref,
} from './promotions.contract.ts'
import {
  changePromotion,
  createPromotionFromApi,
  getPromotion,
  listPromotions,
} from './promotions.service.ts'

const tags = ['offer']

export const promotionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/promotions',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary:
          'Define a promotion once: its channels (or every one), dates, target, amount, stacking, limits',
        headers: IdempotencyHeaders,
        body: PromotionIn,
        response: { 201: PromotionDetail, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, (tx) => createPromotionFromApi(tx, req.body, req.actor.keyId)),
  )

  app.get(
    '/promotions',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: 'Promotions, newest first; filter by channel, or those running now',
        querystring: ListPromotionsQuery,
        response: { 200: PromotionOutPage, ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const found = await listPromotions(app.db, req.query, limit, req.query.cursor)
      return toPage(found, limit, (p) => p.id)
    },
  )

  app.get(
    '/promotions/:ref',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: 'A promotion with its use: orders and discount given',
        params: Ref,
        response: { 200: PromotionDetail, ...errorResponses },
      },
    },
    async (req) => getPromotion(app.db, req.params.ref),
  )

  app.patch(
    '/promotions/:ref',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Rename, reschedule, reprioritise, stop or restart a promotion, or change its total limit',
        params: Ref,
        body: ChangePromotionBody,
        response: { 200: PromotionDetail, ...errorResponses },
      },
    },
    async (req) => changePromotion(app.db, req.params.ref, req.body, req.actor),
  )
}
