import { forbidden, invalidInput } from '../shared/errors.ts'
import { valueOfUnits } from '../shared/money.domain.ts'
import { conflict, refused } from './returns.errors.ts'

/** Reasons a customer may give; a policy may narrow them per channel and category. */
export const returnReasons = [
  'changed_mind',
  'wrong_size',
  'defective',
  'damaged_on_arrival',
  'not_as_described',
  'wrong_item',
  'late_delivery',
  'other',
] as const
export type ReturnReason = (typeof returnReasons)[number]

/** What staff find at receipt: back on the shelf, to quarantine, or to quarantine and claim. */
export const returnConditions = ['resellable', 'damaged', 'defective'] as const
export type ReturnCondition = (typeof returnConditions)[number]

/**
 * What the customer gets for a line brought back: `refund` gives the money back and the unit to the
 * brand (a defective one becomes the store's claim on its supplier); `repair` keeps the item the
 * customer's, nothing refunded, and a repair ticket in their name follows it.
 */
export const returnResolutions = ['refund', 'repair'] as const
export type ReturnResolution = (typeof returnResolutions)[number]

/** The legal guarantee of conformity (Code de la consommation, art. L217-3): 2 years from delivery. */
export const legalGuaranteeDays = 730

export interface ReturnPolicy {
  channelId: string | null
  category: string | null
  windowDays: number
  returnable: boolean
  reasons: string[]
  conditions: string[]
}

/** When nothing is configured: 30 days, any reason (above the 14-day legal minimum for distance sales). */
export const defaultPolicy: ReturnPolicy = {
  channelId: null,
  category: null,
  windowDays: 30,
  returnable: true,
  reasons: [],
  conditions: [],
}

/** The most specific policy for a purchase: channel + category, category, channel, then the default. */
export function policyFor(policies: ReturnPolicy[], channelId: string, category: string): ReturnPolicy {
  const find = (ch: string | null, cat: string | null) =>
    policies.find((p) => p.channelId === ch && p.category === cat)
  return (
    find(channelId, category) ??
    find(null, category) ??
    find(channelId, null) ??
    find(null, null) ??
    defaultPolicy
  )
}

export interface PurchasedLine {
  id: string
  lineNo: number
  sku: string
  productName: string
  category: string
  quantity: number
  totalCents: number
  vatCents: number
  vatRateBp: number
  fulfilledQuantity: number
  cancelledQuantity: number
  returnedQuantity: number
}

export interface Purchase {
  id: string
  channelId: string
  /** When the goods were handed over or shipped: the return window runs from then. */
  handedOverAt: Date
  lines: PurchasedLine[]
}

export interface ReturnLineRequest {
  order_line_id: string
  quantity: number
  reason: string
  condition?: ReturnCondition
  resolution?: ReturnResolution
}

export interface BrokenRule {
  rule: 'not_returnable' | 'window' | 'reason' | 'guarantee'
  message: string
}

export interface LineDecision {
  orderLineId: string
  lineNo: number
  sku: string
  productName: string
  quantity: number
  reason: string
  condition: ReturnCondition | null
  resolution: ReturnResolution
  refundCents: number
  vatCents: number
  vatRateBp: number
  policy: {
    window_days: number
    deadline: string
    conditions: string[]
    broken: BrokenRule[]
  }
}

export interface ReturnDecision {
  lines: LineDecision[]
  refundCents: number
  vatCents: number
  /** Rules broken and lifted by the override, if one was needed. */
  overridden: BrokenRule[]
}

/**
 * Units still returnable on a line: handed over, not yet in a return. Cancelled units were never
 * handed over, so they are not counted here.
 */
export function returnableUnits(line: PurchasedLine): number {
  return line.fulfilledQuantity - line.returnedQuantity
}

/**
 * Value and VAT of the next `quantity` units given back on a line. Units cancelled or returned
 * before take the first slices of the line, so every unit is given back once and, whatever the
 * sequence of partial returns, a line never refunds more than was paid for it: the discount is
 * spread over its units, and so is its VAT.
 */
export function refundOfUnits(line: PurchasedLine, quantity: number) {
  const from = line.cancelledQuantity + line.returnedQuantity
  const to = from + quantity
  // The VAT given back follows the money given back, not the units: a slice worth 0 cents (a line of
  // 4 cents over 5 units) carries no VAT, and the slices' VAT still adds up to the line's.
  const vatUpTo = (n: number) =>
    line.totalCents === 0 ? 0 : Math.round((line.vatCents * valueOfUnits(line, 0, n)) / line.totalCents)
  return { refundCents: valueOfUnits(line, from, to), vatCents: vatUpTo(to) - vatUpTo(from) }
}

/**
 * Decides a return: what each line may give back and for how much, and whether the policy allows
 * it. A broken rule refuses the return unless a manager overrides it with a reason; returning more
 * than was handed over is refused whatever the override. A line brought for repair is refunded
 * nothing and falls under the 2-year legal guarantee rather than the return policy.
 */
export function decideReturn(
  purchase: Purchase,
  request: ReturnLineRequest[],
  policies: ReturnPolicy[],
  now: Date,
  override: { allowed: boolean; reason: string | null },
): ReturnDecision {
  if (request.length === 0) throw invalidInput('lines', 'name at least one line to return')
  const seen = new Set<string>()
  const lines: LineDecision[] = []
  request.forEach((r, i) => {
    const field = `lines/${i}`
    if (seen.has(r.order_line_id)) {
      throw invalidInput(`${field}/order_line_id`, 'is named twice; give one quantity per line')
    }
    seen.add(r.order_line_id)
    const line = purchase.lines.find((l) => l.id === r.order_line_id)
    if (!line) throw invalidInput(`${field}/order_line_id`, `is not a line of order ${purchase.id}`)
    if (!(returnReasons as readonly string[]).includes(r.reason)) {
      throw invalidInput(`${field}/reason`, `must be one of ${returnReasons.join(', ')}`)
    }
    const resolution = r.resolution ?? 'refund'
    if (!(returnResolutions as readonly string[]).includes(resolution)) {
      throw invalidInput(`${field}/resolution`, `must be one of ${returnResolutions.join(', ')}`)
    }
    const left = returnableUnits(line)
    if (r.quantity > left) {
      throw conflict(
        'return_exceeds_purchase',
        `${field}/quantity: ${r.quantity} × ${line.sku} asked back but only ${left} can be (${line.fulfilledQuantity} handed over, ${line.returnedQuantity} already returned).`,
        { field: `${field}/quantity`, returnable: left, requested: r.quantity },
      )
    }
    const policy = policyFor(policies, purchase.channelId, line.category)
    if (resolution === 'repair') {
      lines.push(repairLine(line, r, purchase.handedOverAt, now, policy.conditions))
      return
    }
    const deadline = new Date(purchase.handedOverAt.getTime() + policy.windowDays * 86_400_000)
    const broken: BrokenRule[] = []
    if (!policy.returnable) {
      broken.push({ rule: 'not_returnable', message: `${line.category} items cannot be returned.` })
    }
    if (now > deadline) {
      const days = Math.floor((now.getTime() - purchase.handedOverAt.getTime()) / 86_400_000)
      broken.push({
        rule: 'window',
        message: `Bought ${days} days ago; ${line.category} items come back within ${policy.windowDays} days (until ${deadline.toISOString().slice(0, 10)}).`,
      })
    }
    if (policy.reasons.length > 0 && !policy.reasons.includes(r.reason)) {
      broken.push({
        rule: 'reason',
        message: `"${r.reason}" is not accepted for ${line.category}; accepted: ${policy.reasons.join(', ')}.`,
      })
    }
    lines.push({
      orderLineId: line.id,
      lineNo: line.lineNo,
      sku: line.sku,
      productName: line.productName,
      quantity: r.quantity,
      reason: r.reason,
      condition: r.condition ?? null,
      resolution,
      ...refundOfUnits(line, r.quantity),
      vatRateBp: line.vatRateBp,
      policy: {
        window_days: policy.windowDays,
        deadline: deadline.toISOString(),
        conditions: policy.conditions,
        broken,
      },
    })
  })
  const overridden = lines.flatMap((l) => l.policy.broken.map((b) => ({ ...b, line_no: l.lineNo })))
  if (overridden.length > 0) {
    if (override.reason === null) {
      throw refused('return_not_allowed', overridden.map((b) => b.message).join(' '), {
        field: 'lines',
        rules: overridden,
      })
    }
    if (!override.allowed) {
      throw forbidden('Only a store manager or head office may override the return policy.')
    }
  }
  return {
    lines,
    refundCents: lines.reduce((s, l) => s + l.refundCents, 0),
    vatCents: lines.reduce((s, l) => s + l.vatCents, 0),
    overridden,
  }
}

/** A line brought for repair: nothing refunded; covered while the legal guarantee runs. */
function repairLine(
  line: PurchasedLine,
  r: ReturnLineRequest,
  handedOverAt: Date,
  now: Date,
  conditions: string[],
): LineDecision {
  const deadline = new Date(handedOverAt.getTime() + legalGuaranteeDays * 86_400_000)
  const broken: BrokenRule[] =
    now > deadline
      ? [
          {
            rule: 'guarantee',
            message: `${line.sku} was handed over more than 2 years ago (guarantee until ${deadline.toISOString().slice(0, 10)}); a repair is no longer covered.`,
          },
        ]
      : []
  return {
    orderLineId: line.id,
    lineNo: line.lineNo,
    sku: line.sku,
    productName: line.productName,
    quantity: r.quantity,
    reason: r.reason,
    condition: r.condition ?? null,
    resolution: 'repair',
    refundCents: 0,
    vatCents: 0,
    vatRateBp: line.vatRateBp,
    policy: { window_days: legalGuaranteeDays, deadline: deadline.toISOString(), conditions, broken },
  }
}
