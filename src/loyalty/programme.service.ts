import type { Static } from '@fastify/type-provider-typebox'
import { asc, eq } from 'drizzle-orm'
import { getChannel } from '../channels/index.ts'
import { type Db, type Executor, inTransaction, type Tx } from '../db/database.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import {
  checkRule,
  checkTiers,
  defaultSettings,
  type EarningRule,
  type EarningRuleKind,
  type ProgrammeSettings,
  type RuleInput,
  type Tier,
} from './earning.domain.ts'
import { programme } from './loyalty.domain.ts'
import { notFound } from './loyalty.errors.ts'
import { loyaltyProgramme, loyaltyRules, loyaltyTiers } from './loyalty.schema.ts'
import type { ReplaceTiersBody } from './programme.contract.ts'

export async function programmeSettings(q: Executor): Promise<ProgrammeSettings> {
  const [row] = await q.select().from(loyaltyProgramme).where(eq(loyaltyProgramme.id, 'default'))
  return row
    ? {
        pointsPerEuro: row.pointsPerEuro,
        tierWindowMonths: row.tierWindowMonths,
        expiryMonths: row.expiryMonths,
      }
    : defaultSettings
}

export async function listTiers(q: Executor): Promise<Tier[]> {
  const list = await q.select().from(loyaltyTiers).orderBy(asc(loyaltyTiers.thresholdPoints))
  return list.map((t) => ({
    code: t.code,
    name: t.name,
    thresholdPoints: t.thresholdPoints,
    multiplierPercent: t.multiplierPercent,
  }))
}

export async function programmeView(q: Executor) {
  const [settings, tiers] = await Promise.all([programmeSettings(q), listTiers(q)])
  return {
    points_per_euro: settings.pointsPerEuro,
    point_value_cents: programme.pointValueCents,
    tier_window_months: settings.tierWindowMonths,
    expiry_months: settings.expiryMonths,
    tiers: tiers.map(tierDto),
  }
}

export const tierDto = (t: Tier) => ({
  code: t.code,
  name: t.name,
  threshold_points: t.thresholdPoints,
  multiplier_percent: t.multiplierPercent,
})

export interface SettingsChange {
  points_per_euro?: number
  tier_window_months?: number
  expiry_months?: number | null
}

/** Changes the settings given; the others keep their value (or default). */
export const updateSettings = inTransaction(updateSettingsIn)

async function updateSettingsIn(tx: Tx, change: SettingsChange, actor: string) {
  const current = await programmeSettings(tx)
  const next = {
    pointsPerEuro: change.points_per_euro ?? current.pointsPerEuro,
    tierWindowMonths: change.tier_window_months ?? current.tierWindowMonths,
    expiryMonths: change.expiry_months === undefined ? current.expiryMonths : change.expiry_months,
  }
  await tx
    .insert(loyaltyProgramme)
    .values({ id: 'default', ...next, updatedBy: actor })
    .onConflictDoUpdate({
      target: loyaltyProgramme.id,
      set: { ...next, updatedBy: actor, updatedAt: new Date() },
    })
  return programmeView(tx)
}

/** Replaces the whole tier ladder at once: a ladder half-changed would give customers the wrong tier. */
export const replaceTiers = inTransaction(replaceTiersIn)

/** The tiers as the API sends them: a tier's points multiplier is 100 % unless said. */
export function putTiers(db: Db, tiers: Static<typeof ReplaceTiersBody>['tiers']) {
  return replaceTiers(
    db,
    tiers.map((t) => ({
      code: t.code,
      name: t.name,
      thresholdPoints: t.threshold_points,
      multiplierPercent: t.multiplier_percent ?? 100,
    })),
  )
}

export async function replaceTiersIn(tx: Tx, tiers: Tier[]) {
  const ladder = checkTiers(tiers)
  await tx.delete(loyaltyTiers)
  if (ladder.length > 0) await tx.insert(loyaltyTiers).values(ladder)
  return programmeView(tx)
}

type RuleRow = typeof loyaltyRules.$inferSelect

export const ruleDto = (r: RuleRow) => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  channel_id: r.channelId,
  category: r.category,
  starts_at: r.startsAt?.toISOString() ?? null,
  ends_at: r.endsAt?.toISOString() ?? null,
  multiplier_percent: r.multiplierPercent,
  points_per_euro: r.pointsPerEuro,
  bonus_points: r.bonusPoints,
  min_order_cents: r.minOrderCents,
  active: r.active,
  created_at: r.createdAt.toISOString(),
  updated_at: r.updatedAt.toISOString(),
})

export interface RuleBody {
  name?: string
  kind?: EarningRuleKind
  channel_id?: string | null
  category?: string | null
  starts_at?: string | null
  ends_at?: string | null
  multiplier_percent?: number | null
  points_per_euro?: number | null
  bonus_points?: number | null
  min_order_cents?: number
  active?: boolean
}

export async function listRules(q: Executor, activeOnly: boolean) {
  const list = await q
    .select()
    .from(loyaltyRules)
    .where(activeOnly ? eq(loyaltyRules.active, true) : undefined)
    .orderBy(asc(loyaltyRules.id))
  return list.map(ruleDto)
}

export const createRule = inTransaction(createRuleIn)

export async function createRuleIn(
  tx: Tx,
  body: RuleBody & { name: string; kind: EarningRuleKind },
  actor: string,
) {
  const rule = await resolvedRule(tx, {
    name: body.name,
    kind: body.kind,
    channelId: body.channel_id ?? null,
    category: body.category ?? null,
    startsAt: date(body.starts_at),
    endsAt: date(body.ends_at),
    multiplierPercent: body.multiplier_percent ?? null,
    pointsPerEuro: body.points_per_euro ?? null,
    bonusPoints: body.bonus_points ?? null,
    minOrderCents: body.min_order_cents ?? 0,
    active: body.active ?? true,
  })
  const [row] = await tx
    .insert(loyaltyRules)
    .values({ id: newId('lrl'), ...rule, createdBy: actor })
    .returning()
  return ruleDto(row!)
}

/** Changes the fields given; the rule as changed must still be whole (checked like a new one). */
export const updateRule = inTransaction(updateRuleIn)

async function updateRuleIn(tx: Tx, id: string, body: RuleBody) {
  const [current] = await tx.select().from(loyaltyRules).where(eq(loyaltyRules.id, id)).for('update')
  if (!current) throw notFound('loyalty_rule', id)
  const pick = <T>(given: T | undefined, kept: T) => (given === undefined ? kept : given)
  const rule = await resolvedRule(tx, {
    name: pick(body.name, current.name),
    kind: pick(body.kind, current.kind),
    channelId: pick(body.channel_id, current.channelId),
    category: pick(body.category, current.category),
    startsAt: body.starts_at === undefined ? current.startsAt : date(body.starts_at),
    endsAt: body.ends_at === undefined ? current.endsAt : date(body.ends_at),
    multiplierPercent: pick(body.multiplier_percent, current.multiplierPercent),
    pointsPerEuro: pick(body.points_per_euro, current.pointsPerEuro),
    bonusPoints: pick(body.bonus_points, current.bonusPoints),
    minOrderCents: pick(body.min_order_cents, current.minOrderCents),
    active: pick(body.active, current.active),
  })
  const [row] = await tx
    .update(loyaltyRules)
    .set({ ...rule, updatedAt: new Date() })
    .where(eq(loyaltyRules.id, id))
    .returning()
  return ruleDto(row!)
}

/** The rule checked, with its channel named by id (a code is accepted and resolved). */
async function resolvedRule(q: Executor, rule: RuleInput): Promise<RuleInput> {
  const checked = checkRule(rule)
  if (checked.channelId === null) return checked
  try {
    return { ...checked, channelId: (await getChannel(q, checked.channelId)).id }
  } catch (err) {
    if (err instanceof AppError && err.status === 404) {
      throw invalidInput('channel_id', `no channel ${checked.channelId}`)
    }
    throw err
  }
}

const date = (s: string | null | undefined) => (s ? new Date(s) : null)

/** Rules as the earning rules see them (from a row or its JSON). */
export function toEarningRule(r: {
  id: string
  name: string
  kind: EarningRuleKind
  channel_id: string | null
  category: string | null
  starts_at: string | Date | null
  ends_at: string | Date | null
  multiplier_percent: number | null
  points_per_euro: number | null
  bonus_points: number | null
  min_order_cents: number
  active: boolean
}): EarningRule {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    channelId: r.channel_id,
    category: r.category,
    startsAt: r.starts_at === null ? null : new Date(r.starts_at),
    endsAt: r.ends_at === null ? null : new Date(r.ends_at),
    multiplierPercent: r.multiplier_percent,
    pointsPerEuro: r.points_per_euro,
    bonusPoints: r.bonus_points,
    minOrderCents: r.min_order_cents,
    active: r.active,
  }
}
