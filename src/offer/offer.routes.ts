import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { errorResponses, Nullable, Page, PageQuery, toPage } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import { fail } from '../shared/common.errors.ts'
import { readObservations } from './competitor-csv.domain.ts'
import { listObservations, recordObservations } from './competitors.service.ts'
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
const Sku = Type.String({ minLength: 1, maxLength: 64 })
const Category = Type.Object({ category: Type.String({ minLength: 1, maxLength: 100 }) })
const NullableNumber = (o: { minimum: number; maximum: number; description: string }) =>
  Nullable(Type.Number({ ...o, multipleOf: 0.01 }))

const Direction = Type.Object(
  {
    cheaper: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'Channel (id or code) never dearer than…',
    }),
    dearer: Type.String({ minLength: 1, maxLength: 64, description: '…this channel.' }),
  },
  { additionalProperties: false },
)
const policyFields = {
  max_spread_pct: NullableNumber({
    minimum: 0,
    maximum: 1000,
    description: 'Highest channel price at most this % above the lowest (of the lower price).',
  }),
  max_spread_cents: Nullable(
    Type.Integer({
      minimum: 0,
      maximum: 100_000_000,
      description:
        'Highest channel price at most this many cents above the lowest. Both spreads hold when both are set.',
    }),
  ),
  direction: Type.Array(Direction, { maxItems: 30, description: 'e.g. web never dearer than stores.' }),
  min_margin_pct: NullableNumber({
    minimum: 0,
    maximum: 1000,
    description: 'Floor: never below cost × (1 + this %). SKUs without a cost have no floor.',
  }),
  price_endings: Type.Union([
    Type.Null(),
    Type.Array(Type.Integer({ minimum: 0, maximum: 99 }), {
      minItems: 1,
      maxItems: 100,
      description: 'Allowed endings in cents, e.g. [99, 95, 0] for x.99, x.95 and whole euros.',
    }),
  ]),
  competitor: Type.Union([
    Type.Null(),
    Type.Object(
      {
        max_above_pct: Type.Number({ minimum: 0, maximum: 1000, multipleOf: 0.01 }),
        window_days: Type.Optional(
          Type.Integer({ minimum: 1, maximum: 365, description: '30 when left out.' }),
        ),
      },
      {
        additionalProperties: false,
        description:
          'A channel’s price at most max_above_pct above the cheapest competitor observed in that channel in the last window_days.',
      },
    ),
  ]),
}
const Policy = Type.Object({
  category: Type.String(),
  ...policyFields,
  competitor: Type.Union([
    Type.Null(),
    Type.Object({ max_above_pct: Type.Number(), window_days: Type.Integer() }),
  ]),
})

const Observation = Type.Object({
  competitor: Type.String({ minLength: 1, maxLength: 200 }),
  sku: Sku,
  channel: Type.String({ minLength: 1, maxLength: 64, description: 'Channel id or code.' }),
  price_cents: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
  observed_at: Type.String({ format: 'date-time' }),
  source: Type.Optional(
    Type.String({ maxLength: 200, description: 'Where it was seen (URL, store visit…).' }),
  ),
})

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
        response: { 200: Type.Object({ data: Type.Array(Policy) }), ...errorResponses },
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
        body: Type.Object(
          {
            max_spread_pct: Type.Optional(policyFields.max_spread_pct),
            max_spread_cents: Type.Optional(policyFields.max_spread_cents),
            direction: Type.Optional(policyFields.direction),
            min_margin_pct: Type.Optional(policyFields.min_margin_pct),
            price_endings: Type.Optional(policyFields.price_endings),
            competitor: Type.Optional(policyFields.competitor),
          },
          { additionalProperties: false },
        ),
        response: { 200: Policy, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => putPricePolicy(tx, req.params.category, req.body)),
  )

  app.delete(
    '/offer/policies/:category',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Stop policing the prices of a category',
        params: Category,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await app.db.transaction((tx) => deletePolicy(tx, req.params.category))
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
        body: Type.Object(
          {
            costs: Type.Array(
              Type.Object(
                { sku: Sku, cost_cents: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }) },
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
    async (req) => app.db.transaction((tx) => setCosts(tx, req.body.costs)),
  )

  app.get(
    '/offer/costs',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'What SKUs cost, by SKU',
        querystring: Type.Object({ sku: Type.Optional(Type.Array(Sku, { maxItems: 200 })), ...PageQuery }),
        response: {
          200: Page(
            Type.Object({
              sku: Type.String(),
              cost_cents: Type.Integer(),
              updated_at: Type.String({ format: 'date-time' }),
            }),
          ),
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
        body: Type.Object(
          { observations: Type.Array(Observation, { minItems: 1, maxItems: 5000 }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ imported: Type.Integer() }), ...errorResponses },
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
      const result = await app.db.transaction((tx) =>
        recordObservations(tx, observations, (i, column) => ({
          field: `observations/${i}/${column}`,
          details: {},
        })),
      )
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
        body: Type.String({ description: 'The CSV file.' }),
        response: { 201: Type.Object({ imported: Type.Integer() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const read = readObservations(req.body, new Date())
      if (!read.ok) {
        const { row, column, message } = read.error
        throw fail('invalid_input', `row ${row}, column ${column}: ${message}`, {
          field: `rows/${row}/${column}`,
          row,
          column,
        })
      }
      // A data row's number in the file: the header is row 1 and blank lines are skipped when read.
      const result = await app.db.transaction((tx) =>
        recordObservations(
          tx,
          read.observations,
          (i, column) => ({
            field: `rows/${read.rows[i]}/${column}`,
            details: { row: read.rows[i], column },
          }),
          (done, total) => req.log.info({ done, total }, 'competitor prices imported'),
        ),
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
        querystring: Type.Object({
          sku: Type.Optional(Sku),
          channel: Type.Optional(
            Type.String({ minLength: 1, maxLength: 64, description: 'Channel id or code.' }),
          ),
          ...PageQuery,
        }),
        response: {
          200: Page(
            Type.Object({
              id: Type.String(),
              competitor: Type.String(),
              sku: Type.String(),
              channel: Type.String(),
              price_cents: Type.Integer(),
              observed_at: Type.String({ format: 'date-time' }),
              source: Type.String(),
            }),
          ),
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
