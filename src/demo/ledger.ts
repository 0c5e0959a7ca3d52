import { newId } from '../shared/ids.ts'
import { DAY_MS } from './calendar.ts'
import type { DemoChannel } from './channels.ts'
import type { CustomerRow, DemoCustomer } from './customers.ts'
import type { Random } from './random.ts'
import { type ReturnRows, ReturnWriter } from './returns-ledger.ts'
import type {
  MovementRow,
  OrderEventRow,
  OrderLineRow,
  OrderRow,
  PaymentRow,
  ReservationRow,
  StockLevelRow,
} from './rows.ts'
import type { OrderSpec } from './specs.ts'
import type { StockPlans } from './stock.ts'
import type { TenderSpec } from './tenders.ts'

export interface HistoryRows extends ReturnRows {
  customers: CustomerRow[]
  orders: OrderRow[]
  lines: OrderLineRow[]
  payments: PaymentRow[]
  events: OrderEventRow[]
  reservations: ReservationRow[]
  movements: MovementRow[]
  stockLevels: StockLevelRow[]
}

/** Who wrote the history: it was imported, not sold through the API. */
export const DEMO_ACTOR = 'demo'
const QUARTER_MS = 91 * DAY_MS

/**
 * Turns the planned history into table rows, and the stock into a ledger that explains every unit:
 * for each (SKU, location) the receipts, sales, reservations and releases add up to today's on hand
 * and reserved. Receipts arrive each quarter for what the quarter sold, so on hand never goes below
 * zero on the way.
 */
export function historyRows(
  random: Random,
  specs: OrderSpec[],
  people: DemoCustomer[],
  stock: StockPlans,
  channels: DemoChannel[],
  now: Date,
  start: Date,
): HistoryRows {
  const customerIds = writeCustomers(random, specs, people, channels, now, start)
  const out: HistoryRows = {
    customers: customerIds,
    orders: [],
    lines: [],
    payments: [],
    events: [],
    reservations: [],
    movements: [],
    stockLevels: [],
    returns: [],
    returnLines: [],
    storedValueAccounts: [],
    storedValueEntries: [],
  }
  const orderIds = new Map(specs.map((s) => [s, newId('ord')]))
  const collecting = new Set(channels.filter((c) => c.row.collectsPayment).map((c) => c.row.id!))
  const returns = new ReturnWriter(specs, orderIds, DEMO_ACTOR, collecting)
  const consumed = new Map<string, Map<number, number>>()
  const reservedNow = new Map<string, number>()
  const consume = (locationId: string, sku: string, qty: number, at: Date) => {
    const key = `${locationId}|${sku}`
    const quarter = Math.max(0, Math.floor((at.getTime() - start.getTime()) / QUARTER_MS))
    const byQuarter = consumed.get(key) ?? new Map<number, number>()
    byQuarter.set(quarter, (byQuarter.get(quarter) ?? 0) + qty)
    consumed.set(key, byQuarter)
  }

  for (const spec of specs) {
    const orderId = orderIds.get(spec)!
    const createdAt = spec.draftAt ?? spec.placedAt
    const later = spec.lines.filter((l) => l.mode !== 'takeaway')
    const takeaway = spec.lines.length - later.length
    const done = spec.outcome === 'done'
    const cancelled = spec.outcome === 'cancelled'
    const lastChange = spec.fulfilledAt ?? spec.cancelledAt ?? spec.placedAt

    const events: Array<Omit<OrderEventRow, 'orderId'>> = []
    const event = (
      type: string,
      fromStatus: string | null,
      toStatus: string,
      at: Date,
      data?: Record<string, unknown>,
    ) => events.push({ type, fromStatus, toStatus, actor: DEMO_ACTOR, createdAt: at, data: data ?? null })
    if (spec.draftAt) {
      event('draft_created', null, 'draft', spec.draftAt)
      event('confirmed', 'draft', 'placed', spec.placedAt)
    } else {
      event('placed', null, 'placed', spec.placedAt)
    }
    let status: OrderRow['status'] = 'placed'
    if (takeaway > 0) {
      status = later.length === 0 ? 'fulfilled' : 'partially_fulfilled'
      event('fulfilled_at_till', 'placed', status, spec.placedAt)
      if (later.length === 0) {
        event('completed', 'fulfilled', 'completed', spec.placedAt)
        status = 'completed'
      }
    }
    if (done && later.length > 0) {
      event('fulfilled', status, 'fulfilled', spec.fulfilledAt!)
      event('completed', 'fulfilled', 'completed', spec.fulfilledAt!)
      status = 'completed'
    }
    if (cancelled) {
      event('cancelled', status, 'cancelled', spec.cancelledAt!, { reason: spec.cancelReason })
      status = 'cancelled'
    }

    const tender = (t: TenderSpec, kind: 'capture' | 'refund', at: Date, reference?: string): PaymentRow => ({
      id: newId('pay'),
      orderId,
      kind,
      method: t.method,
      amountCents: t.amount,
      tenderedCents: kind === 'capture' ? (t.tendered ?? null) : null,
      reference: reference ?? t.reference ?? null,
      createdAt: at,
      updatedAt: at,
    })
    const captures = spec.payments.map((t) => tender(t, 'capture', spec.placedAt))
    if (done) captures.push(...spec.collectionPayments.map((t) => tender(t, 'capture', spec.fulfilledAt!)))
    const refunds = cancelled
      ? captures.map((c, i) => tender(spec.payments[i]!, 'refund', spec.cancelledAt!, c.id))
      : []
    out.payments.push(...captures, ...refunds)

    const totalCents = spec.lines.reduce((s, l) => s + l.amounts.totalCents, 0)
    const order: OrderRow = {
      id: orderId,
      channelId: spec.channel.row.id,
      customerId: spec.customer?.row.id ?? null,
      storeId: spec.store?.row.id ?? null,
      status,
      currency: 'EUR',
      totalCents,
      vatCents: spec.lines.reduce((s, l) => s + l.amounts.vatCents, 0),
      paidCents: captures.reduce((s, p) => s + p.amountCents, 0),
      refundedCents: refunds.reduce((s, p) => s + p.amountCents, 0),
      deliveryAddress: spec.address ?? null,
      draftExpiresAt: null,
      placedAt: spec.placedAt,
      createdBy: DEMO_ACTOR,
      createdAt,
      updatedAt: lastChange,
    }
    out.orders.push(order)
    out.events.push(...events.map((e) => ({ ...e, orderId })))
    const lineRows: OrderLineRow[] = []

    spec.lines.forEach((l, i) => {
      const lineId = newId('oln')
      const sku = l.variant.row.sku
      const locationId = l.source.row.id
      const productName = l.variant.product.row.name
      const variantName = l.variant.row.name
      const lineRow: OrderLineRow = {
        id: lineId,
        orderId,
        lineNo: i + 1,
        sku,
        productName: variantName === productName ? productName : `${productName} — ${variantName}`,
        quantity: l.quantity,
        unitPriceCents: l.unitPrice,
        discountCents: l.discount,
        totalCents: l.amounts.totalCents,
        vatRateBp: l.variant.product.row.vatRateBp,
        vatCents: l.amounts.vatCents,
        fulfilment: l.mode,
        sourceLocationId: locationId,
        pickupLocationId: l.pickup?.row.id ?? null,
        fulfilledQuantity: l.mode === 'takeaway' || done ? l.quantity : 0,
        cancelledQuantity: cancelled ? l.quantity : 0,
        returnedQuantity: 0,
        createdAt,
        updatedAt: l.mode === 'takeaway' ? spec.placedAt : lastChange,
      }
      lineRows.push(lineRow)
      out.lines.push(lineRow)
      const move = (m: Omit<MovementRow, 'locationId' | 'sku' | 'reference' | 'actor'>) =>
        out.movements.push({
          locationId,
          sku,
          reference: orderId,
          actor: DEMO_ACTOR,
          quarantinedDelta: 0,
          ...m,
        })
      if (l.mode === 'takeaway') {
        move({ kind: 'sale', onHandDelta: -l.quantity, reservedDelta: 0, createdAt: spec.placedAt })
        consume(locationId, sku, l.quantity, spec.placedAt)
        return
      }
      move({ kind: 'reservation', onHandDelta: 0, reservedDelta: l.quantity, createdAt })
      if (done) {
        move({
          kind: 'sale',
          onHandDelta: -l.quantity,
          reservedDelta: -l.quantity,
          createdAt: spec.fulfilledAt!,
        })
        consume(locationId, sku, l.quantity, spec.fulfilledAt!)
      } else if (cancelled) {
        move({
          kind: 'release',
          onHandDelta: 0,
          reservedDelta: -l.quantity,
          reason: `cancelled: ${spec.cancelReason}`,
          createdAt: spec.cancelledAt!,
        })
      } else {
        const key = `${locationId}|${sku}`
        reservedNow.set(key, (reservedNow.get(key) ?? 0) + l.quantity)
      }
      out.reservations.push({
        id: newId('res'),
        orderId,
        orderLineId: lineId,
        locationId,
        sku,
        // A consumed reservation is drawn down to zero, as the engine does when goods leave.
        quantity: done ? 0 : l.quantity,
        status: done ? 'consumed' : cancelled ? 'released' : 'active',
        expiresAt: null,
        createdAt,
        updatedAt: lastChange,
      })
    })
    returns.write(spec, order, lineRows, captures, out)
  }
  returns.finish(out.payments)
  Object.assign(out, returns.rows)

  const planned = new Set<string>()
  for (const plan of stock.rows) {
    const key = `${plan.locationId}|${plan.sku}`
    const reserved = reservedNow.get(key) ?? 0
    const byQuarter = consumed.get(key) ?? new Map<number, number>()
    const opening = new Date(start.getTime() - 7 * DAY_MS)
    const receipt = (quantity: number, at: Date, reason: string) => {
      if (quantity <= 0) return
      out.movements.push({
        locationId: plan.locationId,
        sku: plan.sku,
        kind: 'receipt',
        onHandDelta: quantity,
        reservedDelta: 0,
        quarantinedDelta: 0,
        reference: `REC-${at.toISOString().slice(0, 10).replaceAll('-', '')}`,
        reason,
        actor: DEMO_ACTOR,
        createdAt: at,
      })
    }
    receipt(plan.free + reserved + (byQuarter.get(0) ?? 0), opening, 'initial stock')
    for (const [quarter, quantity] of [...byQuarter].sort((a, b) => a[0] - b[0])) {
      if (quarter > 0)
        receipt(quantity, new Date(start.getTime() + quarter * QUARTER_MS - 2 * DAY_MS), 'replenishment')
    }
    // Returned units are on top of what the receipts brought in: on the shelf or in quarantine.
    const back = returns.stock.get(key)
    planned.add(key)
    out.stockLevels.push({
      locationId: plan.locationId,
      sku: plan.sku,
      onHand: plan.free + reserved + (back?.onHand ?? 0),
      reserved,
      safetyStock: plan.safety,
      quarantined: back?.quarantined ?? 0,
      createdAt: opening,
      updatedAt: now,
    })
  }
  // A parcel may come back to a location that does not stock the item (as the engine allows).
  for (const [key, back] of returns.stock) {
    if (planned.has(key)) continue
    const [locationId, sku] = key.split('|') as [string, string]
    out.stockLevels.push({
      locationId,
      sku,
      onHand: back.onHand,
      reserved: 0,
      safetyStock: 0,
      quarantined: back.quarantined,
      createdAt: start,
      updatedAt: now,
    })
  }
  // Stored in key order, a SKU's rows share a page or two: an availability check reads one page per
  // SKU instead of one per location.
  out.stockLevels.sort((a, b) =>
    a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : a.locationId < b.locationId ? -1 : 1,
  )
  // The ledger reads in time order (its id is the sequence of events).
  out.movements.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime())
  out.events.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime())
  return out
}

/**
 * A customer's profile is created a little before their first order, in the channel of that order;
 * ids are given in creation order so paging by id follows time.
 */
function writeCustomers(
  random: Random,
  specs: OrderSpec[],
  people: DemoCustomer[],
  channels: DemoChannel[],
  now: Date,
  start: Date,
): CustomerRow[] {
  const first = new Map<DemoCustomer, OrderSpec>()
  for (const s of specs) if (s.customer && !first.has(s.customer)) first.set(s.customer, s)
  const store = channels.find((c) => c.row.kind === 'store')!
  const web = channels.find((c) => c.row.kind === 'web')!
  const span = now.getTime() - start.getTime()
  const dated = people.map((person) => {
    const order = first.get(person)
    const firstAt = (order?.draftAt ?? order?.placedAt)?.getTime()
    const at = firstAt
      ? firstAt - random.int(0, 20 * 24 * 60) * 60_000
      : start.getTime() + Math.floor(random.next() * span * 0.98)
    const source = order?.channel ?? (person.row.email && !person.row.phone ? web : store)
    return { person, at: new Date(Math.min(at, firstAt ?? at)), source }
  })
  dated.sort((a, b) => a.at.getTime() - b.at.getTime())
  return dated.map(({ person, at, source }) => {
    const row: CustomerRow = {
      ...person.row,
      id: newId('cus'),
      sourceChannelId: source.row.id,
      createdAt: at,
      updatedAt: at,
    }
    person.row.id = row.id
    return row
  })
}
