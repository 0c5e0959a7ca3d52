import { invalidInput } from '../shared/errors.ts'
import { formatEuros } from './loyalty.domain.ts'

export type EarningRuleKind = 'multiplier' | 'points_per_euro' | 'order_bonus'

/** The programme's settings; with no row in the database, these defaults are the programme. */
export interface ProgrammeSettings {
  pointsPerEuro: number
  tierWindowMonths: number
  /** Null: points never expire. */
  expiryMonths: number | null
}

export const defaultSettings: ProgrammeSettings = {
  pointsPerEuro: 1,
  tierWindowMonths: 12,
  expiryMonths: null,
}

export interface EarningRule {
  id: string
  name: string
  kind: EarningRuleKind
  channelId: string | null
  category: string | null
  startsAt: Date | null
  endsAt: Date | null
  multiplierPercent: number | null
  pointsPerEuro: number | null
  bonusPoints: number | null
  minOrderCents: number
  active: boolean
}

export interface Tier {
  code: string
  name: string
  thresholdPoints: number
  multiplierPercent: number
}

export interface EarningLine {
  lineNo: number
  category: string
  /** The line's total net of cancelled and returned units, VAT included. */
  netCents: number
}

export interface EarningOrder {
  channelId: string
  /** When the customer bought: campaigns are judged on this date, not on delivery. */
  purchasedAt: Date
  lines: EarningLine[]
  /** Net amount paid with loyalty points: it earns nothing. */
  paidWithPointsCents: number
}

export interface Contribution {
  /** `base`, a rule id, or `tier:<code>`. */
  source: string
  label: string
  points: number
}

export interface Earning {
  points: number
  /** What earns: the lines' net totals less what points paid. */
  eligibleCents: number
  contributions: Contribution[]
}

/**
 * The points an order earns, and why. Every rule is worked out on the order's base (points per euro
 * of what was not paid with points) so rules never compound:
 * - base: `pointsPerEuro` per euro of the eligible amount (rounded down);
 * - `multiplier` rules and the customer's tier add `(percent − 100) %` of the base points of the
 *   lines they cover (a ×2 web rule and a ×2 weekend add one base each: ×3, not ×4);
 * - `points_per_euro` rules add their points per euro of the lines they cover;
 * - `order_bonus` rules add a fixed number of points when the lines they cover reach the threshold.
 * A rule applies when active, on the order's channel (or any), in its dates (start included, end
 * excluded) on the day of purchase; a category rule covers the lines of that category. The payment
 * in points is spread over the lines in proportion to their totals. Never below zero.
 */
export function pointsForOrder(
  order: EarningOrder,
  settings: ProgrammeSettings,
  rules: EarningRule[],
  tier: Tier | null,
): Earning {
  const eligible = spreadDeduction(
    order.lines.map((l) => l.netCents),
    order.paidWithPointsCents,
  )
  const eligibleCents = sum(eligible)
  const ppe = settings.pointsPerEuro
  const contributions: Contribution[] = [
    {
      source: 'base',
      label: `${ppe} pt/€ on ${formatEuros(eligibleCents)}`,
      points: Math.floor((eligibleCents * ppe) / 100),
    },
  ]
  const covered = (rule: EarningRule) =>
    sum(
      order.lines.map((l, i) => (rule.category === null || rule.category === l.category ? eligible[i]! : 0)),
    )
  for (const rule of rules) {
    if (!ruleApplies(rule, order)) continue
    const cents = covered(rule)
    if (cents <= 0) continue
    const points = rulePoints(rule, cents, ppe)
    if (points !== 0) contributions.push({ source: rule.id, label: ruleLabel(rule, cents), points })
  }
  if (tier && tier.multiplierPercent !== 100 && eligibleCents > 0) {
    const points = Math.floor((eligibleCents * ppe * (tier.multiplierPercent - 100)) / 10_000)
    if (points !== 0) {
      contributions.push({
        source: `tier:${tier.code}`,
        label: `${tier.name} ${percentLabel(tier.multiplierPercent)}`,
        points,
      })
    }
  }
  return {
    points: Math.max(0, sum(contributions.map((c) => c.points))),
    eligibleCents,
    contributions,
  }
}

export function ruleApplies(rule: EarningRule, order: { channelId: string; purchasedAt: Date }): boolean {
  if (!rule.active) return false
  if (rule.channelId !== null && rule.channelId !== order.channelId) return false
  if (rule.startsAt && order.purchasedAt < rule.startsAt) return false
  if (rule.endsAt && order.purchasedAt >= rule.endsAt) return false
  return true
}

function rulePoints(rule: EarningRule, cents: number, ppe: number): number {
  switch (rule.kind) {
    case 'multiplier':
      return Math.floor((cents * ppe * (rule.multiplierPercent! - 100)) / 10_000)
    case 'points_per_euro':
      return Math.floor((cents * rule.pointsPerEuro!) / 100)
    case 'order_bonus':
      return cents >= rule.minOrderCents ? rule.bonusPoints! : 0
  }
}

function ruleLabel(rule: EarningRule, cents: number): string {
  const on = rule.category === null ? '' : ` on ${formatEuros(cents)} of ${rule.category}`
  switch (rule.kind) {
    case 'multiplier':
      return `${rule.name} ${percentLabel(rule.multiplierPercent!)}${on}`
    case 'points_per_euro':
      return `${rule.name} +${rule.pointsPerEuro} pt/€${on}`
    case 'order_bonus':
      return `${rule.name} +${rule.bonusPoints} pts${rule.minOrderCents > 0 ? ` from ${formatEuros(rule.minOrderCents)}` : ''}`
  }
}

const percentLabel = (percent: number) =>
  `×${(percent / 100).toLocaleString('en', { maximumFractionDigits: 2 })}`

/**
 * Takes `deduction` off the amounts in proportion to each, to the cent (largest remainders get the
 * odd cents), never below zero.
 */
export function spreadDeduction(amounts: number[], deduction: number): number[] {
  const total = sum(amounts)
  if (deduction <= 0 || total <= 0) return amounts.map((a) => Math.max(0, a))
  if (deduction >= total) return amounts.map(() => 0)
  const exact = amounts.map((a) => (a * deduction) / total)
  const shares = exact.map(Math.floor)
  let left = deduction - sum(shares)
  const byRemainder = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i)
  for (const { i } of byRemainder) {
    if (left === 0) break
    shares[i]! += 1
    left--
  }
  return amounts.map((a, i) => a - shares[i]!)
}

/** The tier a customer holds with these qualifying points, and the next one up (if any). */
export function tierFor(tiers: Tier[], qualifyingPoints: number): { tier: Tier | null; next: Tier | null } {
  const ladder = [...tiers].sort((a, b) => a.thresholdPoints - b.thresholdPoints)
  let tier: Tier | null = null
  let next: Tier | null = null
  for (const t of ladder) {
    if (t.thresholdPoints <= qualifyingPoints) tier = t
    else {
      next = t
      break
    }
  }
  return { tier, next }
}

export interface RuleInput {
  name: string
  kind: EarningRuleKind
  channelId: string | null
  category: string | null
  startsAt: Date | null
  endsAt: Date | null
  multiplierPercent: number | null
  pointsPerEuro: number | null
  bonusPoints: number | null
  minOrderCents: number
  active: boolean
}

/**
 * A rule says what it gives with the one value its kind uses, and nothing else: a multiplier has a
 * `multiplier_percent`, a per-euro bonus `points_per_euro`, an order bonus `bonus_points`.
 */
export function checkRule(rule: RuleInput): RuleInput {
  const needs: Record<EarningRuleKind, 'multiplier_percent' | 'points_per_euro' | 'bonus_points'> = {
    multiplier: 'multiplier_percent',
    points_per_euro: 'points_per_euro',
    order_bonus: 'bonus_points',
  }
  const values = {
    multiplier_percent: rule.multiplierPercent,
    points_per_euro: rule.pointsPerEuro,
    bonus_points: rule.bonusPoints,
  }
  const needed = needs[rule.kind]
  if (values[needed] === null) throw invalidInput(needed, `a ${rule.kind} rule needs ${needed}`)
  for (const [field, value] of Object.entries(values)) {
    if (field !== needed && value !== null) {
      throw invalidInput(field, `does not apply to a ${rule.kind} rule (it uses ${needed})`)
    }
  }
  if (rule.kind !== 'order_bonus' && rule.minOrderCents !== 0) {
    throw invalidInput('min_order_cents', 'applies to order_bonus rules only')
  }
  if (rule.name.trim() === '') throw invalidInput('name', 'must not be blank')
  if (rule.category !== null && rule.category.trim() === '')
    throw invalidInput('category', 'must not be blank')
  if (rule.startsAt && rule.endsAt && rule.endsAt <= rule.startsAt) {
    throw invalidInput('ends_at', 'must be after starts_at')
  }
  return { ...rule, name: rule.name.trim(), category: rule.category?.trim() ?? null }
}

/** A tier ladder: codes and thresholds unique, so each number of points gives exactly one tier. */
export function checkTiers(tiers: Tier[]): Tier[] {
  const codes = new Set<string>()
  const thresholds = new Set<number>()
  tiers.forEach((t, i) => {
    if (codes.has(t.code)) throw invalidInput(`tiers/${i}/code`, `${t.code} appears twice`)
    if (thresholds.has(t.thresholdPoints)) {
      throw invalidInput(`tiers/${i}/threshold_points`, `two tiers start at ${t.thresholdPoints} points`)
    }
    if (t.name.trim() === '') throw invalidInput(`tiers/${i}/name`, 'must not be blank')
    codes.add(t.code)
    thresholds.add(t.thresholdPoints)
  })
  return [...tiers]
    .map((t) => ({ ...t, name: t.name.trim() }))
    .sort((a, b) => a.thresholdPoints - b.thresholdPoints)
}

const sum = (xs: number[]) => xs.reduce((n, x) => n + x, 0)
