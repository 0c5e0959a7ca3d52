import { frenchVatRatesBp, percentToRate } from '../shared/money.domain.ts'
import { ean13CheckDigit } from './ean.domain.ts'

/** The French VAT rates a product may carry, in percent as people type them. */
export const frenchVatPercents = [20, 10, 5.5, 2.1] as const

/** Basis points of a French VAT rate typed in percent (5.5 → 550), or null when it is not one. */
export function frenchVatRate(percent: number): number | null {
  const bp = percentToRate(percent)
  return bp !== null && (frenchVatRatesBp as readonly number[]).includes(bp) ? bp : null
}

/** What is wrong with a barcode, said so a person holding the product can check it; null when valid. */
export function eanProblem(ean: string): string | null {
  if (!/^\d+$/.test(ean)) return 'an EAN-13 has digits only'
  if (ean.length !== 13) return `an EAN-13 has 13 digits, this one has ${ean.length}`
  const expected = ean13CheckDigit(ean.slice(0, 12))
  if (expected !== Number(ean[12])) {
    return `the check digit is wrong: the last digit should be ${expected}, not ${ean[12]} (mistyped or misread barcode?)`
  }
  return null
}

export interface VariantIdentity {
  sku: string
  ean: string
}

/**
 * The first variant that is not acceptable on its own or repeats an earlier one of the same
 * request: `field` is relative to the variant (`ean`, `sku`), `index` its position.
 */
export function variantProblem(
  list: readonly VariantIdentity[],
): { index: number; field: 'sku' | 'ean'; message: string } | null {
  const skus = new Map<string, number>()
  const eans = new Map<string, number>()
  for (const [index, v] of list.entries()) {
    const bad = eanProblem(v.ean)
    if (bad) return { index, field: 'ean', message: bad }
    const sameSku = skus.get(v.sku)
    if (sameSku !== undefined)
      return { index, field: 'sku', message: `repeats the SKU of variant ${sameSku}` }
    const sameEan = eans.get(v.ean)
    if (sameEan !== undefined)
      return { index, field: 'ean', message: `repeats the EAN of variant ${sameEan}` }
    skus.set(v.sku, index)
    eans.set(v.ean, index)
  }
  return null
}
