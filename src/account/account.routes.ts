import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errorResponses, LoginHeaders, toPage } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import {
  CustomerParams,
  PurchasePage,
  PurchaseParams,
  PurchasesQuery,
  PurchaseTracking,
  Receipt,
} from './account.contract.ts'
import { customerPurchase, customerPurchases, customerReceipt } from './account.service.ts'

const forAccount =
  'A web shop or app reads those of the customer logged in on it (X-Customer-Login); any other customer, ' +
  'or a purchase of anyone else, answers 404. Staff read any customer’s.'

/** The customer account: what a web shop or app shows the customer logged in on it, from every channel. */
export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/customers/:id/purchases',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['customers'],
        summary: 'The customer’s purchases from every channel, newest first (store receipts included)',
        description:
          `Every order and till sale the customer was identified on (or attached to afterwards), each with its ` +
          `e-receipt link, its legal guarantee and what is still returnable. ${forAccount}`,
        headers: LoginHeaders,
        params: CustomerParams,
        querystring: PurchasesQuery,
        response: { 200: PurchasePage, ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const login = req.headers['x-customer-login']
      const list = await customerPurchases(app.db, req.actor, req.params.id, login, limit, req.query.cursor)
      return toPage(list, limit, (p) => p.id)
    },
  )

  app.get(
    '/customers/:id/purchases/:order_id',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['customers'],
        summary: 'Follow a purchase: its steps, pickup code and store, parcels with carrier and tracking',
        description: `With its returns and after-sales tickets. ${forAccount}`,
        headers: LoginHeaders,
        params: PurchaseParams,
        response: { 200: PurchaseTracking, ...errorResponses },
      },
    },
    async (req) =>
      customerPurchase(
        app.db,
        req.actor,
        req.params.id,
        req.params.order_id,
        req.headers['x-customer-login'],
      ),
  )

  app.get(
    '/customers/:id/purchases/:order_id/receipt',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['customers'],
        summary: 'The e-receipt: the customer’s copy of the receipt of a purchase',
        description: `Lines, VAT per rate, payments and refunds, the store and the till ticket. ${forAccount}`,
        headers: LoginHeaders,
        params: PurchaseParams,
        response: { 200: Receipt, ...errorResponses },
      },
    },
    async (req) =>
      customerReceipt(app.db, req.actor, req.params.id, req.params.order_id, req.headers['x-customer-login']),
  )
}
