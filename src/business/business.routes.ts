import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders, toPage } from '../http/schemas.ts'
import type { Role } from '../shared/actor.ts'
import {
  Account,
  AccountIn,
  AccountPage,
  AccountParams,
  AccountPatch,
  AccountQuery,
  BusinessOrder,
  BusinessOrderIn,
  BuyerIn,
  PriceList,
  PriceListIn,
  PriceListParams,
  PricesIn,
} from './business.contract.ts'
import {
  addBuyer,
  createAccount,
  createPriceList,
  getAccount,
  getPriceList,
  listAccounts,
  placeBusinessOrder,
  putPrices,
  updateAccount,
} from './business.service.ts'

/** Head office sets accounts, terms and prices up; the call centre reads them and takes orders. */
const office: Role[] = ['admin']
const sales: Role[] = ['admin', 'call_centre']
const tags = ['business']

/** Business customers: companies with their buyers, B2B price lists, terms and credit, and their orders. */
export const businessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/business/accounts',
    {
      config: { roles: office },
      schema: {
        tags,
        summary: 'Open a business account (a company, or a franchisee buying its goods)',
        description:
          'SIREN and SIRET are checked (Luhn), the VAT number against its member state’s format (and a French ' +
          'one against its SIREN); each invalid identifier is a 400 naming its field. Terms are capped by law: ' +
          '60 days, or 45 days end of month.',
        headers: IdempotencyHeaders,
        body: AccountIn,
        response: { 201: Account, ...errorResponses },
      },
    },
    async (req, reply) => idempotentCreate(req, reply, (tx) => createAccount(tx, req.body)),
  )

  app.get(
    '/business/accounts',
    {
      config: { roles: sales },
      schema: {
        tags,
        summary: 'List business accounts, with what each owes and its credit left',
        querystring: AccountQuery,
        response: { 200: AccountPage, ...errorResponses },
      },
    },
    async (req) => {
      const { cursor, limit = 50, ...filter } = req.query
      return toPage(await listAccounts(app.db, filter, limit, cursor), limit, (a) => a.id)
    },
  )

  app.get(
    '/business/accounts/:id',
    {
      config: { roles: sales },
      schema: {
        tags,
        summary: 'A business account: identity, terms, credit limit, open amount and buyers',
        params: AccountParams,
        response: { 200: Account, ...errorResponses },
      },
    },
    async (req) => getAccount(app.db, req.params.id),
  )

  app.patch(
    '/business/accounts/:id',
    {
      config: { roles: office },
      schema: {
        tags,
        summary: 'Change an account’s terms, credit limit, price list or invoicing rhythm',
        params: AccountParams,
        body: AccountPatch,
        response: { 200: Account, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => updateAccount(tx, req.params.id, req.body)),
  )

  app.post(
    '/business/accounts/:id/buyers',
    {
      config: { roles: office },
      schema: {
        tags,
        summary: 'Attach a buyer (a customer profile) to the account',
        params: AccountParams,
        body: BuyerIn,
        response: { 201: Account, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, (tx) => addBuyer(tx, req.params.id, req.body.customer_id)),
  )

  app.post(
    '/business/accounts/:id/orders',
    {
      config: { roles: sales },
      schema: {
        tags,
        summary: 'Place an order for a business account, at its prices and on its terms',
        description:
          'The buyer must belong to the account. Lines are priced at the account’s B2B price list (excluding ' +
          'VAT, by quantity break; the channel’s price where it has none) and the order is placed unpaid, due ' +
          'on the account’s terms. An order over the credit limit is refused (422 credit_limit_exceeded with ' +
          'the limit, the open amount and the order’s amount).',
        params: AccountParams,
        headers: IdempotencyHeaders,
        body: BusinessOrderIn,
        response: { 201: BusinessOrder, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, (tx) => placeBusinessOrder(tx, req.actor, req.params.id, req.body)),
  )

  app.post(
    '/business/price-lists',
    {
      config: { roles: office },
      schema: {
        tags,
        summary: 'Create a B2B price list (prices excluding VAT, with quantity breaks)',
        headers: IdempotencyHeaders,
        body: PriceListIn,
        response: { 201: PriceList, ...errorResponses },
      },
    },
    async (req, reply) => idempotentCreate(req, reply, (tx) => createPriceList(tx, req.body)),
  )

  app.get(
    '/business/price-lists/:ref',
    {
      config: { roles: sales },
      schema: {
        tags,
        summary: 'A B2B price list with its prices',
        params: PriceListParams,
        response: { 200: PriceList, ...errorResponses },
      },
    },
    async (req) => getPriceList(app.db, req.params.ref),
  )

  app.put(
    '/business/price-lists/:ref/prices',
    {
      config: { roles: office },
      schema: {
        tags,
        summary: 'Set the prices of some SKUs: each SKU’s breaks are replaced by those given',
        params: PriceListParams,
        body: PricesIn,
        response: { 200: PriceList, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => putPrices(tx, req.params.ref, req.body)),
  )
}
