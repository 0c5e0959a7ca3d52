import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, Id, IdempotencyHeaders, Page, PageQuery, toPage } from '../http/schemas.ts'
import { cachedLocations } from '../network/index.ts'
import type { Role } from '../shared/actor.ts'
import { attributionRules } from './attribution.domain.ts'
import { entryKinds } from './commission.domain.ts'
import {
  assignStore,
  createFranchisee,
  createPlan,
  franchiseeView,
  getAttribution,
  getPolicy,
  listAttributions,
  listFranchisees,
  listPlans,
  putPolicy,
} from './contracts.service.ts'
import { statementCsv, statementHtml } from './statement-render.domain.ts'
import { closeStatement, franchiseeFor, getStatement, listStatements } from './statements.service.ts'

const tags = ['franchise']
/** Head office runs the contracts; a franchisee key reads its own statements and attributed orders. */
const readers: Role[] = ['admin', 'franchisee']

const Catchment = Type.Union(
  [
    Type.Object({ kind: Type.Literal('nearest') }, { additionalProperties: false }),
    Type.Object(
      {
        kind: Type.Literal('radius'),
        radius_km: Type.Number({
          // Not exclusiveMinimum: its JSON Schema form is invalid in OpenAPI 3.0; the service refuses 0.
          minimum: 0,
          maximum: 500,
          description: 'Kilometres around the store, above 0.',
        }),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        kind: Type.Literal('postcodes'),
        postcodes: Type.Array(Type.String({ pattern: '^\\s*\\d{2}\\s?\\d{3}\\s*$' }), {
          minItems: 1,
          maxItems: 2000,
        }),
      },
      { additionalProperties: false },
    ),
  ],
  {
    description:
      'The addresses the store is nearest to (`nearest`, the default), a drawn radius around it, or a list of postcodes.',
  },
)

const Franchisee = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  contract_ref: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  stores: Type.Array(Type.Object({ location_id: Type.String(), catchment: Catchment })),
})

const Plan = Type.Object({
  id: Type.String(),
  franchisee_id: Type.String(),
  location_id: Type.Union([Type.String(), Type.Null()]),
  valid_from: Type.String({ format: 'date' }),
  valid_until: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  default_rate_bp: Type.Integer(),
  category_rates_bp: Type.Record(Type.String(), Type.Integer()),
  click_collect_fee_cents: Type.Integer(),
  ship_from_store_fee_cents: Type.Integer(),
  monthly_minimum_cents: Type.Integer(),
})

const Attribution = Type.Object({
  order_id: Type.String(),
  order_number: Type.Integer(),
  channel_id: Type.String(),
  franchisee_id: Type.String(),
  location_id: Type.String({ description: 'The franchised store the sale is attributed to.' }),
  rule: Type.Enum(attributionRules, { description: 'The attribution rule that fired.' }),
  reason: Type.String({ description: 'Why, in words (distance, catchment, pickup store…).' }),
  net_cents: Type.Integer({ description: 'Net sales (VAT excluded) of the online lines.' }),
  commission_cents: Type.Integer(),
  attributed_at: Type.String({ format: 'date-time' }),
})

const Totals = Type.Object({
  sales_net_cents: Type.Integer(),
  commission_cents: Type.Integer(),
  preparation_fees_cents: Type.Integer(),
  reversals_cents: Type.Integer(),
  minimum_top_up_cents: Type.Integer(),
  total_cents: Type.Integer({
    description: 'commission + fees + reversals + top-up: due to the franchisee.',
  }),
})

const Statement = Type.Object({
  franchisee_id: Type.String(),
  period: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  statement_id: Type.Union([Type.String(), Type.Null()]),
  closed_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  totals: Totals,
  top_ups: Type.Array(Type.Object({ location_id: Type.String(), cents: Type.Integer() })),
  lines: Type.Array(
    Type.Object({
      entry_id: Type.Integer(),
      booked_period: Type.String(),
      event_at: Type.String({ format: 'date-time' }),
      kind: Type.Enum(entryKinds),
      location_id: Type.String(),
      order_id: Type.String(),
      order_number: Type.Integer(),
      order_line_id: Type.Union([Type.String(), Type.Null()]),
      category: Type.Union([Type.String(), Type.Null()]),
      quantity: Type.Integer(),
      base_cents: Type.Integer(),
      rate_bp: Type.Integer(),
      amount_cents: Type.Integer(),
      source: Type.String(),
    }),
  ),
})

const FranchiseeParams = Type.Object({ id: Id('Franchisee id or code') })
const PeriodParams = Type.Object({
  id: Id('Franchisee id or code'),
  period: Type.String({ description: 'The month, YYYY-MM (Europe/Paris).' }),
})
const Lang = Type.Object({
  lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')], { default: 'fr' })),
})

export const franchiseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/franchisees',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Create a franchisee (the company running franchised stores under contract)',
        headers: IdempotencyHeaders,
        body: Type.Object(
          {
            code: Type.String({ minLength: 1, maxLength: 64 }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            contract_ref: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Franchisee, ...errorResponses },
      },
    },
    async (req, reply) => idempotentCreate(req, reply, (tx) => createFranchisee(tx, req.body)),
  )

  app.get(
    '/franchisees',
    {
      config: { roles: readers },
      schema: {
        tags,
        summary: 'Franchisees with their stores (a franchisee key sees itself only)',
        querystring: Type.Object(PageQuery),
        response: { 200: Page(Franchisee), ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      return toPage(await listFranchisees(app.db, req.actor, limit, req.query.cursor), limit, (f) => f.id)
    },
  )

  app.get(
    '/franchisees/:id',
    {
      config: { roles: readers },
      schema: {
        tags,
        summary: 'A franchisee with its stores and their catchments',
        params: FranchiseeParams,
        response: { 200: Franchisee, ...errorResponses },
      },
    },
    async (req) => franchiseeView(app.db, (await franchiseeFor(app.db, req.actor, req.params.id)).id),
  )

  app.put(
    '/franchisees/:id/stores/:location_id',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: "Put a franchised store under the franchisee's contract, with its catchment area",
        params: Type.Object({ id: Id('Franchisee id or code'), location_id: Id('Store id or code') }),
        body: Type.Object({ catchment: Catchment }, { additionalProperties: false }),
        response: { 200: Franchisee, ...errorResponses },
      },
    },
    async (req) =>
      app.db.transaction((tx) =>
        assignStore(tx, req.actor, req.params.id, req.params.location_id, req.body.catchment),
      ),
  )

  app.post(
    '/franchisees/:id/commission-plans',
    {
      config: { roles: ['admin'], refs: { 'body.location_id': 'location' } },
      schema: {
        tags,
        summary: 'Add a commission plan to the contract, or to one of its stores, from a date',
        description:
          'Rates are in basis points of net sales excluding VAT (500 = 5 %), per category with a default; fees are per ' +
          'order prepared; the monthly minimum tops a store up on its statement. The plan in force on the day of the ' +
          "sale applies: a store's own plan before the contract's, the latest valid_from first.",
        headers: IdempotencyHeaders,
        params: FranchiseeParams,
        body: Type.Object(
          {
            location_id: Type.Optional(
              Id('A store of the franchisee (id or code): a plan for this store only.'),
            ),
            valid_from: Type.String({ format: 'date' }),
            valid_until: Type.Optional(
              Type.String({ format: 'date', description: 'First day no longer in force.' }),
            ),
            default_rate_bp: Type.Integer({ minimum: 0, maximum: 10_000 }),
            category_rates_bp: Type.Optional(
              Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 10_000 })),
            ),
            click_collect_fee_cents: Type.Optional(Type.Integer({ minimum: 0 })),
            ship_from_store_fee_cents: Type.Optional(Type.Integer({ minimum: 0 })),
            monthly_minimum_cents: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Plan, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, (tx) => createPlan(tx, req.actor, req.params.id, req.body)),
  )

  app.get(
    '/franchisees/:id/commission-plans',
    {
      config: { roles: readers },
      schema: {
        tags,
        summary: "The franchisee's commission plans",
        params: FranchiseeParams,
        querystring: Type.Object(PageQuery),
        response: { 200: Page(Plan), ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      return toPage(
        await listPlans(app.db, req.actor, req.params.id, limit, req.query.cursor),
        limit,
        (p) => p.id,
      )
    },
  )

  const Policy = Type.Object({
    rules: Type.Array(Type.Enum(attributionRules), {
      description: 'Tried in this order; the first naming a store wins.',
    }),
    nearest_max_km: Type.Number({ minimum: 0, maximum: 1000 }),
  })

  app.get(
    '/franchise/attribution-rules',
    {
      config: { roles: readers },
      schema: {
        tags,
        summary: 'The attribution rules, in order',
        response: { 200: Policy, ...errorResponses },
      },
    },
    async () => getPolicy(app.db),
  )

  app.put(
    '/franchise/attribution-rules',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Choose the attribution rules and their order',
        body: Type.Object(
          {
            rules: Type.Array(Type.String(), { minItems: 1, maxItems: 5 }),
            nearest_max_km: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Policy, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => putPolicy(tx, req.body.rules, req.body.nearest_max_km ?? 50)),
  )

  app.get(
    '/franchise/attributions',
    {
      config: { roles: readers },
      schema: {
        tags,
        summary:
          'Orders attributed to franchised stores, with the rule that fired (a franchisee key: its own)',
        querystring: Type.Object({
          ...PageQuery,
          franchisee_id: Type.Optional(Id('Franchisee id or code')),
          period: Type.Optional(
            Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'Month attributed, YYYY-MM.' }),
          ),
        }),
        response: { 200: Page(Attribution), ...errorResponses },
      },
    },
    async (req) => {
      const { limit = 50, cursor, franchisee_id, period } = req.query
      const list = await listAttributions(
        app.db,
        req.actor,
        { ...(franchisee_id ? { franchiseeId: franchisee_id } : {}), ...(period ? { period } : {}) },
        limit,
        cursor,
      )
      return toPage(list, limit, (a) => a.order_id)
    },
  )

  app.get(
    '/franchise/attributions/:order_id',
    {
      config: { roles: readers },
      schema: {
        tags,
        summary: "An order's attribution: store, rule and reason",
        params: Type.Object({ order_id: Id('Order id') }),
        response: { 200: Attribution, ...errorResponses },
      },
    },
    async (req) => getAttribution(app.db, req.actor, req.params.order_id),
  )

  app.get(
    '/franchisees/:id/statements',
    {
      config: { roles: readers },
      schema: {
        tags,
        summary: 'Months with a statement, latest first',
        params: FranchiseeParams,
        querystring: Type.Object(PageQuery),
        response: {
          200: Page(
            Type.Object({
              period: Type.String(),
              status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
              statement_id: Type.Union([Type.String(), Type.Null()]),
              total_cents: Type.Union([Type.Integer(), Type.Null()], {
                description: 'Closed statements only.',
              }),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const list = await listStatements(app.db, req.actor, req.params.id, limit, req.query.cursor)
      return toPage(list, limit, (s) => s.period)
    },
  )

  app.get(
    '/franchisees/:id/statements/:period',
    {
      config: { roles: readers },
      schema: {
        tags,
        summary:
          "A month's commission statement: lines, reversals, totals (live while open, frozen once closed)",
        params: PeriodParams,
        response: { 200: Statement, ...errorResponses },
      },
    },
    async (req) => getStatement(app.db, req.actor, req.params.id, req.params.period),
  )

  app.post(
    '/franchisees/:id/statements/:period/close',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Close a finished month: the statement is frozen; later corrections go to the next month',
        headers: IdempotencyHeaders,
        params: PeriodParams,
        response: { 201: Statement, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, (tx) => closeStatement(tx, req.actor, req.params.id, req.params.period)),
  )

  app.get(
    '/franchisees/:id/statements/:period/csv',
    {
      config: { roles: readers },
      schema: {
        tags,
        summary: 'The statement as CSV (semicolons, decimal commas: opens in a French spreadsheet)',
        params: PeriodParams,
        querystring: Lang,
        response: errorResponses,
      },
    },
    async (req, reply) => {
      const f = await franchiseeFor(app.db, req.actor, req.params.id)
      const s = await getStatement(app.db, req.actor, f.id, req.params.period)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="releve-${f.code}-${s.period}.csv"`)
        .send(statementCsv(s, f.name, req.query.lang ?? 'fr'))
    },
  )

  app.get(
    '/franchisees/:id/statements/:period/print',
    {
      config: { roles: readers },
      schema: {
        tags,
        summary: 'The statement as a printable page (French; ?lang=en for English)',
        params: PeriodParams,
        querystring: Lang,
        response: errorResponses,
      },
    },
    async (req, reply) => {
      const f = await franchiseeFor(app.db, req.actor, req.params.id)
      const s = await getStatement(app.db, req.actor, f.id, req.params.period)
      const names = new Map([...(await cachedLocations(app.db)).values()].map((l) => [l.id, l.name]))
      return reply.type('text/html; charset=utf-8').send(statementHtml(s, f, names, req.query.lang ?? 'fr'))
    },
  )
}
