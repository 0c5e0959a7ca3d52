import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errorResponses, toPage } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import { importObservedPrices, observedPrices, recordObservedPrices } from './competitors.service.ts'
import {
  Category,
  DeletePolicyResponse,
  ImportObservationsBody,
  ListCostsQuery,
  ListCostsResponse,
  ListObservationsQuery,
  ListObservationsResponse,
  ListPoliciesResponse,
  Policy,
  PutPricePolicyBody,
  RecordObservationsBody,
  RecordObservationsResponse,
  SetCostsBody,
  SetCostsResponse,
} from './offer.contract.ts'
import {
  costs,
  deletePolicy,
  getPolicy,
  listPolicies,
  putPricePolicy,
  setCosts,
} from './price-policies.service.ts'
import { pricesRoutes } from './prices.routes.ts'

const tags = ['offer']

/** The coherent offer: policies, costs, competitor prices, guarded price changes and the report. */
export const offerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: 64 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  )

  app.get(
    '/offer/policies',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'The coherence policies, per category',
        response: { 200: ListPoliciesResponse, ...errorResponses },
      },
    },
    async () => ({ data: await listPolicies(app.db) }),
  )

  app.get(
    '/offer/policies/:category',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'The coherence policy of a category',
        params: Category,
        response: { 200: Policy, ...errorResponses },
      },
    },
    async (req) => getPolicy(app.db, req.params.category),
  )

  app.put(
    '/offer/policies/:category',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary:
          'Set the coherence policy of a category: spread, direction, floor, price points, competitor threshold',
        description: 'Replaces the previous policy. Every rule left out or null is not checked.',
        params: Category,
        body: PutPricePolicyBody,
        response: { 200: Policy, ...errorResponses },
      },
    },
    async (req) => putPricePolicy(app.db, req.params.category, req.body),
  )

  app.delete(
    '/offer/policies/:category',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Stop policing the prices of a category',
        params: Category,
        response: { 204: DeletePolicyResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      await deletePolicy(app.db, req.params.category)
      return reply.status(204).send(null)
    },
  )

  app.put(
    '/offer/costs',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Set what SKUs cost (the base of the coherence floor), up to 5,000 at once',
        description: 'All or nothing: an unknown SKU answers 422 `unknown_sku` naming it (`costs/12/sku`).',
        body: SetCostsBody,
        response: { 200: SetCostsResponse, ...errorResponses },
      },
    },
    async (req) => setCosts(app.db, req.body.costs),
  )

  app.get(
    '/offer/costs',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'What SKUs cost, by SKU',
        querystring: ListCostsQuery,
        response: {
          200: ListCostsResponse,
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      return toPage(await costs(app.db, req.query.sku, limit, req.query.cursor), limit, (c) => c.sku)
    },
  )

  app.post(
    '/offer/competitor-prices',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Record competitor prices seen by hand (a store visit, a comparison site)',
        description:
          'All or nothing: an unknown SKU or channel answers 400 naming it (`observations/3/sku`).',
        body: RecordObservationsBody,
        response: { 201: RecordObservationsResponse, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await recordObservedPrices(app.db, req.body)),
  )

  app.post(
    '/offer/competitor-prices/import',
    {
      config: { roles: ['admin'] },
      bodyLimit: 64 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import competitor prices from a CSV file (Content-Type: text/csv)',
        description:
          'Header row with competitor, sku, channel (id or code), price (euros: 12.99 or 12,99), observed_at ' +
          '(2025-03-01 or an ISO date-time) and optionally source; comma or semicolon separated. All or nothing: ' +
          'the first bad row answers 400 with `details.row` (the header is row 1) and `details.column`.',
        body: ImportObservationsBody,
        response: { 201: RecordObservationsResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const progress = (done: number, total: number) =>
        req.log.info({ done, total }, 'competitor prices imported')
      return reply.status(201).send(await importObservedPrices(app.db, req.body, progress))
    },
  )

  app.get(
    '/offer/competitor-prices',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Competitor prices observed, newest first',
        querystring: ListObservationsQuery,
        response: {
          200: ListObservationsResponse,
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const { limit = 50, ...query } = req.query
      return toPage(await observedPrices(app.db, { ...query, limit }), limit, (o) => o.id)
    },
  )

  await app.register(pricesRoutes)
}
