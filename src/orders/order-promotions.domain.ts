import { applyPromotions, normaliseCode, notLiveBecause, type PromotionRecord } from '../offer/index.ts'
import { invalidInput } from '../shared/errors.ts'
import { lineAmounts, vatIncluded } from '../shared/money.domain.ts'
import { conflict, refused } from './orders.errors.ts'
import type { LinePromotion } from './orders.schema.ts'

/** A promotion an order uses: what it took off in all, and the limits its use counts against. */
export interface AppliedPromotion {
  promotionId: string
  code: string
  name: string
  discountCents: number
  limitTotal: number | null
  limitPerCustomer: number | null
}

interface PricedLine {
  lineNo: number
  sku: string
  quantity: number
  unitPriceCents: number
  discountCents: number
  totalCents: number
  vatCents: number
  vatRateBp: number
  promotions: LinePromotion[]
}

/**
 * Prices the basket's promotions: the live ones of the channel (and those whose voucher code was
 * given) are applied by the engine, and each line's discount grows by its share, recorded per
 * promotion. A code nobody issued is bad input; a code that cannot apply here says why.
 */
export function withPromotions<L extends PricedLine>(
  lines: L[],
  products: Map<string, { productId: string; category: string }>,
  ctx: {
    promotions: PromotionRecord[]
    codes: string[]
    channelId: string
    channelKind: string
    customerId: string | null
    at: Date
  },
): { lines: L[]; applied: AppliedPromotion[] } {
  const codes = ctx.codes.map(normaliseCode)
  codes.forEach((code, i) => {
    const field = `promotion_codes/${i}`
    const p = ctx.promotions.find((x) => x.voucherCode === code)
    if (!p) throw invalidInput(field, `no running promotion has the code ${code}`)
    const why = notLiveBecause(p, {
      channelId: ctx.channelId,
      channelKind: ctx.channelKind,
      at: ctx.at,
      codes,
    })
    if (why) throw refused('promotion_not_applicable', `${field}: ${code} does not apply: ${why}.`, { field })
    if (p.limitPerCustomer !== null && !ctx.customerId) {
      throw refused(
        'promotion_needs_customer',
        `${field}: ${code} is limited per customer: identify the customer to use it.`,
        { field },
      )
    }
    if (p.limitTotal !== null && p.usedCount >= p.limitTotal) {
      throw conflict('promotion_limit_reached', `${field}: ${code} has been used as many times as it may.`, {
        field,
      })
    }
  })
  const usable = ctx.promotions.filter(
    (p) =>
      (p.limitPerCustomer === null || ctx.customerId !== null) &&
      (p.limitTotal === null || p.usedCount < p.limitTotal),
  )
  if (usable.length === 0) return { lines, applied: [] }
  const outcome = applyPromotions(
    lines.map((l) => {
      const product = products.get(l.sku)!
      return {
        lineNo: l.lineNo,
        productId: product.productId,
        category: product.category,
        quantity: l.quantity,
        unitPriceCents: l.unitPriceCents,
        discountCents: l.discountCents,
      }
    }),
    usable,
    { channelId: ctx.channelId, channelKind: ctx.channelKind, at: ctx.at, codes },
  )
  if (outcome.applied.length === 0) return { lines, applied: [] }
  const byId = new Map(usable.map((p) => [p.id, p]))
  const priced = lines.map((l, i) => {
    const cut = outcome.lines[i]!
    if (cut.discountCents === 0) return l
    const discountCents = l.discountCents + cut.discountCents
    return {
      ...l,
      discountCents,
      ...lineAmounts({
        unitPriceCents: l.unitPriceCents,
        quantity: l.quantity,
        discountCents,
        vatRateBp: l.vatRateBp,
      }),
      promotions: cut.allocations.map((a) => {
        const p = byId.get(a.promotionId)!
        return { promotion_id: p.id, code: p.code, name: p.name, cents: a.cents }
      }),
    }
  })
  return {
    lines: priced,
    applied: outcome.applied.map((a) => {
      const p = byId.get(a.promotionId)!
      return {
        promotionId: p.id,
        code: p.code,
        name: p.name,
        discountCents: a.discountCents,
        limitTotal: p.limitTotal,
        limitPerCustomer: p.limitPerCustomer,
      }
    }),
  }
}

/**
 * A promoted line split over several locations. Each part takes its units' share of the whole
 * discount, rounded cumulatively as unpromoted lines are split (so a part never gives more than its
 * units are worth); that share is then cut from the line's discounts laid end to end, the manual one
 * first, then each promotion in order: per promotion and per part, the cents add up exactly.
 */
export function splitPromotedLine(line: PricedLine, quantities: number[]) {
  const manual = line.discountCents - line.promotions.reduce((s, p) => s + p.cents, 0)
  const pieces = [
    { promotion: null as LinePromotion | null, cents: manual },
    ...line.promotions.map((p) => ({ promotion: p, cents: p.cents })),
  ]
  const cumulative = (n: number) => Math.round((line.discountCents * n) / line.quantity)
  let done = 0
  return quantities.map((quantity) => {
    const from = cumulative(done)
    done += quantity
    const to = cumulative(done)
    const promotions: LinePromotion[] = []
    let start = 0
    for (const piece of pieces) {
      const overlap = Math.min(to, start + piece.cents) - Math.max(from, start)
      if (piece.promotion && overlap > 0) promotions.push({ ...piece.promotion, cents: overlap })
      start += piece.cents
    }
    const discountCents = to - from
    const totalCents = line.unitPriceCents * quantity - discountCents
    return {
      quantity,
      discountCents,
      totalCents,
      vatCents: vatIncluded(totalCents, line.vatRateBp),
      promotions,
    }
  })
}
