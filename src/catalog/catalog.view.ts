import { asc, inArray } from 'drizzle-orm'
import type { Executor } from '../db/database.ts'
import { rateToPercent } from '../shared/money.domain.ts'
import { type products, variants } from './catalog.schema.ts'
import { pricesOfSkus, type SkuPrice } from './list-prices.service.ts'
import { channelCodesOf } from './listings.service.ts'

export type ProductRow = typeof products.$inferSelect
export type VariantRow = typeof variants.$inferSelect

/** A variant as every channel sees it: its barcode and its price TTC in each price list. */
export interface VariantView {
  id: string
  sku: string
  ean: string
  name: string
  attributes: Record<string, string>
  weight_g: number | null
  prices: Array<{ price_list: string; amount_cents: number }>
}

export interface ProductView {
  id: string
  code: string
  name: string
  category: string
  brand: string
  description: string
  /** Percent: 20, 10, 5.5 or 2.1. */
  vat_rate: number
  variants: VariantView[]
  /** Codes of the channels listing the product. */
  channels: string[]
  created_at: string
  updated_at: string
}

/** The variant looked up at a till: the variant, what the receipt needs of its product, and its prices. */
export interface ScannedVariant extends VariantView {
  product_id: string
  product_code: string
  product_name: string
  category: string
  vat_rate: number
}

/** Full views of some products in three reads, whatever their number (no query per product). */
export async function productViews(q: Executor, rows: ProductRow[]): Promise<ProductView[]> {
  if (rows.length === 0) return []
  const ids = rows.map((p) => p.id)
  const variantRows = await q
    .select()
    .from(variants)
    .where(inArray(variants.productId, ids))
    .orderBy(asc(variants.id))
  const [prices, channels] = await Promise.all([
    pricesOfSkus(
      q,
      variantRows.map((v) => v.sku),
    ),
    channelCodesOf(q, ids),
  ])
  const pricesBySku = groupBy(prices, (p) => p.sku)
  const variantsByProduct = groupBy(variantRows, (v) => v.productId)
  return rows.map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    category: p.category,
    brand: p.brand,
    description: p.description,
    vat_rate: rateToPercent(p.vatRateBp),
    variants: (variantsByProduct.get(p.id) ?? []).map((v) => variantView(v, pricesBySku.get(v.sku) ?? [])),
    channels: channels.get(p.id) ?? [],
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
  }))
}

export async function scannedVariant(q: Executor, v: VariantRow, p: ProductRow): Promise<ScannedVariant> {
  const prices = await pricesOfSkus(q, [v.sku])
  return {
    ...variantView(v, prices),
    product_id: p.id,
    product_code: p.code,
    product_name: p.name,
    category: p.category,
    vat_rate: rateToPercent(p.vatRateBp),
  }
}

function variantView(v: VariantRow, prices: SkuPrice[]): VariantView {
  return {
    id: v.id,
    sku: v.sku,
    ean: v.ean,
    name: v.name,
    attributes: v.attributes,
    weight_g: v.weightG,
    prices: prices.map((p) => ({ price_list: p.priceList, amount_cents: p.amountCents })),
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const item of items) {
    const list = map.get(key(item))
    if (list) list.push(item)
    else map.set(key(item), [item])
  }
  return map
}
