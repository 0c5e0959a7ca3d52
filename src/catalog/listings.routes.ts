import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errorResponses, toPage } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import {
  ChangeAssortmentBody,
  ChangeAssortmentResponse,
  ListAssortmentQuery,
  ListAssortmentResponse,
  Ref,
} from './listings.contract.ts'
import { changeAssortment, channelAssortment } from './listings.service.ts'

const tags = ['channels']

/** What each channel sells: its assortment (assortiment), products listed or delisted. */
export const listingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/channels/:ref/assortment',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'List products in a channel or delist them (assortiment, distribution sélective)',
        description:
          'Products are named by id or code. All or nothing: an unknown product answers 422 ' +
          '`unknown_product` naming it (e.g. `add/3`) and changes nothing.',
        params: Ref,
        body: ChangeAssortmentBody,
        response: {
          200: ChangeAssortmentResponse,
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const result = await changeAssortment(app.db, req.params.ref, req.body)
      return { channel_id: result.channelId, listed_count: result.listedCount }
    },
  )

  app.get(
    '/channels/:ref/assortment',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'The products a channel sells',
        description: 'A channel key reads the assortment of its own channel only.',
        params: Ref,
        querystring: ListAssortmentQuery,
        response: {
          200: ListAssortmentResponse,
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const list = await channelAssortment(app.db, req.actor, req.params.ref, limit, req.query.cursor)
      return toPage(list, limit, (p) => p.product_id)
    },
  )
}
