import type { Static } from '@fastify/type-provider-typebox'
import type { Tx } from '../db/database.ts'
import type { DeliveryAddress } from '../network/index.ts'
import { findOrder } from '../orders/index.ts'
import type { Actor } from '../shared/actor.ts'
import { invalidInput } from '../shared/errors.ts'
import { createReturnParcelIn, type ReturnParcelIn } from '../shipping/index.ts'
import { notFound, refused } from './returns.errors.ts'
import { maySeeReturn } from './returns.service.ts'
import * as store from './returns.store.ts'

/**
 * A return label for a return by carrier: a parcel from the customer to the location receiving the
 * return, with its tracking number, priced at the service's rate and paid by the brand. The customer
 * (through their channel) prints it from GET /api/v1/parcels/{id}/label.
 */
export async function returnLabelIn(
  tx: Tx,
  actor: Actor,
  returnId: string,
  input: Static<typeof ReturnParcelIn> & { address?: DeliveryAddress },
) {
  const r = await store.findReturn(tx, returnId, true)
  if (!r || !maySeeReturn(actor, r)) throw notFound('return', returnId)
  if (r.method !== 'carrier') {
    throw invalidInput('method', `return ${r.number} is not sent by carrier: it needs no label`)
  }
  if (r.status !== 'awaiting_receipt') {
    throw refused('return_not_awaiting_receipt', `Return ${r.number} is ${r.status}.`, { status: r.status })
  }
  const order = await findOrder(tx, r.order_id)
  const address = input.address ?? (order?.delivery_address as DeliveryAddress | null)
  if (!address) throw invalidInput('address', 'give the address the parcel is sent from')
  const { address: _given, ...size } = input
  return createReturnParcelIn(tx, actor, {
    orderId: r.order_id,
    returnId: r.id,
    locationId: r.location_id,
    address,
    ...size,
  })
}
