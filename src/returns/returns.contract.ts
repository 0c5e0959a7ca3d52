import { Type } from '@fastify/type-provider-typebox'
import { Id, Nullable, Page, PageQuery } from '../http/schemas.ts'
import { OrderIn } from '../orders/index.ts'
import { Parcel, ReturnParcelIn } from '../shipping/index.ts'
import { returnConditions, returnReasons, returnResolutions } from './returns.domain.ts'
import { refundDestinations, returnMethods, returnStatuses } from './returns.schema.ts'

const Condition = Type.Enum(returnConditions, {
  description:
    'resellable: back on the shelf; damaged: quarantine; defective: quarantine and, refunded, the store’s ' +
    'supplier claim ticket.',
})

const Resolution = Type.Enum(returnResolutions, {
  description:
    'refund (default): the money back, the unit the brand’s (a defective one is quarantined and claimed from ' +
    'the supplier by the store); repair: nothing refunded nor restocked, the item stays the customer’s and a ' +
    'repair ticket in their name follows it (covered for the 2-year legal guarantee, not the return window).',
})

export const ReturnView = Type.Object({
  id: Type.String(),
  number: Type.String({ description: 'Return (RMA) number, printed on the return label.' }),
  order_id: Type.String(),
  order_number: Type.String(),
  customer_id: Nullable(Type.String()),
  status: Type.Enum(returnStatuses),
  method: Type.Enum(returnMethods),
  label_barcode: Nullable(
    Type.String({
      description:
        'A carrier return: the EAN-13 printed on the parcel’s return label (`28` + the return number); ' +
        'the receiving location scans it (GET /returns?label=…). Null for other methods.',
    }),
  ),
  location_id: Type.String({ description: 'Where the goods come back.' }),
  refund_to: Type.Enum(refundDestinations),
  refund_cents: Type.Integer({ description: 'VAT included; discounts spread over the units.' }),
  vat_cents: Type.Integer({ description: 'VAT given back.' }),
  vat_breakdown: Type.Array(
    Type.Object({ rate: Type.Number(), base_incl_cents: Type.Integer(), vat_cents: Type.Integer() }),
  ),
  lines: Type.Array(
    Type.Object({
      id: Type.String(),
      order_line_id: Type.String(),
      line_no: Type.Integer(),
      sku: Type.String(),
      quantity: Type.Integer(),
      reason: Type.String(),
      condition: Nullable(Type.String()),
      resolution: Resolution,
      refund_cents: Type.Integer(),
      vat_cents: Type.Integer(),
      ticket_id: Nullable(
        Type.String({
          description:
            'The customer’s repair ticket, or the store’s supplier claim for a defective item refunded.',
        }),
      ),
    }),
  ),
  refunds: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.String(),
        method: Type.String({
          description:
            'The tender given back; `partner`: given back by the partner channel that collected it.',
        }),
        amount_cents: Type.Integer(),
        credited_code: Nullable(
          Type.String({ description: 'Gift card, credit note or voucher the value went back to.' }),
        ),
      }),
    ),
  ),
  policy: Type.Object({}, { additionalProperties: true, description: 'The policy decision per line.' }),
  override: Type.Union([Type.Null(), Type.Object({}, { additionalProperties: true })], {
    description:
      'Who lifted which refused rule, and why; `refund`: who refunded at the till what a partner collected, how and why.',
  }),
  exchange_order_id: Nullable(Type.String()),
  created_by: Nullable(Type.String()),
  created_at: Type.String({ format: 'date-time' }),
  received_at: Nullable(Type.String({ format: 'date-time' })),
})

export const ReturnIn = Type.Object(
  {
    order_id: Id('The purchase, from any channel.'),
    method: Type.Enum(returnMethods, {
      description:
        'in_store: at a till, goods in hand (inspected and refunded at once); carrier: picked up or posted; store_drop_off: left at a store.',
    }),
    location_id: Type.Optional(
      Id('Drop-off store, or the location receiving a carrier return (a warehouse by default); id or code.'),
    ),
    register_id: Type.Optional(
      Id(
        "The till giving money back for an in_store return (id or code): its return ticket joins the register's chain; required in stores that sell through registers.",
      ),
    ),
    refund_to: Type.Optional(
      Type.Enum(refundDestinations, {
        description:
          'original (default): back to the tenders, in the documented order; store_credit: a credit note.',
      }),
    ),
    lines: Type.Array(
      Type.Object(
        {
          order_line_id: Id('Order line'),
          quantity: Type.Integer({ minimum: 1, maximum: 10_000 }),
          reason: Type.Enum(returnReasons),
          condition: Type.Optional(Condition),
          resolution: Type.Optional(Resolution),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
    override: Type.Optional(
      Type.Object(
        { reason: Type.String({ minLength: 3, maxLength: 500 }) },
        {
          additionalProperties: false,
          description: 'A manager lifts a refused policy rule; recorded with the return.',
        },
      ),
    ),
    refund_override: Type.Optional(
      Type.Object(
        {
          method: Type.Enum(['card', 'cash'] as const),
          reason: Type.String({ minLength: 3, maxLength: 500 }),
        },
        {
          additionalProperties: false,
          description:
            'A store manager (or head office) refunds at the till, in this tender, a purchase whose money a ' +
            'partner channel collected (by default it goes back through the partner, owed on its settlement); ' +
            'recorded with the return (override.refund).',
        },
      ),
    ),
    exchange: Type.Optional(
      Type.Omit(OrderIn, ['customer_id', 'draft', 'hold_minutes'], {
        description:
          'Goods taken in exchange, in the same transaction: paid first with the value returned; payments cover any difference; a smaller price leaves the rest on a credit note.',
      }),
    ),
  },
  { additionalProperties: false },
)

export const ReturnParams = Type.Object({ id: Id('Return id') })

export const ReturnLabelBody = Type.Object(
  {
    ...ReturnParcelIn.properties,
    address: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 200 }),
          line1: Type.String({ minLength: 1, maxLength: 300 }),
          postcode: Type.String({ pattern: '^[0-9]{5}$' }),
          city: Type.String({ minLength: 1, maxLength: 200 }),
          country: Type.String({ pattern: '^[A-Z]{2}$' }),
        },
        {
          additionalProperties: false,
          description: 'Where the parcel leaves from; the delivery address by default.',
        },
      ),
    ),
  },
  { additionalProperties: false },
)

export { Parcel as ReturnLabel }

const Purchase = Type.Object({
  id: Type.String(),
  number: Type.String(),
  receipt_barcode: Type.String(),
  channel: Type.Object({ id: Type.String(), code: Type.String() }),
  customer_id: Nullable(Type.String()),
  store_id: Nullable(Type.String()),
  status: Type.String(),
  total_cents: Type.Integer(),
  refunded_cents: Type.Integer(),
  placed_at: Nullable(Type.String({ format: 'date-time' })),
  lines: Type.Array(
    Type.Object({
      id: Type.String(),
      line_no: Type.Integer(),
      sku: Type.String(),
      product_name: Type.String(),
      quantity: Type.Integer(),
      total_cents: Type.Integer(),
      fulfilled_quantity: Type.Integer(),
      returned_quantity: Type.Integer(),
      returnable_quantity: Type.Integer({ description: 'Handed over and not yet in a return.' }),
    }),
  ),
})

export const FindPurchasesQuery = Type.Object({
  number: Type.Optional(Type.String({ maxLength: 20 })),
  receipt: Type.Optional(Type.String({ maxLength: 20, description: 'EAN-13 scanned off the receipt.' })),
  phone: Type.Optional(Type.String({ maxLength: 40 })),
  email: Type.Optional(Type.String({ maxLength: 320 })),
  card: Type.Optional(Type.String({ maxLength: 40, description: 'Loyalty card number.' })),
  payment_reference: Type.Optional(
    Type.String({ maxLength: 200, description: 'Card authorisation or gift card code.' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
})

export const FindPurchasesResponse = Type.Object({ data: Type.Array(Purchase) })

export const ListReturnsQuery = Type.Object({
  order_id: Type.Optional(Type.String()),
  customer_id: Type.Optional(Type.String()),
  location_id: Type.Optional(Type.String({ description: 'Location id or code.' })),
  status: Type.Optional(Type.Enum(returnStatuses)),
  label: Type.Optional(
    Type.String({ maxLength: 20, description: 'The barcode scanned off a parcel’s return label.' }),
  ),
  ...PageQuery,
})

export const ReturnViewPage = Page(ReturnView)

export const ReceiveReturnBody = Type.Object(
  {
    lines: Type.Array(
      Type.Object({ order_line_id: Id('Order line'), condition: Condition }, { additionalProperties: false }),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
)

export const CancelReturnBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
)

const Policy = Type.Object({
  id: Type.String(),
  channel_id: Nullable(Type.String()),
  category: Nullable(Type.String()),
  window_days: Type.Integer(),
  returnable: Type.Boolean(),
  reasons: Type.Array(Type.String()),
  conditions: Type.Array(Type.String()),
})

export const ListPoliciesResponse = Type.Object({ data: Type.Array(Policy) })

export const PutReturnPolicyBody = Type.Object(
  {
    channel_id: Type.Optional(Nullable(Type.String({ description: 'Channel id or code.' }))),
    category: Type.Optional(Nullable(Type.String())),
    window_days: Type.Integer({ minimum: 0, maximum: 3650 }),
    returnable: Type.Optional(Type.Boolean()),
    reasons: Type.Optional(Type.Array(Type.String(), { maxItems: 20 })),
    conditions: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
)
