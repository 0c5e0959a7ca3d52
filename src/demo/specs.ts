// The shapes of the planned history, apart from the planners that fill them (orders by
// history.ts, their returns by returns.ts) and the writer that turns them into rows.
import type { DeliveryAddress } from '../network/index.ts'
import type { ReturnCondition, ReturnReason } from '../returns/index.ts'
import type { LineAmounts } from '../shared/money.domain.ts'
import type { DemoCatalog, DemoVariant } from './catalog.ts'
import type { DemoChannel } from './channels.ts'
import type { DemoCustomer } from './customers.ts'
import type { Town } from './geography.ts'
import type { DemoLaunch } from './launches.ts'
import type { DemoLocation } from './network.ts'
import type { StockPlans } from './stock.ts'
import type { TenderSpec } from './tenders.ts'

export type Mode = 'takeaway' | 'delivery' | 'pickup' | 'reserve'

export interface LineSpec {
  variant: DemoVariant
  quantity: number
  unitPrice: number
  discount: number
  amounts: LineAmounts
  mode: Mode
  source: DemoLocation
  pickup?: DemoLocation
}

/** One past order: who bought what, where, when, how it was paid and how it ended. */
export interface OrderSpec {
  channel: DemoChannel
  store?: DemoLocation
  customer?: DemoCustomer
  address?: DeliveryAddress
  /** Web, app and phone orders start as a draft a few minutes before they are confirmed. */
  draftAt?: Date
  placedAt: Date
  lines: LineSpec[]
  /** Payments taken when the order was placed. */
  payments: TenderSpec[]
  /** Reserve & collect lines are paid at the store when collected. */
  collectionPayments: TenderSpec[]
  outcome: 'done' | 'cancelled' | 'open'
  /** When the lines to deliver or collect left the stock. */
  fulfilledAt?: Date
  cancelledAt?: Date
  cancelReason?: string
  /** Goods brought back afterwards (see returns.ts). */
  returns?: ReturnSpec[]
}

export interface HistoryContext {
  now: Date
  network: DemoLocation[]
  channels: DemoChannel[]
  catalog: DemoCatalog
  customers: DemoCustomer[]
  stock: StockPlans
  towns: Town[]
  /** Click & collect opened at these stores on these dates: none collected there before. */
  launches?: DemoLaunch[]
  /** Till sales to plan (TILL_SALES unless given). */
  tillSales?: number
}

/** Goods brought back after an order (planned by returns.ts). */
export interface ReturnSpec {
  method: 'in_store' | 'carrier' | 'store_drop_off'
  location: DemoLocation
  /** The channel the return was asked through: the web shop for a parcel, none at a till. */
  channel?: DemoChannel
  createdAt: Date
  /** Undefined while the parcel has not arrived yet. */
  receivedAt?: Date
  /** Lines of the order (their index) and what came back. */
  lines: Array<{ index: number; quantity: number; reason: ReturnReason; condition: ReturnCondition }>
  /** Other goods taken at the till with the value returned, paid first with this credit note. */
  exchange?: { order: OrderSpec; code: string }
}
