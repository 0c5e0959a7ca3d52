import type { TenderMethod } from '../orders/index.ts'
import type { ChannelKind } from './channels.ts'
import type { DemoCustomer } from './customers.ts'
import type { Random } from './random.ts'

export interface TenderSpec {
  method: TenderMethod
  amount: number
  tendered?: number
  reference?: string
}

export interface TenderRequest {
  due: number
  /** At a store till cash and store credit are accepted. */
  atTill: boolean
  customer: DemoCustomer | undefined
  kind: ChannelKind
  /** Paying a reserve & collect order when collecting it. */
  collection?: boolean
}

/**
 * How a due amount was paid: mostly by card, cash at tills, now and then part with a gift card,
 * loyalty points (card holders only) or a store credit (avoir), the rest by card or cash.
 */
export function planTenders(r: Random, { due, atTill, customer, kind, collection = false }: TenderRequest) {
  const out: TenderSpec[] = []
  if (due <= 0) return out
  let left = due
  const card = customer?.row.loyaltyCard
  if (card && left > 800 && r.chance(0.07)) {
    const points = Math.min(left - 100, r.pick([500, 1000, 1500]))
    out.push({ method: 'loyalty_points', amount: points, reference: card })
    left -= points
  } else if (!collection && r.chance(atTill ? 0.05 : 0.04)) {
    const gift = Math.min(left, r.pick([2000, 3000, 5000]))
    out.push({ method: 'gift_card', amount: gift, reference: `CC-${digits(r, 12)}` })
    left -= gift
  } else if (atTill && !collection && r.chance(0.03)) {
    const credit = Math.min(left, r.int(5, 40) * 100)
    out.push({ method: 'store_credit', amount: credit, reference: `AV-${digits(r, 6)}` })
    left -= credit
  }
  if (left > 0) {
    if (atTill && left <= 20_000 && r.chance(collection ? 0.25 : 0.22)) {
      out.push({ method: 'cash', amount: left, tendered: cashTendered(left, r) })
    } else {
      const reference = kind === 'partner' ? `MKP-${digits(r, 8)}` : `CB-${digits(r, 6)}`
      out.push({ method: 'card', amount: left, reference })
    }
  }
  return out
}

/** Customers hand over a round sum: the exact amount, or the next 5, 10, 20 or 50 euros. */
function cashTendered(amount: number, r: Random): number {
  const step = r.weighted([0, 500, 1000, 2000, 5000], [30, 25, 25, 12, 8])
  return step === 0 ? amount : Math.ceil(amount / step) * step
}

function digits(r: Random, n: number): string {
  let s = ''
  for (let i = 0; i < n; i++) s += String(r.int(0, 9))
  return s
}
