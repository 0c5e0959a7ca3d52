import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders, toPage } from '../http/schemas.ts'
import { staffRoles } from '../shared/actor.ts'
import {
  Count,
  CountPage,
  CountParams,
  ListCountsQuery,
  ScanBody,
  ScanResponse,
  StartCountBody,
} from './counts.contract.ts'
import {
  approveCount,
  cancelCount,
  getCount,
  listCounts,
  scanItem,
  startCountIn,
  submitCount,
} from './counts.service.ts'

const tags = ['counts']
const roles = staffRoles

/** Stock counts (inventaire, inventaire tournant): blind counting by scanning, recounts, approval. */
export const countsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/counts',
    {
      config: { roles, refs: { 'body.location_id': 'location' } },
      schema: {
        tags,
        summary: 'Start a stock count (full, zone, category or cycle)',
        description:
          'On hand of every item covered is kept as it is now: the store goes on selling while it counts, and ' +
          'approval replays what moved since.',
        headers: IdempotencyHeaders,
        body: StartCountBody,
        response: { 201: Count, ...errorResponses },
      },
    },
    async (req, reply) => idempotentCreate(req, reply, (tx) => startCountIn(tx, req.actor, req.body)),
  )

  app.get(
    '/counts',
    {
      config: { roles, refs: { 'query.location_id': 'location' } },
      schema: {
        tags,
        summary: 'Stock counts, newest first (a store key sees its own store’s)',
        querystring: ListCountsQuery,
        response: { 200: CountPage, ...errorResponses },
      },
    },
    async (req) => {
      const { cursor, limit = 50, ...filter } = req.query
      return toPage(await listCounts(app.db, req.actor, filter, limit, cursor), limit, (c) => c.id)
    },
  )

  app.get(
    '/counts/:id',
    {
      config: { roles },
      schema: {
        tags,
        summary:
          'A count and its lines (blind while counting: expected quantities show once it is submitted)',
        params: CountParams,
        response: { 200: Count, ...errorResponses },
      },
    },
    async (req) => getCount(app.db, req.actor, req.params.id),
  )

  app.post(
    '/counts/:id/scans',
    {
      config: { roles },
      schema: {
        tags,
        summary: 'Scan an item found (one unit, or `quantity`)',
        description: 'While recounting, only the items to recount take scans. 422 `not_in_count` otherwise.',
        params: CountParams,
        body: ScanBody,
        response: { 200: ScanResponse, ...errorResponses },
      },
    },
    async (req) => scanItem(app.db, req.actor, req.params.id, req.body),
  )

  app.post(
    '/counts/:id/submit',
    {
      config: { roles },
      schema: {
        tags,
        summary: 'Counting is over: large variances go to a recount, else to review',
        params: CountParams,
        response: { 200: Count, ...errorResponses },
      },
    },
    async (req) => submitCount(app.db, req.actor, req.params.id),
  )

  app.post(
    '/counts/:id/approve',
    {
      config: { roles },
      schema: {
        tags,
        summary:
          'Approve a reviewed count: the count movements go into the ledger (head office or a store manager)',
        params: CountParams,
        response: { 200: Count, ...errorResponses },
      },
    },
    async (req) => approveCount(app.db, req.actor, req.params.id),
  )

  app.post(
    '/counts/:id/cancel',
    {
      config: { roles },
      schema: {
        tags,
        summary: 'Cancel a count that is not approved: nothing moves',
        params: CountParams,
        response: { 200: Count, ...errorResponses },
      },
    },
    async (req) => cancelCount(app.db, req.actor, req.params.id),
  )
}
