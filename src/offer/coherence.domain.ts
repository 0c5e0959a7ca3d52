/**
 * The coherence policy of a category and its checks, pure: prices in, broken rules out.
 * Percentages are kept in basis points (1 % = 100 bp) so every check is exact integer arithmetic.
 */

export interface DirectionRule {
  /** Channel id that may never be dearer than `dearer`. */
  cheaper: string
  dearer: string
}

export interface CoherencePolicy {
  category: string
  /** Highest price at most this much above the lowest, in bp of the lowest price. */
  maxSpreadBp: number | null
  /** Highest price at most this many cents above the lowest. */
  maxSpreadCents: number | null
  direction: DirectionRule[]
  /** Floor: never below cost × (1 + margin). Needs a cost; a SKU without one has no floor. */
  minMarginBp: number | null
  /** Allowed endings in cents (0–99), e.g. [99, 95, 0]; null: any price. */
  priceEndings: number[] | null
  /** A channel's price at most this much above the cheapest competitor observed in that channel. */
  competitorMaxAboveBp: number | null
  competitorWindowDays: number
}

/** One channel's price of a SKU; channels sharing a price list share the price. */
export interface ChannelPrice {
  channelId: string
  channelCode: string
  priceListId: string
  cents: number
}

export interface CompetitorLow {
  channelId: string
  competitor: string
  cents: number
  observedAt: Date
}

/** Everything the checks need about one SKU. */
export interface PricedSku {
  sku: string
  costCents: number | null
  prices: ChannelPrice[]
  /** Cheapest competitor observation per channel within the policy's window. */
  competitors: CompetitorLow[]
}

export type Violation =
  | {
      rule: 'spread_pct'
      lowest: { channel: string; cents: number }
      highest: { channel: string; cents: number }
      spread_pct: number
      max_spread_pct: number
    }
  | {
      rule: 'spread_cents'
      lowest: { channel: string; cents: number }
      highest: { channel: string; cents: number }
      spread_cents: number
      max_spread_cents: number
    }
  | {
      rule: 'direction'
      cheaper: { channel: string; cents: number }
      dearer: { channel: string; cents: number }
    }
  | {
      rule: 'floor'
      channel: string
      cents: number
      floor_cents: number
      cost_cents: number
      min_margin_pct: number
    }
  | { rule: 'price_point'; channel: string; cents: number; allowed_endings: number[] }
  | {
      rule: 'competitor'
      channel: string
      cents: number
      competitor: string
      competitor_cents: number
      observed_at: string
      max_cents: number
      max_above_pct: number
    }

export const pct = (bp: number) => bp / 100
export const toBp = (percent: number) => Math.round(percent * 100)

/** Lowest price allowed by the floor, or null when there is no floor. */
export function floorCents(policy: CoherencePolicy, costCents: number | null): number | null {
  if (policy.minMarginBp === null || costCents === null) return null
  return Math.ceil((costCents * (10_000 + policy.minMarginBp)) / 10_000)
}

/** Highest price the competitor rule allows in a channel, or null when it does not apply. */
export function competitorCap(policy: CoherencePolicy, low: CompetitorLow | undefined): number | null {
  if (policy.competitorMaxAboveBp === null || !low) return null
  return Math.floor((low.cents * (10_000 + policy.competitorMaxAboveBp)) / 10_000)
}

export function endsWell(policy: CoherencePolicy, cents: number): boolean {
  return policy.priceEndings === null || policy.priceEndings.includes(cents % 100)
}

/** Every rule of the policy these prices break, with the numbers that break it. */
export function checkPrices(policy: CoherencePolicy, item: PricedSku): Violation[] {
  const out: Violation[] = []
  const prices = item.prices
  if (prices.length === 0) return out
  let lo = prices[0]!
  let hi = prices[0]!
  for (const p of prices) {
    if (p.cents < lo.cents) lo = p
    if (p.cents > hi.cents) hi = p
  }
  const lowest = { channel: lo.channelCode, cents: lo.cents }
  const highest = { channel: hi.channelCode, cents: hi.cents }
  if (policy.maxSpreadBp !== null && hi.cents * 10_000 > lo.cents * (10_000 + policy.maxSpreadBp)) {
    out.push({
      rule: 'spread_pct',
      lowest,
      highest,
      spread_pct:
        lo.cents === 0 ? Number.POSITIVE_INFINITY : round2(((hi.cents - lo.cents) * 100) / lo.cents),
      max_spread_pct: pct(policy.maxSpreadBp),
    })
  }
  if (policy.maxSpreadCents !== null && hi.cents - lo.cents > policy.maxSpreadCents) {
    out.push({
      rule: 'spread_cents',
      lowest,
      highest,
      spread_cents: hi.cents - lo.cents,
      max_spread_cents: policy.maxSpreadCents,
    })
  }
  const byChannel = new Map(prices.map((p) => [p.channelId, p]))
  for (const d of policy.direction) {
    const a = byChannel.get(d.cheaper)
    const b = byChannel.get(d.dearer)
    if (a && b && a.cents > b.cents) {
      out.push({
        rule: 'direction',
        cheaper: { channel: a.channelCode, cents: a.cents },
        dearer: { channel: b.channelCode, cents: b.cents },
      })
    }
  }
  const floor = floorCents(policy, item.costCents)
  const lows = new Map(item.competitors.map((c) => [c.channelId, c]))
  for (const p of prices) {
    if (floor !== null && p.cents < floor) {
      out.push({
        rule: 'floor',
        channel: p.channelCode,
        cents: p.cents,
        floor_cents: floor,
        cost_cents: item.costCents!,
        min_margin_pct: pct(policy.minMarginBp!),
      })
    }
    if (!endsWell(policy, p.cents)) {
      out.push({
        rule: 'price_point',
        channel: p.channelCode,
        cents: p.cents,
        allowed_endings: policy.priceEndings!,
      })
    }
    const low = lows.get(p.channelId)
    const cap = competitorCap(policy, low)
    if (cap !== null && low && p.cents > cap) {
      out.push({
        rule: 'competitor',
        channel: p.channelCode,
        cents: p.cents,
        competitor: low.competitor,
        competitor_cents: low.cents,
        observed_at: low.observedAt.toISOString(),
        max_cents: cap,
        max_above_pct: pct(policy.competitorMaxAboveBp!),
      })
    }
  }
  return out
}

/** The channels a violation names, to tell whether a price change caused it. */
export function channelsOf(v: Violation): string[] {
  switch (v.rule) {
    case 'spread_pct':
    case 'spread_cents':
      return [v.lowest.channel, v.highest.channel]
    case 'direction':
      return [v.cheaper.channel, v.dearer.channel]
    default:
      return [v.channel]
  }
}

/** One line per broken rule, for error messages and the CSV report. */
export function describe(v: Violation): string {
  const eur = (c: number) => `${(c / 100).toFixed(2)} €`
  switch (v.rule) {
    case 'spread_pct':
      return `${v.highest.channel} at ${eur(v.highest.cents)} is ${v.spread_pct} % above ${v.lowest.channel} at ${eur(v.lowest.cents)}; at most ${v.max_spread_pct} % allowed`
    case 'spread_cents':
      return `${v.highest.channel} at ${eur(v.highest.cents)} is ${eur(v.spread_cents)} above ${v.lowest.channel} at ${eur(v.lowest.cents)}; at most ${eur(v.max_spread_cents)} allowed`
    case 'direction':
      return `${v.cheaper.channel} at ${eur(v.cheaper.cents)} may never be dearer than ${v.dearer.channel} at ${eur(v.dearer.cents)}`
    case 'floor':
      return `${v.channel} at ${eur(v.cents)} is below the floor of ${eur(v.floor_cents)} (cost ${eur(v.cost_cents)} + ${v.min_margin_pct} %)`
    case 'price_point':
      return `${v.channel} at ${eur(v.cents)} does not end in ${v.allowed_endings.map((e) => String(e).padStart(2, '0')).join(', ')} cents`
    case 'competitor':
      return `${v.channel} at ${eur(v.cents)} is above ${eur(v.max_cents)}, ${v.max_above_pct} % over ${v.competitor} at ${eur(v.competitor_cents)}`
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100
}
