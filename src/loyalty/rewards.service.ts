import { asc, eq, sql } from 'drizzle-orm'
import { visibleCustomer } from '../customers/index.ts'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { issueStoredValue } from '../stored-value/index.ts'
import { formatEuros } from './loyalty.domain.ts'
import { conflict, notFound, refused } from './loyalty.errors.ts'
import { loyaltyRewards } from './loyalty.schema.ts'

type RewardRow = typeof loyaltyRewards.$inferSelect

export const rewardDto = (r: RewardRow) => ({
  id: r.id,
  name: r.name,
  points_cost: r.pointsCost,
  voucher_cents: r.voucherCents,
  voucher_valid_days: r.voucherValidDays,
  active: r.active,
  created_at: r.createdAt.toISOString(),
  updated_at: r.updatedAt.toISOString(),
})

export interface RewardBody {
  name?: string
  points_cost?: number
  voucher_cents?: number
  voucher_valid_days?: number | null
  active?: boolean
}

export async function listRewards(q: Executor, activeOnly: boolean) {
  const list = await q
    .select()
    .from(loyaltyRewards)
    .where(activeOnly ? eq(loyaltyRewards.active, true) : undefined)
    .orderBy(asc(loyaltyRewards.pointsCost), asc(loyaltyRewards.id))
  return list.map(rewardDto)
}

export const createReward = inTransaction(createRewardIn)

export async function createRewardIn(
  tx: Tx,
  body: RewardBody & { name: string; points_cost: number; voucher_cents: number },
  actor: string,
) {
  const name = body.name.trim()
  if (name === '') throw invalidInput('name', 'must not be blank')
  const [row] = await tx
    .insert(loyaltyRewards)
    .values({
      id: newId('rwd'),
      name,
      pointsCost: body.points_cost,
      voucherCents: body.voucher_cents,
      voucherValidDays: body.voucher_valid_days ?? null,
      active: body.active ?? true,
      createdBy: actor,
    })
    .returning()
  return rewardDto(row!)
}

/** Changes the fields given; vouchers already issued keep what they were issued with. */
export const updateReward = inTransaction(updateRewardIn)

async function updateRewardIn(tx: Tx, id: string, body: RewardBody) {
  if (body.name !== undefined && body.name.trim() === '') throw invalidInput('name', 'must not be blank')
  const [row] = await tx
    .update(loyaltyRewards)
    .set({
      ...(body.name === undefined ? {} : { name: body.name.trim() }),
      ...(body.points_cost === undefined ? {} : { pointsCost: body.points_cost }),
      ...(body.voucher_cents === undefined ? {} : { voucherCents: body.voucher_cents }),
      ...(body.voucher_valid_days === undefined ? {} : { voucherValidDays: body.voucher_valid_days }),
      ...(body.active === undefined ? {} : { active: body.active }),
      updatedAt: new Date(),
    })
    .where(eq(loyaltyRewards.id, id))
    .returning()
  if (!row) throw notFound('loyalty_reward', id)
  return rewardDto(row)
}

/**
 * Exchanges points for a reward's voucher, in the caller's transaction: the voucher is issued, then
 * its points are taken by one guarded update (never below zero; of two redemptions of the same points
 * one finds them gone, and its voucher goes with its rolled-back transaction). The burn entry names
 * the voucher. Who may redeem for this customer is checked by the route.
 */
export async function redeemReward(tx: Tx, customerId: string, rewardId: string, actor: string) {
  const [reward] = await tx.select().from(loyaltyRewards).where(eq(loyaltyRewards.id, rewardId))
  if (!reward) throw invalidInput('reward_id', `no reward ${rewardId}`)
  if (!reward.active)
    throw refused('reward_unavailable', `${reward.name} is no longer offered.`, { reward_id: reward.id })
  const redemption = newId('rdm')
  const expiresAt =
    reward.voucherValidDays === null ? null : new Date(Date.now() + reward.voucherValidDays * 86_400_000)
  const voucher = await issueStoredValue(tx, {
    kind: 'voucher',
    amountCents: reward.voucherCents,
    customerId,
    expiresAt,
    source: 'reward',
    reference: redemption,
    actor,
    reason: reward.name,
  })
  const detail = { reward_id: reward.id, voucher_id: voucher.id, voucher_code: voucher.code }
  const [spent] = await rows<{ balance: number }>(
    tx,
    sql`WITH a AS (
          UPDATE loyalty_account SET balance = balance - ${reward.pointsCost}, updated_at = now()
          WHERE customer_id = ${customerId} AND balance >= ${reward.pointsCost}
          RETURNING balance
        ),
        e AS (
          INSERT INTO loyalty_entry (customer_id, kind, points, reference, reason, detail, actor)
          SELECT ${customerId}, 'burn', ${-reward.pointsCost}, ${redemption},
                 ${`${reward.name}: voucher of ${formatEuros(reward.voucherCents)}`}, ${JSON.stringify(detail)}::jsonb,
                 ${actor}
          FROM a
        )
        SELECT balance FROM a`,
  )
  if (!spent) {
    const [account] = await rows<{ balance: number }>(
      tx,
      sql`SELECT balance FROM loyalty_account WHERE customer_id = ${customerId}`,
    )
    const balance = account?.balance ?? 0
    throw conflict(
      'insufficient_points',
      `The customer has ${balance} points; ${reward.name} takes ${reward.pointsCost}.`,
      { balance, requested: reward.pointsCost, field: 'reward_id' },
    )
  }
  return {
    reward: { id: reward.id, name: reward.name },
    points_spent: reward.pointsCost,
    balance: spent.balance,
    voucher: {
      id: voucher.id,
      code: voucher.code,
      kind: voucher.kind,
      balance_cents: voucher.balance_cents,
      expires_at: voucher.expires_at,
    },
  }
}

/** A reward redeemed through the API: a web shop redeems for its logged-in customer (`login`) only. */
export async function redeemRewardFor(
  tx: Tx,
  actor: Actor,
  customerId: string,
  login: string | undefined,
  rewardId: string,
) {
  const customer = await visibleCustomer(tx, actor, customerId, login)
  return redeemReward(tx, customer.id, rewardId, actor.keyId)
}
