import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Customer, recordCustomerConsents, toDto, visibleConsents } from '../customers/index.ts'
import { errorResponses, LoginHeaders } from '../http/schemas.ts'
import { allRoles, staffRoles } from '../shared/actor.ts'
import { addNote, customer360, listDuplicates, mergeCustomers } from './merge.service.ts'
import { attachCustomer, eraseCustomer, exportCustomer } from './privacy.service.ts'
import {
  AddNoteBody,
  AddNoteResponse,
  AttachCustomerBody,
  ConsentsInForceResponse,
  Customer360Query,
  Customer360Response,
  CustomerParams,
  EraseCustomerResponse,
  ExportCustomerResponse,
  ListDuplicatesQuery,
  ListDuplicatesResponse,
  MergeCustomersBody,
  OrderParams,
  RecordConsentsBody,
} from './relationship.contract.ts'

/** Duplicates, merges, notes and the 360 view: the customer relationship across channels. */
export const relationshipRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/customers/duplicates',
    {
      config: { roles: ['admin', 'call_centre'] },
      schema: {
        tags: ['customers'],
        summary: 'Profiles that are likely one person, with a score and the evidence',
        description:
          'Compares profiles of the same last name and postcode (accents and case aside): first names within a ' +
          'typo, the same street address, one profile with only a phone and the other with only an e-mail.',
        querystring: ListDuplicatesQuery,
        response: {
          200: ListDuplicatesResponse,
          ...errorResponses,
        },
      },
    },
    async (req) => listDuplicates(app.db, req.actor, req.query.min_score ?? 70, req.query.limit ?? 100),
  )

  app.post(
    '/customers/:id/merge',
    {
      config: { roles: ['admin', 'call_centre'] },
      schema: {
        tags: ['customers'],
        summary: 'Merge another profile into this one: its orders, tickets, notes and identities move here',
        description:
          'Atomic. The absorbed profile is kept in the merge record and its id keeps resolving to this one. ' +
          'Merging a profile twice, or into itself, is refused.',
        params: CustomerParams,
        body: MergeCustomersBody,
        response: { 200: Customer, ...errorResponses },
      },
    },
    async (req) => toDto(await mergeCustomers(app.db, req.actor, req.params.id, req.body.absorbed_id)),
  )

  app.post(
    '/customers/:id/notes',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['customers'],
        summary: 'Write a note about the customer (call centre, store)',
        params: CustomerParams,
        body: AddNoteBody,
        response: { 201: AddNoteResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const note = await addNote(app.db, req.actor, req.params.id, req.body.body)
      return reply.code(201).send(note)
    },
  )

  app.get(
    '/customers/:id/360',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['customers'],
        summary:
          'The whole relationship: profile, purchases per channel, latest orders, tickets and returns, notes',
        params: CustomerParams,
        querystring: Customer360Query,
        response: {
          200: Customer360Response,
          ...errorResponses,
        },
      },
    },
    async (req) => customer360(app.db, req.actor, req.params.id, req.query.orders ?? 20),
  )

  app.get(
    '/customers/:id/export',
    {
      config: { roles: ['admin', 'call_centre', 'channel'] },
      schema: {
        tags: ['customers'],
        summary: 'Everything held about the customer, as JSON (GDPR access); recorded',
        description:
          'Head office and the call centre for any customer; a web shop or app for the customer logged in on ' +
          'it (X-Customer-Login), their own copy — any other id answers 404.',
        headers: LoginHeaders,
        params: CustomerParams,
        response: {
          200: ExportCustomerResponse,
          ...errorResponses,
        },
      },
    },
    async (req) => exportCustomer(app.db, req.actor, req.params.id, req.headers['x-customer-login']),
  )

  app.post(
    '/customers/:id/erase',
    {
      config: { roles: ['admin', 'call_centre'] },
      schema: {
        tags: ['customers'],
        summary:
          'Erase the personal data (GDPR erasure): a pseudonym remains, orders and accounts stay whole',
        params: CustomerParams,
        response: {
          200: EraseCustomerResponse,
          ...errorResponses,
        },
      },
    },
    async (req) => eraseCustomer(app.db, req.actor, req.params.id),
  )

  app.post(
    '/orders/:id/customer',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['customers'],
        summary: 'Attach a customer to a sale made without one (card scanned or phone given later)',
        params: OrderParams,
        body: AttachCustomerBody,
        response: { 200: Customer, ...errorResponses },
      },
    },
    async (req) => toDto(await attachCustomer(app.db, req.actor, req.params.id, req.body)),
  )

  app.get(
    '/customers/:id/consents',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['customers'],
        summary: 'Consents in force, per purpose and medium, with where and when they were given',
        description: 'A channel key reads those of the customer logged in on it (X-Customer-Login) only.',
        headers: LoginHeaders,
        params: CustomerParams,
        response: { 200: ConsentsInForceResponse, ...errorResponses },
      },
    },
    async (req) => ({
      data: await visibleConsents(app.db, req.actor, req.params.id, req.headers['x-customer-login']),
    }),
  )

  app.post(
    '/customers/:id/consents',
    {
      config: { roles: ['admin', 'store_staff', 'call_centre', 'channel'] },
      schema: {
        tags: ['customers'],
        summary: 'Record what the customer agreed to or refused (any channel); history is kept',
        description: 'A channel key records them for the customer logged in on it (X-Customer-Login) only.',
        headers: LoginHeaders,
        params: CustomerParams,
        body: RecordConsentsBody,
        response: { 200: ConsentsInForceResponse, ...errorResponses },
      },
    },
    async (req) => {
      const login = req.headers['x-customer-login']
      return {
        data: await recordCustomerConsents(app.db, req.actor, req.params.id, login, req.body.consents),
      }
    },
  )
}
