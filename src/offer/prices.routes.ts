import { Readable } from 'node:stream'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders, toPage } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import { explainPrice, pricesOn, resolveBasket } from './explain.service.ts'
import {
  ApplySuggestionsBody,
  ApplySuggestionsResponse,
  ChangePage,
  ChangePricesBody,
  ChangePricesResponse,
  CoherenceReportQuery,
  CoherenceReportResponse,
  ExplainPriceQuery,
  ExplainPriceResponse,
  PriceHistoryQuery,
  PricesAtQuery,
  PricesAtResponse,
  ResolveBasketBody,
  ResolveBasketResponse,
  SkuParam,
} from './prices.contract.ts'
import { changePrices, priceHistoryOf } from './prices.service.ts'
import { applySuggestions, reportPage, wholeReport } from './report.service.ts'
import { coherenceReportCsv } from './report.view.ts'

const tags = ['offer']

export const pricesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/offer/price-changes',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Change prices now or from a future instant, guarded by the coherence policy',
        description:
          'Each change names a price list (id or code), a SKU and its new price TTC. Changes of one SKU in several ' +
          'lists are checked together against the other channels’ prices in force at `valid_from`. A change that ' +
          'breaks its category’s policy is refused with 422 `price_incoherent` and `details.violations` (each rule ' +
          'with its channels and numbers), unless `force.reason` is given: the change is then kept in the history ' +
          'with its reason and the violations it carried. A future `valid_from` schedules the change; the sweeper ' +
          'makes it the current price when due.',
        headers: IdempotencyHeaders,
        body: ChangePricesBody,
        response: {
          201: ChangePricesResponse,
          ...errorResponses,
        },
      },
    },
    async (req, reply) => idempotentCreate(req, reply, (tx) => changePrices(tx, req.actor, req.body)),
  )

  app.post(
    '/offer/prices/resolve',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'The prices in force of a basket’s SKUs in a channel, at an instant (now by default)',
        description:
          'Answered from the price book held in memory by the server (prices and their history, read again ' +
          'when they change, within a second across servers): a web shop or till prices a basket in microseconds.',
        body: ResolveBasketBody,
        response: {
          200: ResolveBasketResponse,
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const at = req.body.at ? new Date(req.body.at) : new Date()
      return resolveBasket(app.db, req.actor, req.body.channel, req.body.skus, at, req.body.store)
    },
  )

  app.get(
    '/offer/prices/:sku',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'The prices of a SKU in force at an instant (now by default), per price list',
        params: SkuParam,
        querystring: PricesAtQuery,
        response: {
          200: PricesAtResponse,
          ...errorResponses,
        },
      },
    },
    async (req) => pricesOn(app.db, req.params.sku, req.query.at),
  )

  app.get(
    '/offer/prices/:sku/history',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'Every price change of a SKU (who, when, why), newest first, scheduled ones included',
        params: SkuParam,
        querystring: PriceHistoryQuery,
        response: { 200: ChangePage, ...errorResponses },
      },
    },
    async (req) => {
      const { limit = 50, price_list: priceList, cursor } = req.query
      return toPage(
        await priceHistoryOf(app.db, req.params.sku, { priceList, limit, cursor }),
        limit,
        (c) => c.id,
      )
    },
  )

  app.get(
    '/offer/prices/:sku/explanation',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary:
          'Why a SKU costs what it costs in a channel: list, since when, previous price, policy, competitors',
        params: SkuParam,
        querystring: ExplainPriceQuery,
        response: {
          200: ExplainPriceResponse,
          ...errorResponses,
        },
      },
    },
    async (req) => explainPrice(app.db, req.params.sku, req.query.channel),
  )

  app.get(
    '/offer/coherence-report',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary:
          'SKUs whose channel prices break their category policy, with suggested prices that satisfy it',
        description:
          'Suggestions are the prices closest to today’s (least total change) that satisfy every rule, computed by an ' +
          'exact search over price points (HiGHS for policies too wide to walk); `feasible: false` says when no price set satisfies the policy. JSON is paged by SKU; ' +
          '`format=csv` streams the whole report.',
        querystring: CoherenceReportQuery,
        response: {
          200: CoherenceReportResponse,
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      if (req.query.format !== 'csv') return reportPage(app.db, req.query.limit ?? 50, req.query.cursor)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="coherence-report.csv"')
        .send(Readable.from(coherenceReportCsv(wholeReport(app.db))))
    },
  )

  app.post(
    '/offer/coherence-report/apply',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary:
          'Apply the suggested prices (all, or of some SKUs) in one transaction, as coherence corrections',
        body: ApplySuggestionsBody,
        response: {
          200: ApplySuggestionsResponse,
          ...errorResponses,
        },
      },
    },
    async (req) => applySuggestions(app.db, req.actor, req.body.skus),
  )
}
