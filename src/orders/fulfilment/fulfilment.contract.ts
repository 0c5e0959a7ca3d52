import { Type } from '@fastify/type-provider-typebox'
import { Id, Nullable, Page, PageQuery } from '../../http/schemas.ts'
import { Payments } from '../payments.contract.ts'
import { taskStatuses } from './fulfilment.schema.ts'

/**
 * The delivery service an order chose, the fee the customer pays for it and what its parcels cost the
 * brand: the routing priced each parcel at this service's carrier rate.
 */
export const DeliveryChoice = Type.Object(
  {
    service_code: Type.String(),
    service_name: Type.String(),
    carrier: Type.String(),
    kind: Type.String({ description: 'home, relay or express.' }),
    zone: Type.String(),
    relay_point_id: Type.Union([Type.Null(), Type.String()], { description: 'The relay point chosen.' }),
    weight_g: Type.Integer({ description: 'The weight the fee was priced at.' }),
    fee_cents: Type.Integer({
      description: 'What the customer pays for delivery, VAT included (0 when waived).',
    }),
    fee_vat_cents: Type.Integer(),
    fee_vat_rate_bp: Type.Integer(),
    list_fee_cents: Type.Integer({ description: 'The fee before it was waived.' }),
    free_reason: Type.Union([Type.Null(), Type.String()], { description: 'basket_threshold or promotion.' }),
    parcel_cost_cents: Type.Integer({ description: 'The carrier’s price of one parcel, VAT excluded.' }),
    carrier_cost_cents: Type.Integer({ description: 'Every shipment’s parcel at that price.' }),
    margin_cents: Type.Integer({
      description: 'The fee without its VAT less the carrier cost: what delivery earns or costs the brand.',
    }),
  },
  { description: 'The delivery service chosen, its fee and its carrier cost.' },
)

/** How the API shows a routing decision; orders.domain.ts derives its RoutingSummary type from it. */
export const RoutingDecision = Type.Object(
  {
    destination: Type.Object({
      lat: Type.Number(),
      lon: Type.Number(),
      precision: Type.String({ description: 'address, postcode or department' }),
    }),
    total_cost_cents: Type.Integer({ description: 'What the shipments cost the retailer.' }),
    optimal: Type.Boolean({ description: 'True when the allocation is proven the cheapest.' }),
    shipments: Type.Array(
      Type.Object({
        location_id: Type.String(),
        code: Type.String(),
        name: Type.String(),
        kind: Type.String(),
        distance_km: Type.Number(),
        lines: Type.Array(
          Type.Object({ line_no: Type.Integer(), sku: Type.String(), quantity: Type.Integer() }),
        ),
        cost: Type.Record(Type.String(), Type.Number()),
      }),
    ),
    explanation: Type.Array(Type.String(), { description: 'Why these locations, in plain language.' }),
    excluded: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), reason: Type.String() })),
    delivery: Type.Optional(DeliveryChoice),
  },
  { description: 'Where the delivery lines ship from and why.' },
)

export const TaskLine = Type.Object({
  order_line_id: Type.String(),
  sku: Type.String(),
  quantity: Type.Integer(),
  rejected_quantity: Type.Integer({ description: 'Units not found or damaged here, moved or cancelled.' }),
})

export const TaskSummary = Type.Object({
  id: Type.String(),
  location_id: Type.String(),
  kind: Type.String({ description: 'ship: a parcel to the customer; collect: handed over in the store.' }),
  status: Type.String(),
  promised_at: Type.String({ format: 'date-time' }),
  lines: Type.Array(TaskLine),
})

const taskFields = {
  ...TaskSummary.properties,
  order_id: Type.String(),
  order_number: Type.String(),
  customer_id: Nullable(
    Type.String({ description: 'The customer of the order (a merged profile: its survivor).' }),
  ),
  customer_name: Nullable(
    Type.String({ description: 'Their first and last name, as the counter greets them; null for a guest.' }),
  ),
  claimed_by: Type.Union([Type.String(), Type.Null()], { description: 'The key that started picking.' }),
  pickup_locked: Type.Boolean({
    description:
      'A collect task whose hand-over is locked: 5 wrong pickup codes were given; a store manager unlocks it.',
  }),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
}
/** A task as the preparation queue shows it. */
export const Task = Type.Object(taskFields)

/** A task with every step taken, with who took it. */
export const TaskWithEvents = Type.Object({
  ...taskFields,
  events: Type.Array(
    Type.Object({
      from_status: Type.Union([Type.String(), Type.Null()]),
      to_status: Type.String(),
      actor: Type.Union([Type.String(), Type.Null()]),
      data: Type.Unknown(),
      at: Type.String({ format: 'date-time' }),
    }),
  ),
})

export const PickupRouting = Type.Object(
  {
    transfers: Type.Array(
      Type.Object({
        from_location_id: Type.String(),
        code: Type.String(),
        name: Type.String(),
        kind: Type.String(),
        to_location_id: Type.String(),
        distance_km: Type.Number(),
        lines: Type.Array(
          Type.Object({ line_no: Type.Integer(), sku: Type.String(), quantity: Type.Integer() }),
        ),
      }),
    ),
    explanation: Type.Array(Type.String()),
    incoming: Type.Optional(
      Type.Array(
        Type.Object({
          transfer_id: Type.String(),
          line_no: Type.Integer(),
          sku: Type.String(),
          quantity: Type.Integer(),
          expected_at: Type.String({ format: 'date-time' }),
        }),
        { description: 'Units already on their way to the store, kept for this order.' },
      ),
    ),
  },
  {
    description:
      'Goods brought to the pickup store because it does not hold them; the collect task gives the later promise.',
  },
)

const Status = Type.Enum(taskStatuses)

export const TaskParams = Type.Object({ id: Id('Task id') })

export const ListQueueQuery = Type.Object({
  location: Type.Optional(Id('Location id or code')),
  status: Type.Optional(Type.Array(Status, { maxItems: 8 })),
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description:
        'Order number, or the customer’s name (part of it, accents ignored), phone (any French form) or e-mail.',
    }),
  ),
  updated_since: Type.Optional(
    Type.String({
      format: 'date-time',
      description: 'Only tasks whose last step was taken since then (e.g. the orders collected today).',
    }),
  ),
  ...PageQuery,
})

export const TaskPage = Page(Task)

export const AdvanceBody = Type.Object(
  {
    to: Status,
    payments: Type.Optional(Payments),
    pickup_code: Type.Optional(
      Type.String({
        maxLength: 32,
        description: 'Required to hand over: the code the customer received.',
      }),
    ),
    shipment: Type.Optional(
      Type.Object(
        {
          carrier: Type.String({
            minLength: 1,
            maxLength: 60,
            pattern: '\\S',
            description: 'Colissimo, DPD…',
          }),
          tracking_number: Type.Optional(
            Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9 -]+$' }),
          ),
        },
        {
          additionalProperties: false,
          description:
            'When the parcel is shipped: who carries it and its tracking number, shown in the order’s tracking.',
        },
      ),
    ),
  },
  { additionalProperties: false },
)

export const UnlockPickupBody = Type.Object(
  {
    reason: Type.String({
      minLength: 3,
      maxLength: 500,
      description: 'How the customer was identified (identity card, order confirmation…).',
    }),
  },
  { additionalProperties: false },
)

export const RejectLineBody = Type.Object(
  {
    line_id: Id('Order line id'),
    quantity: Type.Integer({ minimum: 1, maximum: 10_000 }),
    reason: Type.Union([Type.Literal('not_found'), Type.Literal('damaged')]),
  },
  { additionalProperties: false },
)
