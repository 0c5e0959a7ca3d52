import { toEan13 } from '../catalog/index.ts'

/**
 * The barcode printed on a receipt: the order number in an EAN-13 of the in-store range 29, so any
 * till scanner reads it (`29` + ten digits of the number + check digit).
 */
export function receiptBarcode(orderNumber: number): string {
  return toEan13(`29${String(orderNumber).padStart(10, '0')}`)
}

/** The order number a scanned receipt barcode carries, or null when it is not a receipt. */
export function orderNumberOfReceipt(code: string): number | null {
  if (!/^29\d{11}$/.test(code)) return null
  if (toEan13(code.slice(0, 12)) !== code) return null
  return Number(code.slice(2, 12))
}
