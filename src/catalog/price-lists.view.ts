import type { PriceListRow } from '../channels/index.ts'

/** A price list as the API shows it. */
export const toDto = (p: PriceListRow) => ({
  id: p.id,
  code: p.code,
  name: p.name,
  currency: p.currency,
  created_at: p.createdAt.toISOString(),
  updated_at: p.updatedAt.toISOString(),
})

/** A SKU's price in a list, as the API shows it. */
export const priceView = (p: { sku: string; amountCents: number; updatedAt: Date }) => ({
  sku: p.sku,
  amount_cents: p.amountCents,
  updated_at: p.updatedAt.toISOString(),
})
