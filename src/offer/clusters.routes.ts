import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errorResponses } from '../http/schemas.ts'
import { staffRoles } from '../shared/actor.ts'
import {
  ClusterList,
  DeleteClusterPriceListParams,
  DeleteListingRuleQuery,
  DeleteListingRuleResponse,
  ListClusterPriceListsResponse,
  ListListingRulesQuery,
  ListListingRulesResponse,
  PutClusterPriceListBody,
  PutListingRuleBody,
  Rule,
} from './clusters.contract.ts'
import {
  deleteClusterPriceList,
  deleteListingRule,
  listClusterPriceLists,
  listListingRules,
  putClusterPriceList,
  putListingRule,
} from './clusters.service.ts'

const tags = ['offer']

export const clustersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/offer/cluster-listings',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: 'What the stores of each cluster carry or not: rules on categories and products',
        querystring: ListListingRulesQuery,
        response: { 200: ListListingRulesResponse, ...errorResponses },
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
        body: PutListingRuleBody,
        response: { 200: Rule, ...errorResponses },
      },
    },
    async (req) => putListingRule(app.db, req.body, req.actor.keyId),
  )

  app.delete(
    '/offer/cluster-listings',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Remove a cluster’s rule: its stores carry what their channel lists',
        querystring: DeleteListingRuleQuery,
        response: { 204: DeleteListingRuleResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      await deleteListingRule(app.db, req.query)
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
        response: { 200: ListClusterPriceListsResponse, ...errorResponses },
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
        body: PutClusterPriceListBody,
        response: { 200: ClusterList, ...errorResponses },
      },
    },
    async (req) => putClusterPriceList(app.db, req.body),
  )

  app.delete(
    '/offer/cluster-price-lists/:channel/:cluster',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'The cluster’s stores sell at the channel’s prices again',
        params: DeleteClusterPriceListParams,
        response: { 204: DeleteListingRuleResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      await deleteClusterPriceList(app.db, req.params.channel, req.params.cluster)
      reply.status(204)
      return null
    },
  )
}
