import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { getChannel } from '../channels/index.ts'
import { errorResponses, toPage } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import { forbidden } from '../shared/errors.ts'
import {
  ChangeAssortmentBody,
  ChangeAssortmentResponse,
  ListAssortmentQuery,
  ListAssortmentResponse,
  Ref,
} from './listings.contract.ts'
import { changeAssortment, listAssortment } from './listings.service.ts'

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
      const { actor, params, query } = req
      if (actor.role === 'channel' && (await getChannel(app.db, params.ref)).id !== actor.channelId) {
        throw forbidden('A channel key reads the assortment of its own channel only.')
      }
      const limit = query.limit ?? 50
      const list = await listAssortment(app.db, params.ref, limit, query.cursor)
      return toPage(
        list.map((p) => ({ product_id: p.productId, product_code: p.productCode })),
        limit,
        (p) => p.product_id,
      )
    },
  )
}
