import { applyPromotions, type Promotion } from '../../../../src/offer/promotions.domain.ts'
import { lineAmounts, vatSummary } from '../../../../src/shared/money.domain.ts'
import type { BasketLine } from '../basket'
import type { OfflineCatalogue } from './catalogue'

/** A basket priced by the till alone: the shape of the server's quote that the till reads. */
export interface OfflineQuote {
  total_cents: number
  vat_cents: number
  due_now_cents: number
  vat_breakdown: Array<{ rate: number; base_incl_cents: number; vat_cents: number }>
  lines: Array<{
    line_no: number
    sku: string
    product_name: string
    quantity: number
    unit_price_cents: number
    discount_cents: number
    total_cents: number
    vat_rate: number
    vat_cents: number
    promotions: Array<{ promotion_id: string; code: string; name: string; cents: number }>
  }>
}

/** Why a basket cannot be priced offline: an article not in the kept slice, or an unknown code. */
export class NotPricedOffline extends Error {
  constructor(
    readonly reason: 'article' | 'code',
    readonly what: string,
  ) {
    super(`${reason}: ${what}`)
  }
}

/**
 * Prices a take-away basket as the server would at `at`: the store's prices, the manual discounts,
 * then the running promotions through the engine the server runs (src/offer/promotions.domain.ts),
 * VAT per line extracted as the server does. Promotions limited per customer are left out (no
 * customer is attached offline), as are those whose uses have run out.
 */
export function priceOffline(
  catalogue: OfflineCatalogue,
  basket: BasketLine[],
  codes: string[],
  at: Date,
): OfflineQuote {
  const given = codes.map((c) => c.trim().toUpperCase())
  for (const code of given)
    if (!catalogue.promotions.some((p) => p.voucherCode === code)) throw new NotPricedOffline('code', code)
  const lines = basket.map((l, i) => {
    const article = catalogue.articles.find((a) => a.sku === l.sku)
    if (!article) throw new NotPricedOffline('article', l.name)
    return { line: l, article, lineNo: i + 1 }
  })
  const usable: Promotion[] = catalogue.promotions
    .filter((p) => p.limitPerCustomer === null && (p.limitTotal === null || p.usedCount < p.limitTotal))
    .map((p) => ({
      ...p,
      startsAt: p.startsAt ? new Date(p.startsAt) : null,
      endsAt: p.endsAt ? new Date(p.endsAt) : null,
    }))
  const outcome = applyPromotions(
    lines.map(({ line, article, lineNo }) => ({
      lineNo,
      productId: article.productId,
      category: article.category,
      quantity: line.quantity,
      unitPriceCents: article.unitCents,
      discountCents: line.discountCents,
    })),
    usable,
    { channelId: catalogue.channelId, channelKind: catalogue.channelKind, at, codes: given },
  )
  const byId = new Map(catalogue.promotions.map((p) => [p.id, p]))
  const priced = lines.map(({ line, article, lineNo }, i) => {
    const cut = outcome.lines[i]
    const discountCents = line.discountCents + (cut?.discountCents ?? 0)
    const amounts = lineAmounts({
      unitPriceCents: article.unitCents,
      quantity: line.quantity,
      discountCents,
      vatRateBp: article.vatRateBp,
    })
    return {
      line_no: lineNo,
      sku: article.sku,
      product_name: article.name,
      quantity: line.quantity,
      unit_price_cents: article.unitCents,
      discount_cents: discountCents,
      total_cents: amounts.totalCents,
      vat_rate: article.vatRateBp / 100,
      vat_cents: amounts.vatCents,
      vatRateBp: article.vatRateBp,
      promotions: (cut?.allocations ?? []).map((a) => {
        const p = byId.get(a.promotionId)!
        return { promotion_id: p.id, code: p.code, name: p.name, cents: a.cents }
      }),
    }
  })
  const total = priced.reduce((s, l) => s + l.total_cents, 0)
  return {
    total_cents: total,
    vat_cents: priced.reduce((s, l) => s + l.vat_cents, 0),
    due_now_cents: total,
    vat_breakdown: vatSummary(
      priced.map((l) => ({ totalCents: l.total_cents, vatCents: l.vat_cents, vatRateBp: l.vatRateBp })),
    ).map((r) => ({ rate: r.rate_bp / 100, base_incl_cents: r.base_incl_cents, vat_cents: r.vat_cents })),
    lines: priced.map(({ vatRateBp: _bp, ...l }) => l),
  }
}
