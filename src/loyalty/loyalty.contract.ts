import { Type } from '@fastify/type-provider-typebox'
import { Id, Nullable } from '../http/schemas.ts'
import { loyaltyEntryKinds } from './loyalty.schema.ts'

export const TierOut = Type.Object({
  code: Type.String(),
  name: Type.String(),
  threshold_points: Type.Integer({ description: 'Points earned over the rolling window to reach it.' }),
  multiplier_percent: Type.Integer({ description: 'Applied to the base points of every order: 150 = ×1.5.' }),
})

export const Statement = Type.Object({
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

export const CustomerParams = Type.Object({ id: Id('Customer id') })

export const LoyaltyStatementQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
})

export const AdjustPointsBody = Type.Object(
  {
    points: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, not: { const: 0 } }),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
)
