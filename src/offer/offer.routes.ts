import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errorResponses, toPage } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import { AppError } from '../shared/errors.ts'
import { readObservations } from './competitor-csv.domain.ts'
import { listObservations, recordObservations } from './competitors.service.ts'
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
import { channelRefs } from './offer.store.ts'
import {
  deletePolicy,
  getPolicy,
  listCosts,
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
      const found = await listCosts(app.db, req.query.sku, limit, req.query.cursor)
      return toPage(
        found.map((c) => ({ ...c, updated_at: new Date(c.updated_at).toISOString() })),
        limit,
        (c) => c.sku,
      )
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
    async (req, reply) => {
      const observations = req.body.observations.map((o) => ({
        competitor: o.competitor,
        sku: o.sku,
        channel: o.channel,
        priceCents: o.price_cents,
        observedAt: new Date(o.observed_at),
        source: o.source ?? '',
      }))
      const result = await recordObservations(app.db, observations, (i, column) => ({
        field: `observations/${i}/${column}`,
        details: {},
      }))
      return reply.status(201).send(result)
    },
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
      const read = readObservations(req.body, new Date())
      if (!read.ok) {
        const { row, column, message } = read.error
        throw new AppError(400, 'invalid_input', `row ${row}, column ${column}: ${message}`, {
          field: `rows/${row}/${column}`,
          row,
          column,
        })
      }
      // A data row's number in the file: the header is row 1 and blank lines are skipped when read.
      const result = await recordObservations(
        app.db,
        read.observations,
        (i, column) => ({
          field: `rows/${read.rows[i]}/${column}`,
          details: { row: read.rows[i], column },
        }),
        (done, total) => req.log.info({ done, total }, 'competitor prices imported'),
      )
      return reply.status(201).send(result)
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
      const limit = req.query.limit ?? 50
      const channels = await channelRefs(app.db)
      const channel = req.query.channel
        ? channels.find((c) => c.id === req.query.channel || c.code === req.query.channel)
        : undefined
      const found = await listObservations(app.db, {
        sku: req.query.sku,
        channelId: req.query.channel ? (channel?.id ?? req.query.channel) : undefined,
        limit,
        cursor: req.query.cursor,
      })
      const code = new Map(channels.map((c) => [c.id, c.code]))
      return toPage(
        found.map((o) => ({
          ...o,
          channel: code.get(o.channel_id) ?? o.channel_id,
          observed_at: new Date(o.observed_at).toISOString(),
        })),
        limit,
        (o) => o.id,
      )
    },
  )

  await app.register(pricesRoutes)
}
