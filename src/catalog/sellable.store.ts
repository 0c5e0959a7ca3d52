import type { Executor } from '../db/database.ts'
import { prepared } from '../db/prepared.ts'

export interface SellableRow {
  sku: string
  product_name: string
  variant_name: string
  vat_rate_bp: number
  price_cents: number | null
  listed: boolean
}

/**
 * Everything the order flow needs to sell some SKUs in a channel, in one read: names, VAT rate,
 * the channel's price and whether the channel lists the product.
 */
export async function sellableVariants(q: Executor, channelId: string, priceListId: string, skus: string[]) {
  return prepared<SellableRow>(q, 'sellable_variants', sellableSql, [
    channelId,
    priceListId,
    JSON.stringify(skus),
  ])
}

const sellableSql = `
  SELECT v.sku, p.name AS product_name, v.name AS variant_name, p.vat_rate_bp, pr.amount_cents AS price_cents,
         EXISTS (SELECT 1 FROM assortment a WHERE a.channel_id = $1 AND a.product_id = p.id) AS listed
  FROM variant v
  JOIN product p ON p.id = v.product_id
  LEFT JOIN price pr ON pr.price_list_id = $2 AND pr.sku = v.sku
  WHERE v.sku IN (SELECT jsonb_array_elements_text($3::jsonb))`
