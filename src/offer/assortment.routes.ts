import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { errorResponses, PageQuery } from '../http/schemas.ts'
import { staffRoles } from '../shared/actor.ts'
import { assortmentStrategies, exclusionReasons } from './assortment.schema.ts'
import {
  assortmentReport,
  deleteExclusion,
  listCategoryStrategies,
  putCategoryStrategy,
  putExclusion,
  putProductStrategy,
} from './assortment.service.ts'

const tags = ['offer']
const Strategy = Type.Enum(assortmentStrategies, {
  description:
    'selective: each product in its own channels (overlaps reported); cross_channel: everywhere, exclusions justified.',
})
const Strategies = Type.Object({
  data: Type.Array(
    Type.Object({ category: Type.String(), strategy: Strategy, endless_aisle: Type.Boolean() }),
  ),
})

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
        params: Type.Object({ category: Type.String({ minLength: 1, maxLength: 100 }) }),
        body: Type.Object(
          {
            strategy: Strategy,
            endless_aisle: Type.Optional(
              Type.Boolean({
                description: 'A till may order an unlisted product for delivery or pickup (default true).',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Strategies, ...errorResponses },
      },
    },
    async (req) => ({
      data: await app.db.transaction((tx) =>
        putCategoryStrategy(tx, req.params.category, req.body, req.actor.keyId),
      ),
    }),
  )

  app.put(
    '/offer/products/:product/assortment-strategy',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Give a product another strategy than its category’s (null: back to the category’s)',
        params: Type.Object({
          product: Type.String({ minLength: 1, maxLength: 64, description: 'Id or code.' }),
        }),
        body: Type.Object({ strategy: Type.Union([Strategy, Type.Null()]) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ product_id: Type.String(), strategy: Type.Union([Strategy, Type.Null()]) }),
          ...errorResponses,
        },
      },
    },
    async (req) =>
      app.db.transaction((tx) =>
        putProductStrategy(tx, req.params.product, req.body.strategy, req.actor.keyId),
      ),
  )

  app.put(
    '/offer/assortment-exclusions',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Justify why a product is not sold in a channel (a cross-channel exclusion with its reason)',
        body: Type.Object(
          {
            channel: Type.String({ minLength: 1, maxLength: 64, description: 'Channel id or code.' }),
            product: Type.String({ minLength: 1, maxLength: 64, description: 'Product id or code.' }),
            reason: Type.Enum(exclusionReasons),
            note: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            channel_id: Type.String(),
            product_id: Type.String(),
            reason: Type.String(),
            note: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => app.db.transaction((tx) => putExclusion(tx, req.body, req.actor.keyId)),
  )

  app.delete(
    '/offer/assortment-exclusions/:channel/:product',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Withdraw an exclusion’s justification',
        params: Type.Object({
          channel: Type.String({ maxLength: 64 }),
          product: Type.String({ maxLength: 64 }),
        }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await app.db.transaction((tx) => deleteExclusion(tx, req.params.channel, req.params.product))
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
        querystring: Type.Object(PageQuery),
        response: {
          200: Type.Object({
            data: Type.Array(
              Type.Object({
                rule: Type.Enum(['overlap', 'unjustified_exclusion']),
                product_id: Type.String(),
                code: Type.String(),
                category: Type.String(),
                channels: Type.Array(Type.String(), {
                  description: 'overlap: the channels listing it; unjustified_exclusion: those missing it.',
                }),
              }),
            ),
            next_cursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => assortmentReport(app.db, req.query.limit ?? 50, req.query.cursor),
  )
}
