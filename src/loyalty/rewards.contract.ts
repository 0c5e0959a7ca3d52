import { Type } from '@fastify/type-provider-typebox'
import { Id, IdempotencyHeaders, LoginHeaders, Nullable, NullableInt } from '../http/schemas.ts'

const rewardFields = {
  name: Type.String({ minLength: 1, maxLength: 200, description: 'e.g. Bon d’achat 25 €' }),
  points_cost: Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'Points it takes.' }),
  voucher_cents: Type.Integer({
    minimum: 1,
    maximum: 100_000_000,
    description: 'Value of the voucher issued.',
  }),
  voucher_valid_days: NullableInt({
    minimum: 1,
    maximum: 3650,
    description: 'Validity of the voucher; null: no end.',
  }),
  active: Type.Boolean({
    description: 'Retired rewards stay listed for head office, and cannot be redeemed.',
  }),
}

export const Reward = Type.Object({
  id: Type.String(),
  ...rewardFields,
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
})

export const Redemption = Type.Object({
  reward: Type.Object({ id: Type.String(), name: Type.String() }),
  points_spent: Type.Integer(),
  balance: Type.Integer({ description: 'Points left.' }),
  voucher: Type.Object(
    {
      id: Type.String(),
      code: Type.String({
        description: 'What the customer types or shows to pay with it (`voucher` tender).',
      }),
      kind: Type.String(),
      balance_cents: Type.Integer(),
      expires_at: Nullable(Type.String({ format: 'date-time' })),
    },
    { description: 'A stored-value account of kind voucher, spent as the `voucher` tender in any channel.' },
  ),
})

export const ListRewardsQuery = Type.Object({
  active: Type.Optional(Type.Boolean({ description: 'Offered ones only.' })),
})

export const ListRewardsResponse = Type.Object({ data: Type.Array(Reward) })

export const CreateRewardBody = Type.Object(
  {
    name: rewardFields.name,
    points_cost: rewardFields.points_cost,
    voucher_cents: rewardFields.voucher_cents,
    voucher_valid_days: Type.Optional(rewardFields.voucher_valid_days),
    active: Type.Optional(rewardFields.active),
  },
  { additionalProperties: false },
)

export const RewardParams = Type.Object({ id: Id('Reward id') })

export const UpdateRewardBody = Type.Object(
  Object.fromEntries(Object.entries(rewardFields).map(([k, v]) => [k, Type.Optional(v)])) as {
    [K in keyof typeof rewardFields]: ReturnType<typeof Type.Optional<(typeof rewardFields)[K]>>
  },
  { additionalProperties: false, minProperties: 1 },
)

export const RedeemRewardHeaders = Type.Object({
  ...IdempotencyHeaders.properties,
  ...LoginHeaders.properties,
})

export const CustomerParams = Type.Object({ id: Id('Customer id') })

export const RedeemRewardBody = Type.Object({ reward_id: Id('The reward') }, { additionalProperties: false })
