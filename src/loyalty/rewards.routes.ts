import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { visibleCustomer } from '../customers/index.ts'
import { idempotentCreate } from '../http/idempotency.ts'
import {
  errorResponses,
  Id,
  IdempotencyHeaders,
  LoginHeaders,
  Nullable,
  NullableInt,
} from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import { createReward, listRewards, redeemReward, updateReward } from './rewards.service.ts'

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

const Reward = Type.Object({
  id: Type.String(),
  ...rewardFields,
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
})

const Redemption = Type.Object({
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

/** The catalogue of rewards, and points exchanged for a voucher. */
export const rewardsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/loyalty/rewards',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['loyalty'],
        summary: 'The rewards points can be exchanged for, cheapest first',
        querystring: Type.Object({
          active: Type.Optional(Type.Boolean({ description: 'Offered ones only.' })),
        }),
        response: { 200: Type.Object({ data: Type.Array(Reward) }), ...errorResponses },
      },
    },
    async (req) => ({ data: await listRewards(app.db, req.query.active === true) }),
  )

  app.post(
    '/loyalty/rewards',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['loyalty'],
        summary: 'Offer a reward (e.g. 500 points for a 25 € voucher)',
        body: Type.Object(
          {
            name: rewardFields.name,
            points_cost: rewardFields.points_cost,
            voucher_cents: rewardFields.voucher_cents,
            voucher_valid_days: Type.Optional(rewardFields.voucher_valid_days),
            active: Type.Optional(rewardFields.active),
          },
          { additionalProperties: false },
        ),
        response: { 201: Reward, ...errorResponses },
      },
    },
    async (req, reply) => {
      const reward = await app.db.transaction((tx) => createReward(tx, req.body, req.actor.keyId))
      return reply.code(201).send(reward)
    },
  )

  app.patch(
    '/loyalty/rewards/:id',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['loyalty'],
        summary: 'Change a reward, or retire it (active: false)',
        params: Type.Object({ id: Id('Reward id') }),
        body: Type.Object(
          Object.fromEntries(Object.entries(rewardFields).map(([k, v]) => [k, Type.Optional(v)])) as {
            [K in keyof typeof rewardFields]: ReturnType<typeof Type.Optional<(typeof rewardFields)[K]>>
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Reward, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => updateReward(tx, req.params.id, req.body)),
  )

  app.post(
    '/customers/:id/loyalty/redemptions',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['loyalty'],
        summary: 'Exchange points for a reward: the points are taken and a voucher issued, together',
        description:
          'In any channel: staff for the customer, a channel key for the customer logged in on it ' +
          '(X-Customer-Login). Not enough points: 409 `insufficient_points`, nothing written; of two ' +
          'redemptions of the same points, one succeeds. Retries with the same Idempotency-Key issue one voucher.',
        headers: Type.Object({ ...IdempotencyHeaders.properties, ...LoginHeaders.properties }),
        params: Type.Object({ id: Id('Customer id') }),
        body: Type.Object({ reward_id: Id('The reward') }, { additionalProperties: false }),
        response: { 201: Redemption, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, async (tx) => {
        const customer = await visibleCustomer(tx, req.actor, req.params.id, req.headers['x-customer-login'])
        return redeemReward(tx, customer.id, req.body.reward_id, req.actor.keyId)
      }),
  )
}
