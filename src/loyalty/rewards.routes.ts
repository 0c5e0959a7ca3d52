import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import {
  CreateRewardBody,
  CustomerParams,
  ListRewardsQuery,
  ListRewardsResponse,
  RedeemRewardBody,
  RedeemRewardHeaders,
  Redemption,
  Reward,
  RewardParams,
  UpdateRewardBody,
} from './rewards.contract.ts'
import { createReward, listRewards, redeemRewardFor, updateReward } from './rewards.service.ts'

/** The catalogue of rewards, and points exchanged for a voucher. */
export const rewardsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/loyalty/rewards',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['loyalty'],
        summary: 'The rewards points can be exchanged for, cheapest first',
        querystring: ListRewardsQuery,
        response: { 200: ListRewardsResponse, ...errorResponses },
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
        body: CreateRewardBody,
        response: { 201: Reward, ...errorResponses },
      },
    },
    async (req, reply) => {
      const reward = await createReward(app.db, req.body, req.actor.keyId)
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
        params: RewardParams,
        body: UpdateRewardBody,
        response: { 200: Reward, ...errorResponses },
      },
    },
    async (req) => updateReward(app.db, req.params.id, req.body),
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
        headers: RedeemRewardHeaders,
        params: CustomerParams,
        body: RedeemRewardBody,
        response: { 201: Redemption, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, (tx) =>
        redeemRewardFor(tx, req.actor, req.params.id, req.headers['x-customer-login'], req.body.reward_id),
      ),
  )
}
