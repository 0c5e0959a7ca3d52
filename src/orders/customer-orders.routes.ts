import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errorResponses, LoginHeaders, toPage } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import { CustomerOrdersQuery, CustomerParams, OrderSummaryPage } from './orders.contract.ts'
import { customerOrders } from './orders.service.ts'

/** A customer's orders across every channel, as a web shop's account page or the call centre sees them. */
export const customerOrdersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/customers/:id/orders',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['customers'],
        summary:
          'The customer’s orders, newest first (a channel key: its logged-in customer’s, on its channel)',
        description:
          'What each key sees of them, as for GET /orders: a store its own, a channel key its channel’s ' +
          '(and only for the customer logged in on it, X-Customer-Login), head office and the call centre all.',
        headers: LoginHeaders,
        params: CustomerParams,
        querystring: CustomerOrdersQuery,
        response: { 200: OrderSummaryPage, ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const { id } = req.params
      const summaries = await customerOrders(
        app.db,
        req.actor,
        id,
        req.headers['x-customer-login'],
        limit,
        req.query.cursor,
      )
      return toPage(summaries, limit, (o) => o.id)
    },
  )
}
