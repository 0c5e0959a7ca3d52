import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders, toPage } from '../http/schemas.ts'
import type { Role } from '../shared/actor.ts'
import {
  assignStore,
  createFranchisee,
  createPlan,
  getAttribution,
  getFranchisee,
  getPolicy,
  listAttributions,
  listFranchisees,
  listPlans,
  putPolicy,
} from './contracts.service.ts'
import {
  AssignStoreBody,
  AssignStoreParams,
  Attribution,
  AttributionPage,
  CreateFranchiseeBody,
  CreatePlanBody,
  Franchisee,
  FranchiseePage,
  FranchiseeParams,
  GetAttributionParams,
  Lang,
  ListAttributionsQuery,
  ListFranchiseesQuery,
  ListStatementsResponse,
  PeriodParams,
  Plan,
  PlanPage,
  Policy,
  PutPolicyBody,
  Statement,
} from './franchise.contract.ts'
import { statementCsvFile, statementPage } from './statement-files.service.ts'
import { closeStatement, getStatement, listStatements } from './statements.service.ts'

const tags = ['franchise']
/** Head office runs the contracts; a franchisee key reads its own statements and attributed orders. */
const readers: Role[] = ['admin', 'franchisee']

export const franchiseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/franchisees',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Create a franchisee (the company running franchised stores under contract)',
        headers: IdempotencyHeaders,
        body: CreateFranchiseeBody,
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
        querystring: ListFranchiseesQuery,
        response: { 200: FranchiseePage, ...errorResponses },
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
    async (req) => getFranchisee(app.db, req.actor, req.params.id),
  )

  app.put(
    '/franchisees/:id/stores/:location_id',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: "Put a franchised store under the franchisee's contract, with its catchment area",
        params: AssignStoreParams,
        body: AssignStoreBody,
        response: { 200: Franchisee, ...errorResponses },
      },
    },
    async (req) => assignStore(app.db, req.actor, req.params.id, req.params.location_id, req.body.catchment),
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
        body: CreatePlanBody,
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
        querystring: ListFranchiseesQuery,
        response: { 200: PlanPage, ...errorResponses },
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
        body: PutPolicyBody,
        response: { 200: Policy, ...errorResponses },
      },
    },
    async (req) => putPolicy(app.db, req.body.rules, req.body.nearest_max_km ?? 50),
  )

  app.get(
    '/franchise/attributions',
    {
      config: { roles: readers },
      schema: {
        tags,
        summary:
          'Orders attributed to franchised stores, with the rule that fired (a franchisee key: its own)',
        querystring: ListAttributionsQuery,
        response: { 200: AttributionPage, ...errorResponses },
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
        params: GetAttributionParams,
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
        querystring: ListFranchiseesQuery,
        response: {
          200: ListStatementsResponse,
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
      const { id, period } = req.params
      const file = await statementCsvFile(app.db, req.actor, id, period, req.query.lang ?? 'fr')
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.csv)
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
      const { id, period } = req.params
      const page = await statementPage(app.db, req.actor, id, period, req.query.lang ?? 'fr')
      return reply.type('text/html; charset=utf-8').send(page)
    },
  )
}
