import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders, LoginHeaders, toPage } from '../http/schemas.ts'
import { allRoles, staffRoles } from '../shared/actor.ts'
import { findCustomers, visibleCustomer } from './channel-accounts.service.ts'
import {
  CreateCustomerBody,
  Customer,
  CustomerPage,
  CustomerParams,
  ListCustomersQuery,
  UpdateCustomerBody,
} from './customers.contract.ts'
import { createCustomer, updateCustomer } from './customers.service.ts'
import { toDto } from './customers.view.ts'

export const customersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/customers',
    {
      config: { roles: allRoles, refs: { 'body.source_channel_id': 'channel' } },
      schema: {
        tags: ['customers'],
        summary: 'Create a customer, known by e-mail, phone or loyalty card',
        description:
          'At least one identifier is required. Each is normalised (e-mail lower-cased, phone in E.164, card ' +
          'digits only) and unique across channels: an identifier another customer holds answers 409 ' +
          '`identity_taken` with `details.customer_id`, so the till or agent can attach to that customer.',
        headers: IdempotencyHeaders,
        body: CreateCustomerBody,
        response: { 201: Customer, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, async (tx) => toDto(await createCustomer(tx, req.actor, req.body))),
  )

  app.get(
    '/customers/:id',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['customers'],
        summary: 'Get a customer (a channel key: its logged-in customer only)',
        description:
          'A channel key sends X-Customer-Login and reads the customer logged in under it; any other id ' +
          'answers 404, whether that customer exists or not.',
        headers: LoginHeaders,
        params: CustomerParams,
        response: { 200: Customer, ...errorResponses },
      },
    },
    async (req) =>
      toDto(await visibleCustomer(app.db, req.actor, req.params.id, req.headers['x-customer-login'])),
  )

  app.get(
    '/customers',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['customers'],
        summary: 'Find customers by identifier or by name, newest first',
        description:
          'email, phone and card are exact look-ups of the value as typed, normalised like at creation ' +
          '(06 12 34 56 78 finds +33612345678). q finds a part of a name or an e-mail, any case, accents ' +
          'ignored. Given together, filters must all match. A channel key finds its logged-in customer ' +
          '(X-Customer-Login) and nobody else.',
        headers: LoginHeaders,
        querystring: ListCustomersQuery,
        response: { 200: CustomerPage, ...errorResponses },
      },
    },
    async (req) => {
      const { cursor, limit = 50, ...filter } = req.query
      const login = req.headers['x-customer-login']
      const found = await findCustomers(app.db, req.actor, login, filter, limit, cursor)
      return toPage(found.map(toDto), limit, (c) => c.id)
    },
  )

  app.patch(
    '/customers/:id',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['customers'],
        summary: 'Change a customer’s identifiers, name or address',
        description:
          'Fields left out are kept. An identifier set to null (or to "", as a cleared form field sends) ' +
          'is removed, as long as one remains. ' +
          'Same validation and 409 `identity_taken` as at creation.',
        params: CustomerParams,
        body: UpdateCustomerBody,
        response: { 200: Customer, ...errorResponses },
      },
    },
    async (req) => toDto(await updateCustomer(app.db, req.params.id, req.body)),
  )
}
