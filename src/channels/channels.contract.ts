import { Type } from '@fastify/type-provider-typebox'
import { CurrencyCode, codePattern, Page, PageQuery } from '../http/schemas.ts'
import { channelKinds, fulfilmentModes } from './channels.domain.ts'

export const Ref = Type.Object({
  ref: Type.String({ minLength: 1, maxLength: 64, description: 'Channel id or code.' }),
})

const Modes = Type.Array(Type.Enum(fulfilmentModes), {
  minItems: 1,
  uniqueItems: true,
  description:
    'takeaway (emporté, at the till; store channels only), delivery (livraison), pickup (retrait en ' +
    'magasin, click & collect), reserve (réservation en magasin, paid in store).',
})

const PickupExpiryDays = Type.Integer({
  minimum: 1,
  maximum: 90,
  description:
    'Days an order waits in store, ready to collect, before it is cancelled and refunded (7 by default).',
})

const perKind = (description: string) =>
  Type.Object(
    {
      warehouse: Type.Optional(Type.Integer({ minimum: 0 })),
      store: Type.Optional(Type.Integer({ minimum: 0 })),
      dark_store: Type.Optional(Type.Integer({ minimum: 0 })),
    },
    { additionalProperties: false, description },
  )

/** The channel's changes to the routing cost model; what is left out keeps its default. */
const RoutingModel = Type.Object(
  {
    shipmentCents: Type.Optional(Type.Integer({ minimum: 0, description: 'Carrier cost of one parcel.' })),
    perKmCents: Type.Optional(
      Type.Number({ minimum: 0, description: 'Cost per km from location to customer.' }),
    ),
    prepParcelCents: Type.Optional(perKind('Handling one parcel, per location kind.')),
    prepUnitCents: Type.Optional(perKind('Picking one unit, per location kind.')),
    splitPenaltyCents: Type.Optional(Type.Integer({ minimum: 0, description: 'Added per extra parcel.' })),
    workloadPenaltyCents: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: "Added in proportion to a store's open tasks over its capacity.",
      }),
    ),
    atCapacityPenaltyCents: Type.Optional(Type.Integer({ minimum: 0 })),
    keepForStoreUnits: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 1000, description: 'Units a store keeps for walk-in shoppers.' }),
    ),
    shipFromStore: Type.Optional(
      Type.Boolean({ description: "Whether this channel's parcels may leave stores." }),
    ),
  },
  { additionalProperties: false },
)

const CollectsPayment = Type.Boolean({
  description:
    'The channel takes the customer’s money itself and owes it to the brand (a marketplace): its refunds ' +
    'go back through it, owed on its settlement (GET /channels/{ref}/settlement), never from a till. ' +
    'True by default for partner channels.',
})

const HoldMinutes = Type.Integer({
  minimum: 1,
  maximum: 1440,
  description: 'Minutes a draft order (web checkout, call centre) holds its stock before it expires.',
})

export const Channel = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.Enum(channelKinds),
  currency: Type.String(),
  price_list: Type.Object({ id: Type.String(), code: Type.String() }),
  fulfilment_modes: Type.Array(Type.String()),
  draft_hold_minutes: Type.Integer(),
  pickup_expiry_days: Type.Integer(),
  collects_payment: CollectsPayment,
  routing: Type.Union([RoutingModel, Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
})

export const Settlement = Type.Object({
  channel: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  month: Type.String(),
  collects_payment: Type.Boolean(),
  collected_cents: Type.Integer({ description: 'Card and cash the channel took from customers that month.' }),
  refunded_through_partner_cents: Type.Integer({
    description: 'Refunds the channel gave back for the brand that month: deducted from what it owes.',
  }),
  due_from_partner_cents: Type.Integer({
    description: 'collected − refunded: what the partner owes the brand.',
  }),
  refunds: Type.Array(
    Type.Object({
      payment_id: Type.String(),
      order_id: Type.String(),
      order_number: Type.String(),
      return_id: Type.Union([Type.String(), Type.Null()]),
      return_number: Type.Union([Type.String(), Type.Null()]),
      amount_cents: Type.Integer(),
      at: Type.String({ format: 'date-time' }),
    }),
    { description: 'The refunds given back through the partner, oldest first, a page at a time.' },
  ),
  next_cursor: Type.Union([Type.String(), Type.Null()], {
    description: 'Pass as cursor for the next page of refunds; null on the last page.',
  }),
})

export const CreateChannelBody = Type.Object(
  {
    code: Type.String({ pattern: codePattern, description: 'Unique, URL-safe, e.g. WEB.' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: Type.Enum(channelKinds),
    currency: Type.Optional(CurrencyCode('ISO 4217, EUR by default.')),
    price_list_code: Type.Optional(Type.String({ pattern: codePattern })),
    fulfilment_modes: Modes,
    draft_hold_minutes: Type.Optional(HoldMinutes),
    pickup_expiry_days: Type.Optional(PickupExpiryDays),
    collects_payment: Type.Optional(CollectsPayment),
    routing: Type.Optional(Type.Union([RoutingModel, Type.Null()])),
  },
  { additionalProperties: false },
)

export const ListChannelsQuery = Type.Object(PageQuery)

export const ChannelPage = Page(Channel)

export const UpdateChannelBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    fulfilment_modes: Type.Optional(Modes),
    draft_hold_minutes: Type.Optional(HoldMinutes),
    pickup_expiry_days: Type.Optional(PickupExpiryDays),
    collects_payment: Type.Optional(CollectsPayment),
    routing: Type.Optional(Type.Union([RoutingModel, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
)

export const ChannelSettlementQuery = Type.Object({
  month: Type.String({ description: 'The month, YYYY-MM (Europe/Paris).' }),
  ...PageQuery,
})
