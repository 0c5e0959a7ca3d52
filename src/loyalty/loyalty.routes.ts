import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { staffRoles } from '../access/access.domain.ts'
import { getCustomer } from '../customers/customers.service.ts'
import { errorResponses, Id } from '../http/schemas.ts'
import { adjustPoints, loyaltyStatement } from './loyalty.service.ts'

const Statement = Type.Object({
  customer_id: Type.String(),
  balance: Type.Integer({ description: 'Points, never below zero.' }),
  worth_cents: Type.Integer({ description: 'What the balance pays as a tender, in any channel.' }),
  entries: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.Enum(['earn', 'burn', 'reversal', 'adjustment']),
      points: Type.Integer({ description: 'Signed: earned and given back positive, spent negative.' }),
      order_id: Type.Union([Type.Null(), Type.String()]),
      reason: Type.Union([Type.Null(), Type.String()]),
      created_at: Type.String({ format: 'date-time' }),
    }),
  ),
})

export const loyaltyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/customers/:id/loyalty',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['loyalty'],
        summary: 'Points balance and the ledger behind it (newest first)',
        params: Type.Object({ id: Id('Customer id') }),
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
        }),
        response: { 200: Statement, ...errorResponses },
      },
    },
    async (req) => {
      const customer = await getCustomer(app.db, req.params.id)
      return loyaltyStatement(app.db, req.actor, customer.id, req.query.limit ?? 50)
    },
  )

  app.post(
    '/customers/:id/loyalty/adjustments',
    {
      config: { roles: ['admin', 'call_centre'] },
      schema: {
        tags: ['loyalty'],
        summary: 'Add or remove points by hand, with the reason (never below zero)',
        params: Type.Object({ id: Id('Customer id') }),
        body: Type.Object(
          {
            points: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, not: { const: 0 } }),
            reason: Type.String({ minLength: 1, maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Statement, ...errorResponses },
      },
    },
    async (req) => {
      const customer = await getCustomer(app.db, req.params.id)
      await app.db.transaction((tx) =>
        adjustPoints(tx, req.actor, customer.id, req.body.points, req.body.reason),
      )
      return loyaltyStatement(app.db, req.actor, customer.id, 50)
    },
  )
}
