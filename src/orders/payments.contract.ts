/**
 * What paying takes: the tenders an order, a draft's confirmation and a hand-over at the counter
 * accept (apart from orders.contract.ts so that fulfilment's contract, which orders' embeds, can use it).
 */
import { Type } from '@fastify/type-provider-typebox'
import { tenderMethods } from './orders.schema.ts'

const PaymentIn = Type.Object(
  {
    method: Type.Enum(tenderMethods),
    amount_cents: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    tendered_cents: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100_000_000,
        description: 'Cash handed over; change is given back.',
      }),
    ),
    reference: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          'Card authorisation; for gift_card, store_credit and voucher the code to spend (required).',
      }),
    ),
  },
  { additionalProperties: false },
)
export const Payments = Type.Array(PaymentIn, { maxItems: 20 })
