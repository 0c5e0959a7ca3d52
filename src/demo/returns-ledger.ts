import { programme } from '../loyalty/index.ts'
import type { TenderMethod } from '../orders/index.ts'
import { allocateRefund } from '../orders/index.ts'
import type { returnLines, returns } from '../returns/index.ts'
import { decideReturn, type Purchase } from '../returns/index.ts'
import { newId } from '../shared/ids.ts'
import type { storedValueAccounts, storedValueEntries } from '../stored-value/index.ts'
import { defaultValidityDays, expiryFrom } from '../stored-value/index.ts'
import { returnPolicies } from './returns.ts'
import type { MovementRow, OrderEventRow, OrderLineRow, OrderRow, PaymentRow } from './rows.ts'
import type { OrderSpec, ReturnSpec } from './specs.ts'

export type ReturnRow = typeof returns.$inferInsert
export type ReturnLineRow = typeof returnLines.$inferInsert
export type StoredValueAccountRow = typeof storedValueAccounts.$inferInsert
export type StoredValueEntryRow = typeof storedValueEntries.$inferInsert

export interface ReturnRows {
  returns: ReturnRow[]
  returnLines: ReturnLineRow[]
  storedValueAccounts: StoredValueAccountRow[]
  storedValueEntries: StoredValueEntryRow[]
}

/** Return numbers start where the return capability's sequence starts. */
const FIRST_RETURN_NUMBER = 500_001

interface Written {
  orders: OrderRow[]
  payments: PaymentRow[]
  events: OrderEventRow[]
  movements: MovementRow[]
}

/**
 * Writes the planned returns the way the return capability does when goods are received: the return
 * and its lines decided by the same policy rules, the units taken off what the order lines can give
 * back, resellable units back on hand and the others in quarantine (no repair ticket: a refunded
 * defective item is not the customer's to repair), the refund split over the order's tenders, and
 * the `returned` event franchise commissions and analytics read their reversals from. An exchange
 * refunds to a credit note that pays for the new goods.
 */
export class ReturnWriter {
  readonly rows: ReturnRows = {
    returns: [],
    returnLines: [],
    storedValueAccounts: [],
    storedValueEntries: [],
  }
  /** Units back per location|sku: resellable ones on hand, the others in quarantine. */
  readonly stock = new Map<string, { onHand: number; quarantined: number }>()
  private readonly ids = new Map<ReturnSpec, { id: string; number: number }>()
  private readonly credits: Array<{
    code: string
    amount: number
    refundId: string
    orderId: string
    returnId: string
    customerId: string | null
    at: Date
  }> = []

  constructor(
    specs: OrderSpec[],
    private readonly orderIds: Map<OrderSpec, string>,
    private readonly actor: string,
    /** Channels that take the money themselves (a marketplace): refunds go back through them. */
    private readonly collectingChannels: ReadonlySet<string>,
  ) {
    // Numbered and identified in the order they were made, as the sequence and the ids would be.
    const all = specs.flatMap((s) => s.returns ?? [])
    all.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    all.forEach((r, i) => {
      this.ids.set(r, { id: newId('rtn'), number: FIRST_RETURN_NUMBER + i })
    })
  }

  write(spec: OrderSpec, order: OrderRow, lines: OrderLineRow[], captures: PaymentRow[], out: Written) {
    for (const planned of spec.returns ?? []) this.writeOne(spec, planned, order, lines, captures, out)
  }

  private writeOne(
    spec: OrderSpec,
    planned: ReturnSpec,
    order: OrderRow,
    lines: OrderLineRow[],
    captures: PaymentRow[],
    out: Written,
  ) {
    const { id, number } = this.ids.get(planned)!
    const handedOverAt = spec.fulfilledAt ?? spec.placedAt
    const purchase: Purchase = {
      id: order.id!,
      channelId: order.channelId,
      handedOverAt,
      lines: lines.map((l, i) => ({
        id: l.id!,
        lineNo: l.lineNo,
        sku: l.sku,
        productName: l.productName,
        category: spec.lines[i]!.variant.product.category,
        quantity: l.quantity,
        totalCents: l.totalCents,
        vatCents: l.vatCents,
        vatRateBp: l.vatRateBp,
        fulfilledQuantity: l.fulfilledQuantity ?? 0,
        cancelledQuantity: l.cancelledQuantity ?? 0,
        returnedQuantity: l.returnedQuantity ?? 0,
      })),
    }
    const decision = decideReturn(
      purchase,
      planned.lines.map((x) => ({
        order_line_id: lines[x.index]!.id!,
        quantity: x.quantity,
        reason: x.reason,
        condition: x.condition,
      })),
      returnPolicies,
      planned.createdAt,
      { allowed: false, reason: null },
    )
    for (const x of planned.lines) {
      const line = lines[x.index]!
      line.returnedQuantity = (line.returnedQuantity ?? 0) + x.quantity
    }
    const received = planned.receivedAt
    const exchange = planned.exchange
    const lineRows: ReturnLineRow[] = decision.lines.map((l) => ({
      id: newId('rln'),
      returnId: id,
      orderLineId: l.orderLineId,
      lineNo: l.lineNo,
      sku: l.sku,
      quantity: l.quantity,
      reason: l.reason,
      condition: received ? l.condition : null,
      refundCents: l.refundCents,
      vatCents: l.vatCents,
      vatRateBp: l.vatRateBp,
      ticketId: null,
    }))
    this.rows.returnLines.push(...lineRows)
    this.rows.returns.push({
      id,
      number,
      orderId: order.id!,
      customerId: order.customerId ?? null,
      channelId: planned.channel?.row.id ?? null,
      method: planned.method,
      locationId: planned.location.row.id,
      status: received ? 'completed' : 'awaiting_receipt',
      refundTo: exchange ? 'store_credit' : 'original',
      refundCents: decision.refundCents,
      vatCents: decision.vatCents,
      policy: {
        evaluated_at: planned.createdAt.toISOString(),
        handed_over_at: handedOverAt.toISOString(),
        lines: decision.lines.map((l) => ({ line_no: l.lineNo, sku: l.sku, ...l.policy })),
      },
      override: null,
      exchangeOrderId: exchange ? this.orderIds.get(exchange.order)! : null,
      receivedAt: received ?? null,
      receivedBy: received ? this.actor : null,
      createdBy: this.actor,
      createdAt: planned.createdAt,
      updatedAt: received ?? planned.createdAt,
    })
    if (!received) return

    const locationId = planned.location.row.id
    for (const l of lineRows) {
      const resellable = l.condition === 'resellable'
      out.movements.push({
        locationId,
        sku: l.sku,
        kind: resellable ? 'return' : 'quarantine',
        onHandDelta: resellable ? l.quantity : 0,
        reservedDelta: 0,
        quarantinedDelta: resellable ? 0 : l.quantity,
        reference: id,
        reason: `returned ${l.condition}`,
        actor: this.actor,
        createdAt: received,
      })
      const key = `${locationId}|${l.sku}`
      const back = this.stock.get(key) ?? { onHand: 0, quarantined: 0 }
      if (resellable) back.onHand += l.quantity
      else back.quarantined += l.quantity
      this.stock.set(key, back)
    }

    const refunds = exchange
      ? [this.payment(order, 'store_credit', decision.refundCents, exchange.code, id, received)]
      : this.toTenders(order, captures, out.payments, decision.refundCents, planned, id, received)
    out.payments.push(...refunds)
    order.refundedCents = (order.refundedCents ?? 0) + decision.refundCents
    if (received > order.updatedAt!) order.updatedAt = received
    out.events.push({
      orderId: order.id!,
      type: 'returned',
      fromStatus: order.status!,
      toStatus: order.status!,
      actor: this.actor,
      createdAt: received,
      data: {
        return_id: id,
        return_number: number,
        location_id: locationId,
        refund_cents: decision.refundCents,
        lines: lineRows.map((l) => ({
          order_line_id: l.orderLineId,
          sku: l.sku,
          quantity: l.quantity,
          condition: l.condition,
          refund_cents: l.refundCents,
          net_cents: l.refundCents - l.vatCents,
        })),
      },
    })
    if (exchange) {
      this.credits.push({
        code: exchange.code,
        amount: decision.refundCents,
        refundId: refunds[0]!.id!,
        orderId: order.id!,
        returnId: id,
        customerId: order.customerId ?? null,
        at: received,
      })
    }
  }

  /** Money back to the card, or in cash at a till, as the refund rules split it. */
  private toTenders(
    order: OrderRow,
    captures: PaymentRow[],
    payments: PaymentRow[],
    amount: number,
    planned: ReturnSpec,
    returnId: string,
    at: Date,
  ): PaymentRow[] {
    const allocation = allocateRefund(
      amount,
      captures.map((c) => ({
        id: c.id!,
        method: c.method as TenderMethod,
        amountCents: c.amountCents,
        refundedCents: payments
          .filter((p) => p.kind === 'refund' && p.reference === c.id)
          .reduce((s, p) => s + p.amountCents, 0),
      })),
      {
        atTill: planned.method === 'in_store',
        toStoreCredit: false,
        pointValueCents: programme.pointValueCents,
        channelCollected: this.collectingChannels.has(order.channelId!),
      },
    )
    if (allocation.storeCreditCents > 0)
      throw new Error(`demo return of order ${order.id} would need a credit note: plan it at a till`)
    return allocation.parts.map((p) =>
      this.payment(order, p.method, p.amountCents, p.captureId, returnId, at),
    )
  }

  private payment(
    order: OrderRow,
    method: PaymentRow['method'],
    amountCents: number,
    reference: string,
    returnId: string,
    at: Date,
  ): PaymentRow {
    return {
      id: newId('pay'),
      orderId: order.id!,
      kind: 'refund',
      method,
      amountCents,
      tenderedCents: null,
      reference,
      returnId,
      createdAt: at,
      updatedAt: at,
    }
  }

  /** The credit notes of the exchanges, issued by the return and spent by the exchange order. */
  finish(payments: PaymentRow[]) {
    for (const c of this.credits) {
      const spent = payments.find(
        (p) => p.kind === 'capture' && p.method === 'store_credit' && p.reference === c.code,
      )!
      const accountId = newId('sva')
      this.rows.storedValueAccounts.push({
        id: accountId,
        kind: 'store_credit',
        code: c.code,
        customerId: c.customerId,
        currency: 'EUR',
        issuedCents: c.amount,
        balanceCents: c.amount - spent.amountCents,
        expiresAt: expiryFrom(c.at, defaultValidityDays),
        source: 'exchange',
        sourceOrderId: c.orderId,
        sourceReturnId: c.returnId,
        issuedBy: this.actor,
        createdAt: c.at,
        updatedAt: spent.createdAt!,
      })
      this.rows.storedValueEntries.push(
        {
          accountId,
          kind: 'issue',
          amountCents: c.amount,
          orderId: c.orderId,
          returnId: c.returnId,
          reference: c.refundId,
          reason: null,
          actor: this.actor,
          createdAt: c.at,
        },
        {
          accountId,
          kind: 'redeem',
          amountCents: -spent.amountCents,
          orderId: spent.orderId,
          returnId: null,
          reference: spent.id!,
          reason: null,
          actor: this.actor,
          createdAt: spent.createdAt!,
        },
      )
    }
    this.rows.storedValueEntries.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime())
  }
}
