import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errorResponses, toPage } from '../http/schemas.ts'
import type { Role } from '../shared/actor.ts'
import {
  ListPriceMaximumsQuery,
  ListStorePricesQuery,
  OwnPricePage,
  OwnPricesParams,
  PriceMaximumPage,
  PutPriceMaximumsBody,
  PutPriceMaximumsResponse,
  PutStorePriceBody,
  StorePrice,
  StorePricePage,
  StorePriceParams,
  StorePriceSkuParams,
} from './store-prices.contract.ts'
import {
  getStorePrice,
  listPriceMaximums,
  listStorePrices,
  ownPricesOf,
  putPriceMaximums,
  removeStorePrice,
  setStorePrice,
} from './store-prices.service.ts'

const tags = ['franchise']
/** A franchisee prices its own stores; head office reads and may correct them on its behalf. */
const pricers: Role[] = ['admin', 'franchisee']

export const storePricesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/franchisees/:id/stores/:location_id/prices',
    {
      config: { roles: pricers },
      schema: {
        tags,
        summary: "A franchised store's prices: the brand's recommendation and maximum beside the store's own",
        description:
          'The recommendation is what the brand would sell at in that store (its cluster price list in the store ' +
          "channel, else the channel's list). A franchisee key reads its own stores only (another's answers 404).",
        params: StorePriceParams,
        querystring: ListStorePricesQuery,
        response: { 200: StorePricePage, ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const found = await listStorePrices(app.db, req.actor, req.params.id, req.params.location_id, {
        limit,
        cursor: req.query.cursor,
        q: req.query.q,
        own: req.query.own,
      })
      return toPage(found, limit, (p) => p.sku)
    },
  )

  app.get(
    '/franchisees/:id/stores/:location_id/prices/:sku',
    {
      config: { roles: pricers },
      schema: {
        tags,
        summary: "One SKU's price at a franchised store: recommended, maximum, own",
        params: StorePriceSkuParams,
        response: { 200: StorePrice, ...errorResponses },
      },
    },
    async (req) => getStorePrice(app.db, req.actor, req.params.id, req.params.location_id, req.params.sku),
  )

  app.put(
    '/franchisees/:id/stores/:location_id/prices/:sku',
    {
      config: { roles: pricers },
      schema: {
        tags,
        summary:
          "Set a franchised store's own price of a SKU (its till and the orders collected there sell at it)",
        description:
          'Below the recommendation is allowed; above the brand’s maximum answers 422 `price_above_maximum` with ' +
          '`max_cents`. Records `price.store_changed` in the same transaction.',
        params: StorePriceSkuParams,
        body: PutStorePriceBody,
        response: { 200: StorePrice, ...errorResponses },
      },
    },
    async (req) =>
      setStorePrice(
        app.db,
        req.actor,
        req.params.id,
        req.params.location_id,
        req.params.sku,
        req.body.amount_cents,
      ),
  )

  app.delete(
    '/franchisees/:id/stores/:location_id/prices/:sku',
    {
      config: { roles: pricers },
      schema: {
        tags,
        summary: "Remove a franchised store's own price of a SKU: it sells at the recommendation again",
        params: StorePriceSkuParams,
        response: { 200: StorePrice, ...errorResponses },
      },
    },
    async (req) => removeStorePrice(app.db, req.actor, req.params.id, req.params.location_id, req.params.sku),
  )

  app.get(
    '/stores/:location_id/own-prices',
    {
      config: { roles: ['admin', 'store_staff', 'franchisee'] },
      schema: {
        tags,
        summary: "A store's own prices set by its franchisee (none for an owned store), for its till offline",
        description:
          "The store's staff, its franchisee and head office read them; another store's or franchisee's key is answered 404.",
        params: OwnPricesParams,
        querystring: ListPriceMaximumsQuery,
        response: { 200: OwnPricePage, ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const found = await ownPricesOf(app.db, req.actor, req.params.location_id, limit, req.query.cursor)
      return toPage(found, limit, (p) => p.sku)
    },
  )

  app.get(
    '/franchise/price-maximums',
    {
      config: { roles: pricers },
      schema: {
        tags,
        summary: "The brand's maximum resale prices in its franchised stores, by SKU",
        querystring: ListPriceMaximumsQuery,
        response: { 200: PriceMaximumPage, ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      return toPage(await listPriceMaximums(app.db, limit, req.query.cursor), limit, (m) => m.sku)
    },
  )

  app.put(
    '/franchise/price-maximums',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary:
          "Set or remove the brand's maximum resale prices (a franchisor may cap prices, never impose them)",
        description:
          "A franchised store's own price above a new maximum is lowered to it in the same transaction " +
          '(listed in `lowered`, each with its `price.store_changed`).',
        body: PutPriceMaximumsBody,
        response: { 200: PutPriceMaximumsResponse, ...errorResponses },
      },
    },
    async (req) => putPriceMaximums(app.db, req.actor, req.body.maximums),
  )
}
