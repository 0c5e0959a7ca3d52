import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the supply capability (replenishment, purchasing) answers, beside the common ones. */
export const supplyErrors = {
  proposal_not_found: {
    status: 404,
    meaning: 'No replenishment proposal with this id: check the reference.',
  },
  proposal_line_not_found: {
    status: 404,
    meaning: 'The proposal has no line for this SKU: only proposed lines are edited.',
  },
  supplier_not_found: { status: 404, meaning: 'No supplier with this id or code: create it first.' },
  purchase_order_not_found: { status: 404, meaning: 'No purchase order with this id or reference.' },
  receipt_not_found: { status: 404, meaning: 'No receipt with this id on this purchase order.' },
  proposal_approved: {
    status: 409,
    meaning:
      'The proposal is approved and its transfers are on their way: edit the transfers, not the proposal.',
  },
  purchase_order_closed: {
    status: 409,
    meaning:
      'The purchase order is received in full or cancelled: nothing more is received or changed on it.',
  },
  receipt_decided: {
    status: 409,
    meaning: 'The receipt was already approved or rejected: reload it.',
  },
  not_supplied: {
    status: 422,
    meaning:
      'The store has no supply settings (warehouse, delivery days): set them with PUT /replenishment/stores/{id}.',
  },
  unsupported_file_type: {
    status: 415,
    meaning: 'Send the purchase-order file as the body with Content-Type: text/csv.',
  },
  sku_not_on_order: {
    status: 422,
    meaning: 'The SKU is not on this purchase order: receive it on its own order, or add a line.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(supplyErrors)
