import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errorResponses, toPage } from '../http/schemas.ts'
import { forbidden } from '../shared/errors.ts'
import {
  approveProposal,
  editProposalLine,
  getProposal,
  listPolicies,
  listProposals,
  putPolicies,
  putStoreSupply,
  putWarehouseSupply,
  runReplenishment,
} from './replenishment.service.ts'
import {
  EditLineBody,
  LocationParams,
  PoliciesBody,
  PoliciesResponse,
  PolicyPage,
  PolicyQuery,
  Proposal,
  ProposalLineParams,
  ProposalPage,
  ProposalParams,
  ProposalQuery,
  RunBody,
  RunResponse,
  StoreSupply,
  StoreSupplyBody,
  WarehouseSupply,
  WarehouseSupplyBody,
} from './supply.contract.ts'

const tags = ['replenishment']
const admin = ['admin' as const]
const stores = ['admin' as const, 'store_staff' as const]

/** Store replenishment (réassort): policies, the daily proposal, its review and approval into transfers. */
export const replenishmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/replenishment/stores/:location_id',
    {
      config: { roles: admin, refs: { 'params.location_id': 'location', 'body.warehouse_id': 'location' } },
      schema: {
        tags,
        summary: 'How a store is fed: its warehouse, delivery weekdays, lead time and truck size',
        params: LocationParams,
        body: StoreSupplyBody,
        response: { 200: StoreSupply, ...errorResponses },
      },
    },
    async (req) => putStoreSupply(app.db, req.params.location_id, req.body),
  )

  app.put(
    '/replenishment/warehouses/:location_id',
    {
      config: { roles: admin, refs: { 'params.location_id': 'location' } },
      schema: {
        tags,
        summary: 'What a warehouse keeps for the web before feeding stores, and the cover it buys for',
        params: LocationParams,
        body: WarehouseSupplyBody,
        response: { 200: WarehouseSupply, ...errorResponses },
      },
    },
    async (req) => putWarehouseSupply(app.db, req.params.location_id, req.body),
  )

  app.put(
    '/replenishment/stores/:location_id/policies',
    {
      config: { roles: stores, refs: { 'params.location_id': 'location' } },
      schema: {
        tags,
        summary:
          'Set a store’s replenishment policies (min/max or days of cover), up to 5,000 SKUs at a time',
        params: LocationParams,
        body: PoliciesBody,
        response: { 200: PoliciesResponse, ...errorResponses },
      },
    },
    async (req) => putPolicies(app.db, req.actor, req.params.location_id, req.body.policies),
  )

  app.get(
    '/replenishment/stores/:location_id/policies',
    {
      config: { roles: stores, refs: { 'params.location_id': 'location' } },
      schema: {
        tags,
        summary: 'A store’s policies by SKU',
        params: LocationParams,
        querystring: PolicyQuery,
        response: { 200: PolicyPage, ...errorResponses },
      },
    },
    async (req) => {
      const { cursor, limit = 50 } = req.query
      return toPage(
        await listPolicies(app.db, req.actor, req.params.location_id, limit, cursor),
        limit,
        (p) => p.sku,
      )
    },
  )

  app.post(
    '/replenishment/runs',
    {
      config: { roles: admin, refs: { 'body.warehouse_id': 'location' } },
      schema: {
        tags,
        summary: 'Propose the day’s replenishment now (the daily job does it after midnight)',
        description:
          'Replaces the day’s proposals that are not approved yet; an approved proposal is kept and its store skipped.',
        body: RunBody,
        response: { 200: RunResponse, ...errorResponses },
      },
    },
    async (req) => runReplenishment(app.db, { date: req.body.date, warehouseId: req.body.warehouse_id }),
  )

  app.get(
    '/replenishment/proposals',
    {
      config: { roles: stores, refs: { 'query.location_id': 'location' } },
      schema: {
        tags,
        summary: 'Replenishment proposals, newest first (a store key sees its own)',
        querystring: ProposalQuery,
        response: { 200: ProposalPage, ...errorResponses },
      },
    },
    async (req) => {
      const { cursor, limit = 50, ...filter } = req.query
      return toPage(await listProposals(app.db, req.actor, filter, limit, cursor), limit, (p) => p.id)
    },
  )

  app.get(
    '/replenishment/proposals/:id',
    {
      config: { roles: stores },
      schema: {
        tags,
        summary:
          'A proposal with each line explained (velocity, cover, on hand, in transit, open orders, share)',
        params: ProposalParams,
        response: { 200: Proposal, ...errorResponses },
      },
    },
    async (req) => getProposal(app.db, req.actor, req.params.id),
  )

  app.put(
    '/replenishment/proposals/:id/lines/:sku',
    {
      config: { roles: stores },
      schema: {
        tags,
        summary: 'Review: change what a line sends',
        params: ProposalLineParams,
        body: EditLineBody,
        response: { 200: Proposal, ...errorResponses },
      },
    },
    async (req) => editProposalLine(app.db, req.actor, req.params.id, req.params.sku, req.body.quantity),
  )

  app.post(
    '/replenishment/proposals/:id/approve',
    {
      config: { roles: stores },
      schema: {
        tags,
        summary: 'Approve: one transfer per truck leaves the warehouse for the delivery day',
        description: 'Approving again answers the same transfers and sends nothing more.',
        params: ProposalParams,
        response: { 200: Proposal, ...errorResponses },
      },
    },
    async (req) => {
      if (req.actor.role !== 'admin' && req.actor.role !== 'store_staff')
        throw forbidden('Stores and head office approve.')
      return approveProposal(app.db, req.actor, req.params.id)
    },
  )
}
