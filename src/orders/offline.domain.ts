import { invalidInput } from '../shared/errors.ts'
import type { OrderInput } from './orders.domain.ts'

/** What a till says of a sale it made while cut off from the server, replayed when it is back. */
export interface OfflineMark {
  /** When the sale was made at the till (its receipt's time). */
  sold_at: string
  /** The till's own ticket number, printed on the receipt it gave offline. */
  ticket: string
}

/** Tenders a till takes without the server: cash, and a card terminal that authorises by itself. */
export const offlineTenders = ['cash', 'card'] as const

/** A till keeps its offline sales a few days at most (a long outage is a closed store). */
export const OFFLINE_MAX_AGE_MS = 7 * 24 * 3600_000
/** Two clocks never agree exactly: a sale a moment "in the future" is a till's clock ahead. */
const CLOCK_SKEW_MS = 5 * 60_000

/**
 * Refuses what a till cannot have sold offline: anything but a paid take-away sale in a store
 * channel, paid in cash or by card (stored value and points need the server to check a balance),
 * or a sale time in the future or older than a week. Pure: the time is given.
 */
export function assertOfflineSale(
  input: OrderInput & { offline: OfflineMark },
  /** Null before the channel is read: everything else is checked. */
  channelKind: string | null,
  now: Date,
): Date {
  if (channelKind !== null && channelKind !== 'store')
    throw invalidInput('offline', 'only a store till sells offline')
  if (input.draft) throw invalidInput('offline', 'an offline sale is paid at once, never a draft')
  const line = input.lines.findIndex((l) => l.fulfilment !== 'takeaway')
  if (line >= 0) throw invalidInput(`lines.${line}.fulfilment`, 'an offline sale is taken away only')
  const tender = (input.payments ?? []).findIndex(
    (p) => !(offlineTenders as readonly string[]).includes(p.method),
  )
  if (tender >= 0)
    throw invalidInput(`payments.${tender}.method`, 'an offline sale is paid in cash or by card only')
  if (input.customer_id)
    throw invalidInput(
      'customer_id',
      'a customer is attached online only (points and profile need the server)',
    )
  const soldAt = new Date(input.offline.sold_at)
  if (Number.isNaN(soldAt.getTime())) throw invalidInput('offline.sold_at', 'not a date-time')
  if (soldAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw invalidInput('offline.sold_at', 'is in the future: check the till clock')
  if (soldAt.getTime() < now.getTime() - OFFLINE_MAX_AGE_MS)
    throw invalidInput('offline.sold_at', 'is more than 7 days old: record it as a correction')
  return soldAt
}
