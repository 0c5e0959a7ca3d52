import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { createPriceList, listPriceLists, type PriceListRow } from '../channels/index.ts'
import { idempotentCreate } from '../http/idempotency.ts'
import {
  CurrencyCode,
  codePattern,
  errorResponses,
  IdempotencyHeaders,
  Page,
  PageQuery,
  toPage,
} from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import { listPrices, setPrices } from './list-prices.service.ts'

const tags = ['channels']
const Ref = Type.Object({
  ref: Type.String({ minLength: 1, maxLength: 64, description: 'Price list id or code.' }),
})

const PriceList = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  currency: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
})

const Price = Type.Object({
  sku: Type.String(),
  amount_cents: Type.Integer({ description: 'Unit price including VAT (TTC), in cents.' }),
  updated_at: Type.String({ format: 'date-time' }),
})

const toDto = (p: PriceListRow) => ({
  id: p.id,
  code: p.code,
  name: p.name,
  currency: p.currency,
  created_at: p.createdAt.toISOString(),
  updated_at: p.updatedAt.toISOString(),
})

export const priceListsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/price-lists',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Create a price list (tarif), shared by the channels that sell at the same prices',
        headers: IdempotencyHeaders,
        body: Type.Object(
          {
            code: Type.String({ pattern: codePattern }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            currency: Type.Optional(CurrencyCode('ISO 4217, EUR by default.')),
          },
          { additionalProperties: false },
        ),
        response: { 201: PriceList, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, async (tx) => toDto(await createPriceList(tx, req.body))),
  )

  app.get(
    '/price-lists',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'List the price lists',
        querystring: Type.Object(PageQuery),
        response: { 200: Page(PriceList), ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const list = await listPriceLists(app.db, limit, req.query.cursor)
      return toPage(list.map(toDto), limit, (p) => p.id)
    },
  )

  app.put(
    '/price-lists/:ref/prices',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Set many prices TTC of a list at once (new tariff, price change per channel)',
        description:
          'Up to 5000 prices per call, replacing those already set. All or nothing: an unknown SKU answers ' +
          '422 `unknown_sku` naming it (e.g. `prices/12/sku`) and changes no price.',
        params: Ref,
        body: Type.Object(
          {
            prices: Type.Array(
              Type.Object(
                {
                  sku: Type.String({ minLength: 1, maxLength: 64 }),
                  amount_cents: Type.Integer({ minimum: 0, description: 'Unit price TTC in cents.' }),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 5000 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ updated: Type.Integer() }), ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => setPrices(tx, req.params.ref, req.body.prices, req.actor)),
  )

  app.get(
    '/price-lists/:ref/prices',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'Prices TTC of a list, by SKU',
        params: Ref,
        querystring: Type.Object({
          sku: Type.Optional(
            Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
              maxItems: 200,
              description: 'Only these SKUs (repeat the parameter for several).',
            }),
          ),
          ...PageQuery,
        }),
        response: { 200: Page(Price), ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const { prices } = await listPrices(app.db, req.params.ref, req.query.sku, limit, req.query.cursor)
      return toPage(
        prices.map((p) => ({
          sku: p.sku,
          amount_cents: p.amountCents,
          updated_at: p.updatedAt.toISOString(),
        })),
        limit,
        (p) => p.sku,
      )
    },
  )
}
