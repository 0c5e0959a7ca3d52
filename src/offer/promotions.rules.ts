import type { PromotionKind, PromotionTarget } from './promotions.domain.ts'

/** A promotion as head office writes it (API field names), before its channels are resolved. */
export interface PromotionDefinition {
  code: string
  name: string
  kind: PromotionKind
  channels?: string[]
  channel_kinds?: string[]
  starts_at?: string | null
  ends_at?: string | null
  target: PromotionTarget
  priority?: number
  stacking?: 'stackable' | 'exclusive'
  percent_bp?: number
  amount_cents?: number
  fixed_price_cents?: number
  buy?: number
  get?: number
  nth?: number
  threshold_cents?: number
  voucher_code?: string | null
  limit_total?: number | null
  limit_per_customer?: number | null
}

type Param = 'percent_bp' | 'amount_cents' | 'fixed_price_cents' | 'buy' | 'get' | 'nth' | 'threshold_cents'

/** The amounts each kind needs, and may take. */
const paramsOf: Record<PromotionKind, { needs: Param[]; may?: Param[] }> = {
  percentage: { needs: ['percent_bp'] },
  amount_off: { needs: ['amount_cents'] },
  fixed_price: { needs: ['fixed_price_cents'] },
  buy_x_get_y: { needs: ['buy', 'get'] },
  nth_item: { needs: ['nth', 'percent_bp'] },
  basket_threshold: { needs: ['threshold_cents'], may: ['percent_bp', 'amount_cents'] },
}

const allParams: Param[] = [
  'percent_bp',
  'amount_cents',
  'fixed_price_cents',
  'buy',
  'get',
  'nth',
  'threshold_cents',
]

/**
 * What is wrong with a definition, naming the field, or null. Pure: the service resolves channels
 * and products afterwards.
 */
export function definitionProblem(d: PromotionDefinition): { field: string; message: string } | null {
  const { needs, may = [] } = paramsOf[d.kind]
  for (const p of needs) {
    if (d[p] === undefined) return { field: p, message: `is required for a ${d.kind} promotion` }
  }
  for (const p of allParams) {
    if (d[p] !== undefined && !needs.includes(p) && !may.includes(p)) {
      return { field: p, message: `does not apply to a ${d.kind} promotion` }
    }
  }
  if (d.kind === 'basket_threshold' && (d.percent_bp === undefined) === (d.amount_cents === undefined)) {
    return { field: 'percent_bp', message: 'a basket threshold takes either percent_bp or amount_cents off' }
  }
  if (d.percent_bp !== undefined && (d.percent_bp < 1 || d.percent_bp > 10_000)) {
    return { field: 'percent_bp', message: 'must be between 1 (0.01 %) and 10000 (100 %)' }
  }
  if (d.kind === 'nth_item' && (d.nth ?? 0) < 2) return { field: 'nth', message: 'must be 2 or more' }
  if (d.kind === 'fixed_price' && d.target.kind === 'basket') {
    return { field: 'target/kind', message: 'a fixed price applies to products or categories, not a basket' }
  }
  if (d.target.kind === 'products' && d.target.productIds.length === 0) {
    return { field: 'target/products', message: 'names no product' }
  }
  if (d.target.kind === 'categories' && d.target.categories.length === 0) {
    return { field: 'target/categories', message: 'names no category' }
  }
  if (d.starts_at && d.ends_at && new Date(d.ends_at) <= new Date(d.starts_at)) {
    return { field: 'ends_at', message: 'must be after starts_at' }
  }
  if (d.channels?.length === 0) return { field: 'channels', message: 'omit it to apply in every channel' }
  if (d.channel_kinds?.length === 0)
    return { field: 'channel_kinds', message: 'omit it to apply in every kind' }
  return null
}

/** Voucher codes are typed by people: compared without case or surrounding spaces. */
export function normaliseCode(code: string): string {
  return code.trim().toUpperCase()
}
