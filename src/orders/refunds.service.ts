import { getChannel } from '../channels/index.ts'
import type { Tx } from '../db/database.ts'
import { newId } from '../shared/ids.ts'
import {
  creditStoredValue,
  defaultValidityDays,
  expiryFrom,
  issueStoredValue,
} from '../stored-value/index.ts'
import type { PlannedPayment } from './orders.domain.ts'
import type { TenderMethod } from './orders.schema.ts'
import { orderPayments } from './orders.store.ts'
import { pointsTender } from './points-tender.ts'
import { allocateRefund, type CaptureState } from './refunds.domain.ts'

export interface RefundOptions {
  /** The customer is at a till: cash can be handed back. */
  atTill: boolean
  /** The customer chose a credit note rather than money back. */
  toStoreCredit: boolean
  returnId: string | null
  actor: string
  /**
   * A manager gives back at the till, in this tender, money a partner channel collected (recorded
   * with the return); otherwise that money goes back through the partner.
   */
  tillOverride?: 'card' | 'cash'
}

/** A refund payment, and where stored value went (the code credited or issued). */
export type RefundPayment = PlannedPayment & { returnId: string | null; creditedCode: string | null }

/**
 * Gives `amountCents` back to the order's tenders in the documented order (see `refundOrder`):
 * points back to the loyalty account, value back to the gift card, credit note or voucher it came
 * from, card and cash recorded; what no tender can take becomes a new credit note. Runs inside the
 * caller's transaction; returns the refund payments for the caller to record with the order.
 */
export async function refundToTenders(
  tx: Tx,
  order: { id: string; customer_id: string | null; channel_id: string },
  amountCents: number,
  options: RefundOptions,
): Promise<RefundPayment[]> {
  if (amountCents <= 0) return []
  const payments = await orderPayments(tx, [order.id])
  const channel = await getChannel(tx, order.channel_id)
  const captures: Array<CaptureState & { reference: string | null }> = payments
    .filter((p) => p.kind === 'capture')
    .map((p) => ({
      id: p.id,
      method: p.method as TenderMethod,
      amountCents: p.amount_cents,
      refundedCents: payments
        .filter((r) => r.kind === 'refund' && r.reference === p.id)
        .reduce((s, r) => s + r.amount_cents, 0),
      reference: p.reference,
    }))
  const points = pointsTender()
  const allocation = allocateRefund(amountCents, captures, {
    atTill: options.atTill,
    toStoreCredit: options.toStoreCredit,
    pointValueCents: points.pointValueCents,
    channelCollected: channel.collectsPayment,
    ...(options.tillOverride ? { tillOverride: options.tillOverride } : {}),
  })
  const refunds: RefundPayment[] = []
  for (const part of allocation.parts) {
    const id = newId('pay')
    const capture = captures.find((c) => c.id === part.captureId)!
    let creditedCode: string | null = null
    let method = part.method
    if (part.method === 'loyalty_points' && order.customer_id) {
      await points.giveBack(
        tx,
        order.customer_id,
        order.id,
        part.amountCents / points.pointValueCents,
        id,
        options.actor,
      )
    } else if (part.method === 'gift_card' || part.method === 'store_credit' || part.method === 'voucher') {
      const credited = await creditStoredValue(tx, {
        code: capture.reference!,
        amountCents: part.amountCents,
        orderId: order.id,
        returnId: options.returnId,
        refundId: id,
        actor: options.actor,
      })
      if (!credited) {
        // Expired since: its share becomes a new credit note, still counted against this capture.
        refunds.push(
          await creditNoteRefund(tx, order, part.amountCents, 'refund', options.returnId, options.actor, {
            captureId: part.captureId,
            reason: `refund of ${capture.reference}, expired`,
          }),
        )
        continue
      }
      method = credited.method
      creditedCode = credited.code
    }
    refunds.push({
      id,
      method,
      amountCents: part.amountCents,
      tenderedCents: null,
      reference: part.captureId,
      returnId: options.returnId,
      creditedCode,
    })
  }
  if (allocation.storeCreditCents > 0) {
    refunds.push(
      await creditNoteRefund(
        tx,
        order,
        allocation.storeCreditCents,
        'refund',
        options.returnId,
        options.actor,
      ),
    )
  }
  return refunds
}

/**
 * Money given back as a new credit note (a refund no tender can take, a card expired since, or the
 * value of an exchange): issued for the order's customer with the usual validity. The refund payment
 * names the capture it gives back when there is one (so that capture is not refunded twice), else
 * the note's code.
 */
export async function creditNoteRefund(
  tx: Tx,
  order: { id: string; customer_id: string | null },
  amountCents: number,
  source: 'refund' | 'exchange',
  returnId: string | null,
  actor: string,
  instead?: { captureId: string; reason: string },
): Promise<RefundPayment> {
  const id = newId('pay')
  const credit = await issueStoredValue(tx, {
    kind: 'store_credit',
    amountCents,
    customerId: order.customer_id,
    expiresAt: expiryFrom(new Date(), defaultValidityDays),
    source,
    reference: id,
    actor,
    ...(instead ? { reason: instead.reason } : {}),
    sourceOrderId: order.id,
    ...(returnId ? { sourceReturnId: returnId } : {}),
  })
  return {
    id,
    method: 'store_credit',
    amountCents,
    tenderedCents: null,
    reference: instead?.captureId ?? credit.code,
    returnId,
    creditedCode: credit.code,
  }
}
