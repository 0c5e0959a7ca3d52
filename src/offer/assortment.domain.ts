import type { AssortmentStrategy } from './assortment.schema.ts'

export interface ListedProduct {
  productId: string
  code: string
  category: string
  /** The product's own strategy, else its category's; null when neither is set (not checked). */
  strategy: AssortmentStrategy | null
  /** Channel ids the product is listed in. */
  listedIn: string[]
  /** Channel ids it is excluded from, with the reason given. */
  excluded: Map<string, string>
}

export type AssortmentFinding =
  | { rule: 'overlap'; product_id: string; code: string; category: string; channels: string[] }
  | {
      rule: 'unjustified_exclusion'
      product_id: string
      code: string
      category: string
      channels: string[]
    }

/**
 * What breaks an assortment strategy. Selective: channels do not compete, so a product listed in
 * more than one channel is an overlap. Cross-channel: the offer is the same everywhere, so a channel
 * not listing the product needs a recorded reason. Channel ids are reported in `channels` order.
 */
export function assortmentFindings(product: ListedProduct, channels: string[]): AssortmentFinding[] {
  const base = { product_id: product.productId, code: product.code, category: product.category }
  if (product.strategy === 'selective') {
    const listed = channels.filter((c) => product.listedIn.includes(c))
    return listed.length > 1 ? [{ rule: 'overlap', ...base, channels: listed }] : []
  }
  if (product.strategy === 'cross_channel') {
    const missing = channels.filter((c) => !product.listedIn.includes(c) && !product.excluded.has(c))
    return missing.length > 0 ? [{ rule: 'unjustified_exclusion', ...base, channels: missing }] : []
  }
  return []
}

/**
 * Whether a channel may sell a product on this line. Listed: yes. Not listed: only a store till
 * ordering it for delivery or pickup elsewhere (the endless aisle), when the category allows it.
 */
export function maySell(
  listed: boolean,
  endlessAisle: boolean,
  channelKind: string,
  fulfilment: string,
): boolean {
  if (listed) return true
  return endlessAisle && channelKind === 'store' && (fulfilment === 'delivery' || fulfilment === 'pickup')
}
