import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { createPriceList, listPriceLists } from '../channels/index.ts'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders, toPage } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import { listPrices, setPrices } from './list-prices.service.ts'
import {
  CreatePriceListBody,
  ListPriceListsQuery,
  ListPricesQuery,
  PriceList,
  PriceListPage,
  PricePage,
  Ref,
  SetPricesBody,
  SetPricesResponse,
} from './price-lists.contract.ts'
import { priceView, toDto } from './price-lists.view.ts'

const tags = ['channels']

export const priceListsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/price-lists',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Create a price list (tarif), shared by the channels that sell at the same prices',
        headers: IdempotencyHeaders,
        body: CreatePriceListBody,
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
        querystring: ListPriceListsQuery,
        response: { 200: PriceListPage, ...errorResponses },
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
        body: SetPricesBody,
        response: { 200: SetPricesResponse, ...errorResponses },
      },
    },
    async (req) => setPrices(app.db, req.params.ref, req.body.prices, req.actor),
  )

  app.get(
    '/price-lists/:ref/prices',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'Prices TTC of a list, by SKU',
        params: Ref,
        querystring: ListPricesQuery,
        response: { 200: PricePage, ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const { prices } = await listPrices(app.db, req.params.ref, req.query.sku, limit, req.query.cursor)
      return toPage(prices.map(priceView), limit, (p) => p.sku)
    },
  )
}
