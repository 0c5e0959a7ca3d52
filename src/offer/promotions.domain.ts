/**
 * The promotion engine, pure: which promotions apply to a basket in a channel at an instant, in what
 * order, and how much each takes off each line. Deterministic: promotions are applied by priority
 * (lowest first), then id, whatever order they are given in; every discount is allocated to lines in
 * whole cents, so a line's total after promotions is what its units are refunded from.
 */

export type PromotionKind =
  | 'percentage'
  | 'amount_off'
  | 'fixed_price'
  | 'buy_x_get_y'
  | 'nth_item'
  | 'basket_threshold'

export type PromotionTarget =
  | { kind: 'products'; productIds: string[] }
  | { kind: 'categories'; categories: string[] }
  | { kind: 'basket' }

export interface Promotion {
  id: string
  name: string
  kind: PromotionKind
  /** Channel ids it applies in; null: every channel ("same promotion everywhere"). */
  channels: string[] | null
  /**
   * Kinds of channel it applies in (`web`, `mobile`, `store`…), this year's channels and next year's:
   * "web-only" or "store-only" in one definition. Null: any kind. Both scopes must agree.
   */
  channelKinds?: string[] | null
  startsAt: Date | null
  endsAt: Date | null
  target: PromotionTarget
  /** Lower applies first. */
  priority: number
  /** exclusive: applies only to lines no promotion touched yet, and no later promotion touches them. */
  stacking: 'stackable' | 'exclusive'
  /** percentage, nth_item, basket_threshold (when a percentage): basis points off. */
  percentBp?: number
  /** amount_off (per unit), basket_threshold (when an amount): cents off. */
  amountCents?: number
  /** fixed_price: the unit price. */
  fixedPriceCents?: number
  /** buy_x_get_y: buy `buy` units, get `get` more free (the cheapest of each group). */
  buy?: number
  get?: number
  /** nth_item: every nth unit (the cheapest ones) gets `percentBp` off. */
  nth?: number
  /** basket_threshold: the eligible amount (after earlier promotions) from which it applies. */
  thresholdCents?: number
  /** Applies only when the customer gives this code. */
  voucherCode?: string | null
}

/** A promotion as the order path and the API know it: the engine's rule plus its reference and limits. */
export interface PromotionRecord extends Promotion {
  code: string
  limitTotal: number | null
  limitPerCustomer: number | null
  usedCount: number
  active: boolean
}

export interface BasketLine {
  lineNo: number
  productId: string
  category: string
  quantity: number
  unitPriceCents: number
  /** A discount already on the line (a manual one at the till): promotions apply to what is left. */
  discountCents?: number
}

export interface LineDiscount {
  lineNo: number
  discountCents: number
  allocations: Array<{ promotionId: string; cents: number }>
}

export interface PromotionOutcome {
  lines: LineDiscount[]
  applied: Array<{ promotionId: string; name: string; discountCents: number }>
}

export interface PromotionContext {
  channelId: string
  /** The channel's kind, for promotions scoped by kind (web-only, store-only). */
  channelKind?: string
  at: Date
  /** Voucher codes the customer gave. */
  codes?: string[]
}

/** Why a promotion does not apply in this context, or null when it is live. */
export function notLiveBecause(p: Promotion, ctx: PromotionContext): string | null {
  if (p.channels !== null && !p.channels.includes(ctx.channelId)) return 'not offered in this channel'
  if (p.channelKinds && (!ctx.channelKind || !p.channelKinds.includes(ctx.channelKind)))
    return `offered in ${p.channelKinds.join(', ')} channels only`
  if (p.startsAt && ctx.at < p.startsAt) return `starts on ${p.startsAt.toISOString()}`
  if (p.endsAt && ctx.at >= p.endsAt) return `ended on ${p.endsAt.toISOString()}`
  if (p.voucherCode && !(ctx.codes ?? []).includes(p.voucherCode)) return `needs the code ${p.voucherCode}`
  return null
}

/** Whether a promotion is live in this channel at this instant, with the codes the customer gave. */
export function isLive(
  p: Promotion,
  channelId: string,
  at: Date,
  codes: string[],
  channelKind?: string,
): boolean {
  return notLiveBecause(p, { channelId, channelKind, at, codes }) === null
}

function targets(p: Promotion, l: BasketLine): boolean {
  switch (p.target.kind) {
    case 'basket':
      return true
    case 'products':
      return p.target.productIds.includes(l.productId)
    case 'categories':
      return p.target.categories.includes(l.category)
  }
}

export function applyPromotions(
  basket: BasketLine[],
  promotions: Promotion[],
  context: PromotionContext,
): PromotionOutcome {
  const state = basket.map((l) => ({
    line: l,
    left: l.unitPriceCents * l.quantity - (l.discountCents ?? 0),
    touched: false,
    locked: false,
    allocations: [] as Array<{ promotionId: string; cents: number }>,
  }))
  const applied: PromotionOutcome['applied'] = []
  const ordered = promotions
    .filter((p) => notLiveBecause(p, context) === null)
    .sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id))
  for (const p of ordered) {
    const eligible = state.filter(
      (s) => targets(p, s.line) && !s.locked && s.left > 0 && (p.stacking !== 'exclusive' || !s.touched),
    )
    if (eligible.length === 0) continue
    const cuts = discountsOf(
      p,
      eligible.map((s) => ({ line: s.line, left: s.left })),
    )
    let total = 0
    eligible.forEach((s, i) => {
      const cents = Math.min(s.left, cuts[i] ?? 0)
      if (cents <= 0) return
      s.left -= cents
      s.touched = true
      s.allocations.push({ promotionId: p.id, cents })
      total += cents
    })
    if (total === 0) continue
    if (p.stacking === 'exclusive')
      for (const s of eligible) if (s.allocations.some((a) => a.promotionId === p.id)) s.locked = true
    applied.push({ promotionId: p.id, name: p.name, discountCents: total })
  }
  return {
    lines: state.map((s) => ({
      lineNo: s.line.lineNo,
      discountCents: s.allocations.reduce((sum, a) => sum + a.cents, 0),
      allocations: s.allocations,
    })),
    applied,
  }
}

/** What a promotion takes off each eligible line (before capping at what is left on the line). */
function discountsOf(p: Promotion, lines: Array<{ line: BasketLine; left: number }>): number[] {
  switch (p.kind) {
    case 'percentage':
      return lines.map((l) => Math.floor((l.left * (p.percentBp ?? 0)) / 10_000))
    case 'amount_off':
      return lines.map((l) => (p.amountCents ?? 0) * l.line.quantity)
    case 'fixed_price':
      return lines.map((l) => Math.max(0, l.left - (p.fixedPriceCents ?? 0) * l.line.quantity))
    case 'buy_x_get_y':
      return cheapestUnits(
        lines,
        (units) => {
          const group = (p.buy ?? 0) + (p.get ?? 0)
          return group > 0 && (p.get ?? 0) > 0 ? Math.floor(units / group) * (p.get ?? 0) : 0
        },
        10_000,
      )
    case 'nth_item':
      return cheapestUnits(
        lines,
        (units) => ((p.nth ?? 0) > 0 ? Math.floor(units / p.nth!) : 0),
        p.percentBp ?? 0,
      )
    case 'basket_threshold': {
      const eligible = lines.reduce((s, l) => s + l.left, 0)
      if (eligible < (p.thresholdCents ?? 0)) return lines.map(() => 0)
      const off =
        p.percentBp !== undefined
          ? Math.floor((eligible * p.percentBp) / 10_000)
          : Math.min(eligible, p.amountCents ?? 0)
      return prorate(
        off,
        lines.map((l) => l.left),
      )
    }
  }
}

/**
 * The `count(units)` cheapest units of the eligible lines get `bp` off (10,000 = free). Units are
 * valued at what is left on their line, spread over its units.
 */
function cheapestUnits(
  lines: Array<{ line: BasketLine; left: number }>,
  count: (units: number) => number,
  bp: number,
): number[] {
  const units: Array<{ index: number; value: number }> = []
  lines.forEach((l, index) => {
    for (let u = 0; u < l.line.quantity; u++) {
      units.push({ index, value: Math.floor(l.left / l.line.quantity) })
    }
  })
  units.sort((a, b) => a.value - b.value || a.index - b.index)
  const out = lines.map(() => 0)
  for (const u of units.slice(0, count(units.length))) out[u.index]! += Math.floor((u.value * bp) / 10_000)
  return out
}

/** Splits `total` over weights in whole cents, largest remainders first (ties to the earlier line). */
export function prorate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0)
  if (sum === 0 || total === 0) return weights.map(() => 0)
  const exact = weights.map((w) => (total * w) / sum)
  const out = exact.map(Math.floor)
  let left = total - out.reduce((s, v) => s + v, 0)
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i)
  for (const { i } of order) {
    if (left === 0) break
    out[i]! += 1
    left -= 1
  }
  return out
}
