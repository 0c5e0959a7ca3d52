/**
 * The orders API's schemas: what an order looks like and what placing one takes. Written once here;
 * the TypeScript types of the views are derived from them (`Static<typeof Order>`).
 */
import { Type } from '@fastify/type-provider-typebox'
import { fulfilmentModes } from '../channels/index.ts'
import {
  CountryCode,
  Id,
  IdempotencyHeaders,
  LoginHeaders,
  Nullable,
  Page,
  PageQuery,
} from '../http/schemas.ts'
import { PickupRouting, RoutingDecision, TaskSummary } from './fulfilment/fulfilment.contract.ts'
import { orderStatuses } from './order-process.domain.ts'
import { paymentKinds, paymentMethods } from './orders.schema.ts'
import { Payments } from './payments.contract.ts'

const literals = <T extends string>(values: readonly T[]) => Type.Enum(values)

/** An order's status, as the API shows it and lists filter on. */
export const OrderStatus = literals(orderStatuses)

const Address = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    line1: Type.String({ minLength: 1, maxLength: 300 }),
    postcode: Type.String({ minLength: 1, maxLength: 20 }),
    city: Type.String({ minLength: 1, maxLength: 200 }),
    country: CountryCode(),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
)

export const OrderIn = Type.Object(
  {
    channel: Type.String({ minLength: 1, description: 'Channel id or code.' }),
    customer_id: Type.Optional(Id('Customer; omit for an anonymous till sale.')),
    store_id: Type.Optional(Id('Selling store, id or code (defaults to the store of a store_staff key).')),
    register_id: Type.Optional(
      Id(
        "Till (register) of a store sale, id or code: its ticket joins the register's chain; required in stores that sell through registers.",
      ),
    ),
    draft: Type.Optional(
      Type.Boolean({
        description: 'Hold the stock for a short time (checkout, phone order); confirm with payment.',
      }),
    ),
    hold_minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
    lines: Type.Array(
      Type.Object(
        {
          sku: Type.String({ minLength: 1, maxLength: 64 }),
          quantity: Type.Integer({ minimum: 1, maximum: 10_000 }),
          fulfilment: literals(fulfilmentModes),
          pickup_location_id: Type.Optional(
            Id('Store where the customer collects (pickup, reserve), id or code.'),
          ),
          discount_cents: Type.Optional(
            Type.Integer({ minimum: 0, description: 'Manual line discount (staff only).' }),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
    delivery_address: Type.Optional(Address),
    delivery: Type.Optional(
      Type.Object(
        {
          service: Type.String({
            minLength: 1,
            maxLength: 64,
            description: 'The carrier service code the customer chose (GET /api/v1/delivery-options).',
          }),
          weight_g: Type.Optional(
            Type.Integer({
              minimum: 1,
              maximum: 1_000_000,
              description: 'The parcel’s weight the fee is priced at.',
            }),
          ),
          relay_point_id: Type.Optional(Id('The relay point chosen (relay services; id or code).')),
        },
        {
          additionalProperties: false,
          description:
            'The delivery service of the delivery lines: its fee (VAT included, waived above the channel’s free ' +
            'threshold or with a promotion code) is added to the total, and the routing prices each parcel at its ' +
            'carrier rate. Without it, delivery is free and parcels are priced at the channel’s cost model.',
        },
      ),
    ),
    payments: Type.Optional(Payments),
    promotion_codes: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
        maxItems: 10,
        description: 'Voucher codes the customer gives; promotions without a code apply by themselves.',
      }),
    ),
    offline: Type.Optional(
      Type.Object(
        {
          sold_at: Type.String({ format: 'date-time', description: 'When the till made the sale.' }),
          ticket: Type.String({
            minLength: 1,
            maxLength: 40,
            description: 'The ticket number the till printed on the receipt it gave offline.',
          }),
        },
        {
          additionalProperties: false,
          description:
            'A sale a till made while cut off from the server, replayed when it is back (send the ' +
            'Idempotency-Key the till gave it: a replay records it once). Take-away, cash or card, no ' +
            'customer; it is recorded at its sale time even when the books no longer hold its units ' +
            '(the goods left the store): the missing units are booked back as an adjustment and the ' +
            'sale is flagged for the manager (GET /offline-sales).',
        },
      ),
    ),
  },
  { additionalProperties: false },
)

const LinePromotion = Type.Object({
  promotion_id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  cents: Type.Integer({ description: 'What this promotion took off this line.' }),
})

/** What a till sale made offline says beside the order: its time, ticket and units missing. */
export const OfflineSale = Type.Object({
  order_id: Type.String(),
  order_number: Type.String(),
  store_id: Type.String(),
  register_id: Nullable(Type.String()),
  ticket: Type.String({ description: 'The ticket number the till printed offline.' }),
  sold_at: Type.String({ format: 'date-time', description: 'When the till made the sale.' }),
  recorded_at: Type.String({ format: 'date-time', description: 'When the server received it.' }),
  total_cents: Type.Integer(),
  shortfall: Type.Array(
    Type.Object({ location_id: Type.String(), sku: Type.String(), units: Type.Integer() }),
    { description: 'Units the books no longer held when it was recorded, booked back as an adjustment.' },
  ),
  flagged: Type.Boolean({ description: 'A shortfall to look at; false once a manager has.' }),
  reviewed_at: Nullable(Type.String({ format: 'date-time' })),
  reviewed_by: Nullable(Type.String()),
})

export const OfflineSalesQuery = Type.Object({
  flagged: Type.Optional(Type.Boolean({ description: 'Only sales with a shortfall not yet looked at.' })),
  store_id: Type.Optional(Type.String({ description: 'Store id or code (head office).' })),
  ...PageQuery,
})

export const OfflineSalePage = Page(OfflineSale)
export const OfflineSaleParams = Type.Object({ order_id: Id('Order id') })

/** The order as the API shows it, identical whether built from a fresh plan or read back. */
export const Order = Type.Object({
  id: Type.String(),
  number: Type.String({ description: 'Human-readable order number, printed on receipts.' }),
  receipt_barcode: Type.String({
    description:
      'EAN-13 printed on the receipt (29 + order number): scanned at any till to find the purchase.',
  }),
  channel: Type.Object({ id: Type.String(), code: Type.String() }),
  customer_id: Type.Union([Type.String(), Type.Null()]),
  store_id: Type.Union([Type.String(), Type.Null()]),
  status: OrderStatus,
  currency: Type.String(),
  total_cents: Type.Integer({ description: 'VAT included.' }),
  vat_cents: Type.Integer(),
  paid_cents: Type.Integer(),
  refunded_cents: Type.Integer(),
  balance_due_cents: Type.Integer(),
  vat_breakdown: Type.Array(
    Type.Object({ rate: Type.Number(), base_incl_cents: Type.Integer(), vat_cents: Type.Integer() }),
  ),
  delivery_address: Type.Union([Address, Type.Null()]),
  delivery_fee: Nullable(
    Type.Object(
      {
        service_code: Type.String(),
        service_name: Type.String(),
        relay_point_id: Nullable(Type.String()),
        total_cents: Type.Integer({ description: 'VAT included; in total_cents and the VAT breakdown.' }),
        vat_rate: Type.Number(),
        vat_cents: Type.Integer(),
        list_cents: Type.Integer({ description: 'Before it was waived.' }),
        free_reason: Nullable(Type.String()),
      },
      { description: 'The delivery fee: a line of the order’s totals with its VAT.' },
    ),
  ),
  draft_expires_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  placed_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lines: Type.Array(
    Type.Object({
      id: Type.String(),
      line_no: Type.Integer(),
      sku: Type.String(),
      product_name: Type.String(),
      quantity: Type.Integer(),
      unit_price_cents: Type.Integer(),
      discount_cents: Type.Integer(),
      total_cents: Type.Integer(),
      vat_rate: Type.Number({ description: 'Percent, e.g. 20 or 5.5.' }),
      vat_cents: Type.Integer(),
      fulfilment: literals(fulfilmentModes),
      source_location_id: Type.String(),
      pickup_location_id: Type.Union([Type.String(), Type.Null()]),
      fulfilled_quantity: Type.Integer(),
      cancelled_quantity: Type.Integer(),
      returned_quantity: Type.Integer({ description: 'Units in a return, awaiting receipt or received.' }),
      promotions: Type.Array(LinePromotion, {
        description:
          'The promotions in discount_cents: a return of some units refunds their share of the line.',
      }),
    }),
  ),
  promotions: Type.Array(
    Type.Object({
      promotion_id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      discount_cents: Type.Integer(),
    }),
    { description: 'Promotions the order uses, applied by priority when it was placed.' },
  ),
  payments: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: literals(paymentKinds),
      method: literals(paymentMethods),
      amount_cents: Type.Integer(),
      tendered_cents: Type.Union([Type.Integer(), Type.Null()]),
      change_due_cents: Type.Union([Type.Integer(), Type.Null()]),
      reference: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  routing: Type.Union([RoutingDecision, Type.Null()]),
  pickup_routing: Type.Union([PickupRouting, Type.Null()]),
  pickup_code: Type.Union([Type.String(), Type.Null()], {
    description: 'Given by the customer at collection (pickup, reserve & collect); hidden from store keys.',
  }),
  tasks: Type.Optional(Type.Array(TaskSummary, { description: 'Preparation work in locations.' })),
  events: Type.Optional(
    Type.Array(
      Type.Object({
        type: Type.String(),
        from_status: Type.Union([Type.String(), Type.Null()]),
        to_status: Type.Union([Type.String(), Type.Null()]),
        actor: Type.Union([Type.String(), Type.Null()]),
        at: Type.String({ format: 'date-time' }),
      }),
    ),
  ),
  offline: Type.Optional(
    Type.Object(
      {
        sold_at: Type.String({ format: 'date-time' }),
        ticket: Type.String(),
        shortfall: OfflineSale.properties.shortfall,
      },
      { description: 'A till sale made offline and recorded when the till came back.' },
    ),
  ),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
})

/** What placing a basket would give, before anything is reserved, paid or numbered. */
export const Quote = Type.Object({
  channel: Order.properties.channel,
  customer_id: Order.properties.customer_id,
  store_id: Order.properties.store_id,
  currency: Type.String(),
  total_cents: Type.Integer(),
  vat_cents: Type.Integer(),
  due_now_cents: Type.Integer({
    description: 'What payments must cover now (reserve & collect is paid later).',
  }),
  vat_breakdown: Order.properties.vat_breakdown,
  lines: Type.Array(
    Type.Omit(Order.properties.lines.items, [
      'id',
      'fulfilled_quantity',
      'cancelled_quantity',
      'returned_quantity',
    ]),
  ),
  promotions: Order.properties.promotions,
})

export const OrderParams = Type.Object({ id: Id('Order id') })

export const PlaceOrderHeaders = Type.Object({ ...IdempotencyHeaders.properties, ...LoginHeaders.properties })

export const ListOrdersQuery = Type.Object({
  channel_id: Type.Optional(Type.String({ description: 'Channel id or code.' })),
  status: Type.Optional(OrderStatus),
  customer_id: Type.Optional(Type.String()),
  location_id: Type.Optional(
    Type.String({ description: 'Sold at, served from or collected at (id or code).' }),
  ),
  number: Type.Optional(Type.Integer({ minimum: 1 })),
  created_from: Type.Optional(Type.String({ format: 'date-time' })),
  created_to: Type.Optional(Type.String({ format: 'date-time' })),
  ...PageQuery,
})

export const OrderPage = Page(Order)

export const ConfirmDraftBody = Type.Object(
  {
    payments: Payments,
    register_id: Type.Optional(
      Id(
        "Till (register) where a store's draft is paid, id or code: its sale ticket joins the register's chain; required in stores that sell through registers.",
      ),
    ),
  },
  { additionalProperties: false },
)

export const CancelOrderBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    register_id: Type.Optional(
      Id(
        'Till (register) giving the money back, id or code: a cancellation ticket joins its chain. A sale rung up on a register is cancelled on that register unless another is named.',
      ),
    ),
  },
  { additionalProperties: false },
)

export const FulfilOrderBody = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        { line_id: Id('Order line'), quantity: Type.Integer({ minimum: 1, maximum: 10_000 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
    payments: Type.Optional(Payments),
  },
  { additionalProperties: false },
)

export const CustomerParams = Type.Object({ id: Id('Customer id') })

/** An order as a customer's list of orders shows it. */
export const OrderSummary = Type.Object({
  id: Type.String(),
  number: Type.String(),
  channel_code: Type.String(),
  status: Type.String(),
  total_cents: Type.Integer(),
  paid_cents: Type.Integer(),
  refunded_cents: Type.Integer(),
  store_id: Nullable(Type.String()),
  lines: Type.Array(
    Type.Object({
      sku: Type.String(),
      product_name: Type.String(),
      quantity: Type.Integer(),
      total_cents: Type.Integer(),
      fulfilment: Type.String(),
    }),
  ),
  created_at: Type.String({ format: 'date-time' }),
})

export const CustomerOrdersQuery = Type.Object(PageQuery)

export const OrderSummaryPage = Page(OrderSummary)
