import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errorResponses } from '../http/schemas.ts'
import { staffRoles } from '../shared/actor.ts'
import {
  AssortmentReportQuery,
  AssortmentReportResponse,
  DeleteExclusionParams,
  DeleteExclusionResponse,
  PutCategoryStrategyBody,
  PutCategoryStrategyParams,
  PutExclusionBody,
  PutExclusionResponse,
  PutProductStrategyBody,
  PutProductStrategyParams,
  PutProductStrategyResponse,
  Strategies,
} from './assortment.contract.ts'
import {
  assortmentReport,
  deleteExclusion,
  listCategoryStrategies,
  putCategoryStrategy,
  putExclusion,
  putProductStrategy,
} from './assortment.service.ts'

const tags = ['offer']

export const assortmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/offer/assortment-strategies',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: 'Assortment strategy of each category',
        response: { 200: Strategies, ...errorResponses },
      },
    },
    async () => ({ data: await listCategoryStrategies(app.db) }),
  )

  app.put(
    '/offer/assortment-strategies/:category',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary:
          'Set a category’s assortment strategy and whether a till may order it unlisted (endless aisle)',
        params: PutCategoryStrategyParams,
        body: PutCategoryStrategyBody,
        response: { 200: Strategies, ...errorResponses },
      },
    },
    async (req) => ({
      data: await putCategoryStrategy(app.db, req.params.category, req.body, req.actor.keyId),
    }),
  )

  app.put(
    '/offer/products/:product/assortment-strategy',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Give a product another strategy than its category’s (null: back to the category’s)',
        params: PutProductStrategyParams,
        body: PutProductStrategyBody,
        response: {
          200: PutProductStrategyResponse,
          ...errorResponses,
        },
      },
    },
    async (req) => putProductStrategy(app.db, req.params.product, req.body.strategy, req.actor.keyId),
  )

  app.put(
    '/offer/assortment-exclusions',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Justify why a product is not sold in a channel (a cross-channel exclusion with its reason)',
        body: PutExclusionBody,
        response: {
          200: PutExclusionResponse,
          ...errorResponses,
        },
      },
    },
    async (req) => putExclusion(app.db, req.body, req.actor.keyId),
  )

  app.delete(
    '/offer/assortment-exclusions/:channel/:product',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Withdraw an exclusion’s justification',
        params: DeleteExclusionParams,
        response: { 204: DeleteExclusionResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      await deleteExclusion(app.db, req.params.channel, req.params.product)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/offer/assortment-report',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary:
          'Products whose listing breaks their strategy: selective overlaps, unjustified cross-channel gaps',
        querystring: AssortmentReportQuery,
        response: {
          200: AssortmentReportResponse,
          ...errorResponses,
        },
      },
    },
    async (req) => assortmentReport(app.db, req.query.limit ?? 50, req.query.cursor),
  )
}
