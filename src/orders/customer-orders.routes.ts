import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { visibleCustomer } from '../customers/index.ts'
import { errorResponses, LoginHeaders, toPage } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import { CustomerParams, ListOrdersQuery, OrderSummaryPage } from './customer-orders.contract.ts'
import { listOrders } from './orders.service.ts'

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
        querystring: ListOrdersQuery,
        response: { 200: OrderSummaryPage, ...errorResponses },
      },
    },
    async (req) => {
      const customer = await visibleCustomer(
        app.db,
        req.actor,
        req.params.id,
        req.headers['x-customer-login'],
      )
      const limit = req.query.limit ?? 50
      const { views } = await listOrders(
        app.db,
        req.actor,
        { customerId: customer.id },
        limit,
        req.query.cursor,
      )
      const page = toPage(views, limit, (o) => o.id)
      return {
        next_cursor: page.next_cursor,
        data: page.data.map((o) => ({
          id: o.id,
          number: o.number,
          channel_code: o.channel.code,
          status: o.status,
          total_cents: o.total_cents,
          paid_cents: o.paid_cents,
          refunded_cents: o.refunded_cents,
          store_id: o.store_id,
          lines: o.lines.map((l) => ({
            sku: l.sku,
            product_name: l.product_name,
            quantity: l.quantity,
            total_cents: l.total_cents,
            fulfilment: l.fulfilment,
          })),
          created_at: o.created_at,
        })),
      }
    },
  )
}
