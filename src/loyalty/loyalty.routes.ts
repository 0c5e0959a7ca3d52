import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { getCustomer, visibleCustomer } from '../customers/index.ts'
import { errorResponses, Id, LoginHeaders, Nullable } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import { loyaltyEntryKinds } from './loyalty.schema.ts'
import { adjustPoints, loyaltyStatement } from './loyalty.service.ts'

export const TierOut = Type.Object({
  code: Type.String(),
  name: Type.String(),
  threshold_points: Type.Integer({ description: 'Points earned over the rolling window to reach it.' }),
  multiplier_percent: Type.Integer({ description: 'Applied to the base points of every order: 150 = ×1.5.' }),
})

const Statement = Type.Object({
  customer_id: Type.String(),
  balance: Type.Integer({ description: 'Points, never below zero.' }),
  worth_cents: Type.Integer({ description: 'What the balance pays as a tender, in any channel.' }),
  tier: Nullable(TierOut),
  qualifying_points: Type.Integer({
    description: 'Points earned over the rolling window (less what returns took back): what sets the tier.',
  }),
  window_months: Type.Integer(),
  next_tier: Nullable(
    Type.Object({ ...TierOut.properties, points_needed: Type.Integer({ description: 'Still to earn.' }) }),
  ),
  entries: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.Enum(loyaltyEntryKinds),
      points: Type.Integer({
        description: 'Signed: earned and given back positive, spent and expired negative.',
      }),
      order_id: Nullable(Type.String()),
      reason: Nullable(Type.String()),
      detail: Nullable(
        Type.Record(Type.String(), Type.Unknown(), {
          description: 'An earn: each rule and the points it gave. A reward: the voucher issued.',
        }),
      ),
      created_at: Type.String({ format: 'date-time' }),
    }),
  ),
})

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
        params: Type.Object({ id: Id('Customer id') }),
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
        }),
        response: { 200: Statement, ...errorResponses },
      },
    },
    async (req) => {
      const customer = await visibleCustomer(
        app.db,
        req.actor,
        req.params.id,
        req.headers['x-customer-login'],
      )
      return loyaltyStatement(app.db, customer.id, req.query.limit ?? 50)
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
      return loyaltyStatement(app.db, customer.id, 50)
    },
  )
}
