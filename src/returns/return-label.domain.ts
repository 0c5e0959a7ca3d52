import { toEan13 } from '../catalog/index.ts'

/**
 * The barcode on the label of a parcel coming back by carrier: the return number in an EAN-13 of the
 * in-store range 28 (receipts use 29), so the returns warehouse or store scans the parcel and finds
 * the return to receive (`28` + ten digits of the number + check digit).
 */
export function returnLabelBarcode(returnNumber: number): string {
  return toEan13(`28${String(returnNumber).padStart(10, '0')}`)
}

/** The return number a scanned return label carries, or null when it is not a return label. */
export function returnNumberOfLabel(code: string): number | null {
  if (!/^28\d{11}$/.test(code)) return null
  if (toEan13(code.slice(0, 12)) !== code) return null
  return Number(code.slice(2, 12))
}
