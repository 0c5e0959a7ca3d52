import type { parcelStatuses } from './shipping.schema.ts'

export type ParcelStatus = (typeof parcelStatuses)[number]

/*
 * Tracking numbers follow the Universal Postal Union's S10 standard, as national posts print them:
 * two letters naming the service (the carrier service's `tracking_prefix`), an 8-digit serial, a
 * check digit and the country of origin, `FR`: `CN100000017FR`… The check digit weighs the serial's
 * digits 8, 6, 4, 2, 3, 5, 9, 7; it is 11 minus the sum modulo 11, with 10 written 0 and 11 written 5.
 */
const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7]

export function s10CheckDigit(serial: string): number {
  const sum = [...serial].reduce((s, d, i) => s + Number(d) * WEIGHTS[i]!, 0)
  const check = 11 - (sum % 11)
  return check === 10 ? 0 : check === 11 ? 5 : check
}

export function trackingNumber(prefix: string, serial: number): string {
  const digits = String(serial % 100_000_000).padStart(8, '0')
  return `${prefix}${digits}${s10CheckDigit(digits)}FR`
}

export const S10_PATTERN = '^[A-Z]{2}[0-9]{9}[A-Z]{2}$'

/** Whether a tracking number is well formed and its check digit right (a mistyped one is refused). */
export function isValidTrackingNumber(value: string): boolean {
  if (!new RegExp(S10_PATTERN).test(value)) return false
  return s10CheckDigit(value.slice(2, 10)) === Number(value[10])
}

/**
 * How far along a parcel is, to keep the latest meaningful status when carrier events come out of
 * order: a late "in transit" never hides "delivered". An exception is shown until the parcel moves
 * on; returned to sender is final.
 */
const rank: Record<ParcelStatus, number> = {
  packed: 0,
  shipped: 1,
  in_transit: 2,
  exception: 3,
  out_for_delivery: 4,
  at_relay: 5,
  delivered: 6,
  returned_to_sender: 7,
}

/** The parcel's status after a carrier event: the further of the two. */
export function statusAfter(current: ParcelStatus, event: ParcelStatus): ParcelStatus {
  return rank[event] > rank[current] ? event : current
}

/** Statuses a carrier reports; `packed` is the brand's own. */
export const carrierStatuses = [
  'shipped',
  'in_transit',
  'out_for_delivery',
  'at_relay',
  'delivered',
  'exception',
  'returned_to_sender',
] as const satisfies readonly ParcelStatus[]
