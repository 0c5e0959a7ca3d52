import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errorResponses, LoginHeaders } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import { AdjustPointsBody, CustomerParams, LoyaltyStatementQuery, Statement } from './loyalty.contract.ts'
import { adjustCustomerPoints, customerLoyalty } from './loyalty.service.ts'

export const loyaltyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/customers/:id/loyalty',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['loyalty'],
        summary: 'Points balance, tier, and the ledger behind them (newest first)',
        description:
          'Each earn entry explains its points (base rate, channel, category and campaign rules, tier). ' +
          'A channel key reads the statement of the customer logged in on it (X-Customer-Login) only.',
        headers: LoginHeaders,
        params: CustomerParams,
        querystring: LoyaltyStatementQuery,
        response: { 200: Statement, ...errorResponses },
      },
    },
    async (req) =>
      customerLoyalty(
        app.db,
        req.actor,
        req.params.id,
        req.headers['x-customer-login'],
        req.query.limit ?? 50,
      ),
  )

  app.post(
    '/customers/:id/loyalty/adjustments',
    {
      config: { roles: ['admin', 'call_centre'] },
      schema: {
        tags: ['loyalty'],
        summary: 'Add or remove points by hand, with the reason (never below zero)',
        params: CustomerParams,
        body: AdjustPointsBody,
        response: { 200: Statement, ...errorResponses },
      },
    },
    async (req) => adjustCustomerPoints(app.db, req.actor, req.params.id, req.body.points, req.body.reason),
  )
}
