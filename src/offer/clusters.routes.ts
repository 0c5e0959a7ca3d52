import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { errorResponses, Nullable } from '../http/schemas.ts'
import { staffRoles } from '../shared/actor.ts'
import {
  deleteClusterPriceList,
  deleteListingRule,
  listClusterPriceLists,
  listListingRules,
  putClusterPriceList,
  putListingRule,
} from './clusters.service.ts'

const tags = ['offer']
const Cluster = Type.String({
  minLength: 1,
  maxLength: 50,
  pattern: '^[a-z0-9_-]+$',
  description: 'Store cluster.',
})
const Rule = Type.Object({
  cluster: Type.String(),
  category: Nullable(Type.String()),
  product_id: Nullable(Type.String()),
  product_code: Nullable(Type.String()),
  listed: Type.Boolean(),
  reason: Nullable(Type.String()),
  updated_by: Nullable(Type.String()),
  updated_at: Type.String({ format: 'date-time' }),
})
const Target = {
  category: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  product: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Product id or code.' })),
}
const ClusterList = Type.Object({
  channel_id: Type.String(),
  channel: Type.String(),
  cluster: Type.String(),
  price_list_id: Type.String(),
  price_list: Type.String(),
})

export const clustersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/offer/cluster-listings',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: 'What the stores of each cluster carry or not: rules on categories and products',
        querystring: Type.Object({ cluster: Type.Optional(Cluster) }),
        response: { 200: Type.Object({ data: Type.Array(Rule) }), ...errorResponses },
      },
    },
    async (req) => ({ data: await listListingRules(app.db, req.query.cluster) }),
  )

  app.put(
    '/offer/cluster-listings',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Set whether a cluster’s stores carry a category or a product (a product rule wins)',
        description:
          'A till of a store that does not carry a product cannot sell it from the shelf (422 not_in_assortment); ' +
          'it can order it for delivery or pickup elsewhere when the category allows the endless aisle.',
        body: Type.Object(
          {
            cluster: Cluster,
            ...Target,
            listed: Type.Boolean(),
            reason: Type.Optional(
              Type.String({ minLength: 1, maxLength: 300, description: 'Required to unlist.' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Rule, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => putListingRule(tx, req.body, req.actor.keyId)),
  )

  app.delete(
    '/offer/cluster-listings',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Remove a cluster’s rule: its stores carry what their channel lists',
        querystring: Type.Object({ cluster: Cluster, ...Target }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await app.db.transaction((tx) => deleteListingRule(tx, req.query))
      reply.status(204)
      return null
    },
  )

  app.get(
    '/offer/cluster-price-lists',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: 'Price lists of store clusters per channel',
        response: { 200: Type.Object({ data: Type.Array(ClusterList) }), ...errorResponses },
      },
    },
    async () => ({ data: await listClusterPriceLists(app.db) }),
  )

  app.put(
    '/offer/cluster-price-lists',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Give a store cluster its own price list in a channel (its prices win over the channel’s)',
        body: Type.Object(
          {
            channel: Type.String({ minLength: 1, maxLength: 64 }),
            cluster: Cluster,
            price_list: Type.String({ minLength: 1, maxLength: 64, description: 'Price list id or code.' }),
          },
          { additionalProperties: false },
        ),
        response: { 200: ClusterList, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => putClusterPriceList(tx, req.body)),
  )

  app.delete(
    '/offer/cluster-price-lists/:channel/:cluster',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'The cluster’s stores sell at the channel’s prices again',
        params: Type.Object({ channel: Type.String({ minLength: 1, maxLength: 64 }), cluster: Cluster }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await app.db.transaction((tx) => deleteClusterPriceList(tx, req.params.channel, req.params.cluster))
      reply.status(204)
      return null
    },
  )
}
