import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import {
  errorResponses,
  IdempotencyHeaders,
  IdempotencyLoginHeaders,
  LoginHeaders,
  toPage,
} from '../http/schemas.ts'
import { allRoles, staffRoles } from '../shared/actor.ts'
import { findPurchases } from './purchases.service.ts'
import { labelNumber } from './return-label.service.ts'
import { returnLabelIn } from './return-labels.service.ts'
import { listPolicies, putReturnPolicy } from './return-policies.service.ts'
import {
  CancelReturnBody,
  FindPurchasesQuery,
  FindPurchasesResponse,
  ListPoliciesResponse,
  ListReturnsQuery,
  PutReturnPolicyBody,
  ReceiveReturnBody,
  ReturnIn,
  ReturnLabel,
  ReturnLabelBody,
  ReturnParams,
  ReturnView,
  ReturnViewPage,
} from './returns.contract.ts'
import { cancelReturn, createReturn, getReturn, listReturns, receiveReturn } from './returns.service.ts'

export const returnsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/purchases',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['returns'],
        summary: 'Find a purchase from any channel: order number, receipt barcode, customer or payment',
        description:
          'Staff find purchases from every channel. A channel key finds its own channel’s purchases of the ' +
          'customer logged in on it (X-Customer-Login) and nobody else’s.',
        headers: LoginHeaders,
        querystring: FindPurchasesQuery,
        response: { 200: FindPurchasesResponse, ...errorResponses },
      },
    },
    async (req) => {
      const { limit, ...query } = req.query
      const login = req.headers['x-customer-login']
      return { data: await findPurchases(app.db, req.actor, query, limit ?? 20, login) }
    },
  )

  app.post(
    '/returns',
    {
      config: { roles: allRoles, refs: { 'body.location_id': 'location' } },
      schema: {
        tags: ['returns'],
        summary: 'Return goods bought in any channel: at a till (refunded at once), by carrier or drop-off',
        description:
          'The return policy of the purchase channel and category is evaluated per line (window, returnable, ' +
          'reasons) and stored with the return; a refused rule needs a manager override with a reason. A line ' +
          'never gives back more units than were handed over. Refunds go back to the tenders: credit notes, ' +
          'vouchers, gift cards, points, then card, then cash (at a till only, up to the cash taken); what no ' +
          'tender can take becomes a credit note. Money a partner channel collected (a marketplace) goes back ' +
          'through that partner (refund method `partner`, owed on its settlement), never from a till, unless a ' +
          'manager gives `refund_override`. A web shop or app acting for its logged-in customer ' +
          '(X-Customer-Login) returns any purchase of that customer, from any channel (store receipts ' +
          'included), by `carrier` (the answer carries the return label’s barcode) or `store_drop_off` at ' +
          'any store; anyone else’s purchase answers 404.',
        headers: IdempotencyLoginHeaders,
        body: ReturnIn,
        response: { 201: ReturnView, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, (tx) =>
        createReturn(tx, req.actor, req.body, req.headers['x-customer-login']),
      ),
  )

  app.get(
    '/returns',
    {
      config: { roles: allRoles, refs: { 'query.location_id': 'location' } },
      schema: {
        tags: ['returns'],
        summary: 'List returns, newest first',
        description:
          'A channel key lists its own orders’ returns, or, acting for its logged-in customer ' +
          '(X-Customer-Login), every return of that customer. `label` finds the return of a scanned label.',
        headers: LoginHeaders,
        querystring: ListReturnsQuery,
        response: { 200: ReturnViewPage, ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const list = await listReturns(
        app.db,
        req.actor,
        {
          ...(req.query.order_id ? { orderId: req.query.order_id } : {}),
          ...(req.query.customer_id ? { customerId: req.query.customer_id } : {}),
          ...(req.query.location_id ? { locationId: req.query.location_id } : {}),
          ...(req.query.status ? { status: req.query.status } : {}),
          ...(req.query.label !== undefined ? { number: labelNumber(req.query.label) } : {}),
        },
        limit,
        req.query.cursor,
        req.headers['x-customer-login'],
      )
      return toPage(list, limit, (r) => r.id)
    },
  )

  app.get(
    '/returns/:id',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['returns'],
        summary: 'A return with its lines, policy decision, refunds and where the money went',
        headers: LoginHeaders,
        params: ReturnParams,
        response: { 200: ReturnView, ...errorResponses },
      },
    },
    async (req) => getReturn(app.db, req.actor, req.params.id, req.headers['x-customer-login']),
  )

  app.post(
    '/returns/:id/receive',
    {
      config: { roles: ['admin', 'store_staff'] },
      schema: {
        tags: ['returns'],
        summary: 'Receive returned goods: inspect each line, put away or quarantine, refund',
        params: ReturnParams,
        body: ReceiveReturnBody,
        response: { 200: ReturnView, ...errorResponses },
      },
    },
    async (req) => receiveReturn(app.db, req.actor, req.params.id, req.body.lines),
  )

  app.post(
    '/returns/:id/cancel',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['returns'],
        summary: 'Cancel a return still awaiting its goods (the units can be returned again)',
        headers: LoginHeaders,
        params: ReturnParams,
        body: CancelReturnBody,
        response: { 200: ReturnView, ...errorResponses },
      },
    },
    async (req) =>
      cancelReturn(app.db, req.actor, req.params.id, req.body.reason, req.headers['x-customer-login']),
  )

  app.get(
    '/return-policies',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['returns'],
        summary: 'Return policies per channel and category (the most specific applies)',
        response: { 200: ListPoliciesResponse, ...errorResponses },
      },
    },
    async () => ({ data: await listPolicies(app.db) }),
  )

  app.put(
    '/return-policies',
    {
      config: { roles: ['admin'], refs: { 'body.channel_id': 'channel' } },
      schema: {
        tags: ['returns'],
        summary: 'Set the return policy of a channel and/or category (neither: the default)',
        body: PutReturnPolicyBody,
        response: { 200: ListPoliciesResponse, ...errorResponses },
      },
    },
    async (req) => ({ data: await putReturnPolicy(app.db, req.body) }),
  )

  app.post(
    '/returns/:id/label',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['returns'],
        summary: 'A return label for a return by carrier: a prepaid parcel to the receiving location',
        description:
          'The parcel gets a tracking number and a label (GET /api/v1/parcels/{id}/label, which the customer’s ' +
          'channel may fetch); the carrier’s tracking follows it to the warehouse or store that receives the return.',
        params: ReturnParams,
        headers: IdempotencyHeaders,
        body: ReturnLabelBody,
        response: { 201: ReturnLabel, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, (tx) => returnLabelIn(tx, req.actor, req.params.id, req.body)),
  )
}
