import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import {
  Customer,
  consentMedia,
  consentPurposes,
  consentsInForce,
  getCustomer,
  recordConsents,
  toDto,
  visibleCustomer,
} from '../customers/index.ts'
import { errorResponses, Id, LoginHeaders, Nullable } from '../http/schemas.ts'
import { staffRoles } from '../shared/actor.ts'
import { addNote, customer360, listDuplicates, mergeCustomers } from './merge.service.ts'
import { attachCustomer, eraseCustomer, exportCustomer } from './privacy.service.ts'

const CustomerParams = Type.Object({ id: Id('Customer id') })

const Note = Type.Object({
  id: Type.Integer(),
  body: Type.String(),
  actor: Nullable(Type.String({ description: 'The API key that wrote it.' })),
  created_at: Type.String({ format: 'date-time' }),
})

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
        querystring: Type.Object({
          min_score: Type.Optional(Type.Integer({ minimum: 50, maximum: 100, default: 70 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        }),
        response: {
          200: Type.Object({
            compared: Type.Integer({ description: 'Profiles looked at.' }),
            data: Type.Array(
              Type.Object({
                customers: Type.Array(
                  Type.Object({
                    id: Type.String(),
                    name: Type.String(),
                    email: Nullable(Type.String()),
                    phone: Nullable(Type.String()),
                    postcode: Type.String(),
                  }),
                ),
                score: Type.Integer(),
                evidence: Type.Array(Type.String()),
              }),
            ),
          }),
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
        body: Type.Object(
          { absorbed_id: Id('The profile to merge into this one') },
          { additionalProperties: false },
        ),
        response: { 200: Customer, ...errorResponses },
      },
    },
    async (req) =>
      toDto(
        await app.db.transaction((tx) => mergeCustomers(tx, req.actor, req.params.id, req.body.absorbed_id)),
      ),
  )

  app.post(
    '/customers/:id/notes',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['customers'],
        summary: 'Write a note about the customer (call centre, store)',
        params: CustomerParams,
        body: Type.Object(
          { body: Type.String({ minLength: 1, maxLength: 4000 }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ ...Note.properties, customer_id: Type.String() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const note = await app.db.transaction((tx) => addNote(tx, req.actor, req.params.id, req.body.body))
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
        querystring: Type.Object({
          orders: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
        }),
        response: {
          200: Type.Object({
            customer: Customer,
            channels: Type.Array(
              Type.Object({
                channel_code: Type.String(),
                orders: Type.Integer(),
                spent_cents: Type.Integer({
                  description: 'Net of refunds; cancelled and expired orders left out.',
                }),
                last_order_at: Type.String({ format: 'date-time' }),
              }),
            ),
            orders: Type.Array(
              Type.Object({
                id: Type.String(),
                number: Type.String(),
                channel_code: Type.String(),
                status: Type.String(),
                total_cents: Type.Integer(),
                store_id: Nullable(Type.String()),
                created_at: Type.String({ format: 'date-time' }),
              }),
            ),
            tickets: Type.Array(
              Type.Object({
                id: Type.String(),
                number: Type.String(),
                kind: Type.String(),
                status: Type.String(),
                subject: Type.String(),
                order_id: Type.String(),
                created_at: Type.String({ format: 'date-time' }),
                updated_at: Type.String({ format: 'date-time' }),
              }),
              { description: 'The latest 50 after-sales tickets, from every channel.' },
            ),
            returns: Type.Array(
              Type.Object({
                id: Type.String(),
                number: Type.String(),
                order_id: Type.String(),
                status: Type.String(),
                method: Type.String(),
                refund_cents: Type.Integer(),
                created_at: Type.String({ format: 'date-time' }),
              }),
              { description: 'The latest 50 returns, from every channel.' },
            ),
            notes: Type.Array(Note),
            merged_profiles: Type.Array(
              Type.Object({ id: Type.String(), merged_at: Type.String({ format: 'date-time' }) }),
            ),
            loyalty: Type.Object({
              balance: Type.Integer({ description: 'Points.' }),
              worth_cents: Type.Integer({ description: 'What they pay as a tender.' }),
              tier: Type.Union([Type.Null(), Type.Object({ code: Type.String(), name: Type.String() })], {
                description: 'Loyalty tier from the points earned over the rolling window.',
              }),
            }),
            profile: Type.Object(
              {
                labels: Type.Array(
                  Type.Object({
                    kind: Type.Enum([
                      'mobile_shopper',
                      'impulse_buyer',
                      'assisted_buyer',
                      'local_buyer',
                      'comparison_shopper',
                    ]),
                    evidence: Type.String(),
                  }),
                ),
                preferred_channels: Type.Array(
                  Type.Object({
                    channel_code: Type.String(),
                    orders: Type.Integer(),
                    share: Type.Number(),
                  }),
                ),
                home_store: Type.Union([
                  Type.Null(),
                  Type.Object({
                    store_id: Type.String(),
                    rule: Type.Enum(['most_visited', 'nearest']),
                    evidence: Type.String(),
                  }),
                ]),
              },
              {
                description: 'Shopper kinds derived from behaviour (rules in the README), with the evidence.',
              },
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const view = await customer360(app.db, req.actor, req.params.id, req.query.orders ?? 20)
      return { ...view, customer: toDto(view.customer) }
    },
  )

  app.get(
    '/customers/:id/export',
    {
      config: { roles: ['admin', 'call_centre'] },
      schema: {
        tags: ['customers'],
        summary: 'Everything held about the customer, as JSON (GDPR access); recorded',
        params: CustomerParams,
        response: {
          200: Type.Object({
            exported_at: Type.String({ format: 'date-time' }),
            customer: Type.Record(Type.String(), Type.Unknown()),
            orders: Type.Array(Type.Unknown()),
            notes: Type.Array(Type.Unknown()),
            merges: Type.Array(Type.Unknown()),
            requests: Type.Array(Type.Unknown()),
            consents: Type.Array(Type.Unknown(), { description: 'Every consent statement, oldest first.' }),
            tickets: Type.Array(Type.Unknown(), { description: 'After-sales tickets with their messages.' }),
            returns: Type.Array(Type.Unknown(), { description: 'Returns with their lines.' }),
            stored_value_accounts: Type.Array(Type.Unknown(), {
              description: 'Gift cards, store credit and vouchers held by the customer.',
            }),
            channel_accounts: Type.Array(Type.Unknown(), {
              description: 'Logins in the channels’ own shops.',
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => app.db.transaction((tx) => exportCustomer(tx, req.actor, req.params.id)),
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
          200: Type.Object({ id: Type.String(), erased_at: Type.String({ format: 'date-time' }) }),
          ...errorResponses,
        },
      },
    },
    async (req) => app.db.transaction((tx) => eraseCustomer(tx, req.actor, req.params.id)),
  )

  app.post(
    '/orders/:id/customer',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['customers'],
        summary: 'Attach a customer to a sale made without one (card scanned or phone given later)',
        params: Type.Object({ id: Id('Order id') }),
        body: Type.Object(
          {
            customer_id: Type.Optional(Id('Customer id')),
            card: Type.Optional(Type.String({ maxLength: 40 })),
            phone: Type.Optional(Type.String({ maxLength: 40 })),
            email: Type.Optional(Type.String({ maxLength: 320 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Customer, ...errorResponses },
      },
    },
    async (req) =>
      toDto(await app.db.transaction((tx) => attachCustomer(tx, req.actor, req.params.id, req.body))),
  )

  const Consent = Type.Object({
    purpose: Type.Enum(consentPurposes),
    medium: Type.Enum(consentMedia),
    granted: Type.Boolean(),
    channel_id: Nullable(Type.String({ description: 'Channel where the customer said it.' })),
    created_at: Type.String({ format: 'date-time' }),
  })

  app.get(
    '/customers/:id/consents',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['customers'],
        summary: 'Consents in force, per purpose and medium, with where and when they were given',
        params: CustomerParams,
        response: { 200: Type.Object({ data: Type.Array(Consent) }), ...errorResponses },
      },
    },
    async (req) => ({ data: await consentsInForce(app.db, (await getCustomer(app.db, req.params.id)).id) }),
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
        body: Type.Object(
          {
            consents: Type.Array(
              Type.Object(
                {
                  purpose: Type.Enum(consentPurposes),
                  medium: Type.Enum(consentMedia),
                  granted: Type.Boolean(),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 16 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ data: Type.Array(Consent) }), ...errorResponses },
      },
    },
    async (req) => ({
      data: await app.db.transaction(async (tx) => {
        const customer = await visibleCustomer(tx, req.actor, req.params.id, req.headers['x-customer-login'])
        return recordConsents(tx, req.actor, customer.id, req.body.consents)
      }),
    }),
  )
}
