import { Type } from '@fastify/type-provider-typebox'
import { Id, Page, PageQuery } from '../http/schemas.ts'
import { movementKinds } from './inventory.schema.ts'

export const Level = Type.Object({
  location_id: Type.String(),
  sku: Type.String(),
  on_hand: Type.Integer(),
  reserved: Type.Integer(),
  safety_stock: Type.Integer(),
  available: Type.Integer({ description: 'on_hand − reserved − safety_stock, never below 0.' }),
  in_transit: Type.Integer({ description: 'Shipped here from another location, not yet received.' }),
  quarantined: Type.Integer({
    description: 'Returned units kept apart (damaged, or defective awaiting after-sales): never sellable.',
  }),
  updated_at: Type.String({ format: 'date-time' }),
})

export const Transfer = Type.Object({
  id: Type.String(),
  from_location_id: Type.String(),
  to_location_id: Type.String(),
  status: Type.Union([Type.Literal('in_transit'), Type.Literal('received')]),
  order_id: Type.Union([Type.String(), Type.Null()], { description: 'The click & collect order it serves.' }),
  expected_at: Type.String({ format: 'date-time' }),
  received_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  created_by: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
  lines: Type.Array(
    Type.Object({
      line_no: Type.Integer(),
      sku: Type.String(),
      quantity: Type.Integer(),
      order_line_id: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
})

const Movement = Type.Object({
  id: Type.Integer(),
  location_id: Type.String(),
  sku: Type.String(),
  kind: Type.Enum(movementKinds),
  on_hand_delta: Type.Integer(),
  reserved_delta: Type.Integer(),
  quarantined_delta: Type.Integer({ description: 'Returned units put into (or out of) quarantine.' }),
  reference: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  actor: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
})

const StockLines = Type.Array(
  Type.Object(
    {
      sku: Type.String({ minLength: 1, maxLength: 64 }),
      quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    },
    { additionalProperties: false },
  ),
  { minItems: 1, maxItems: 5000 },
)

/** Locations an availability answer lists per SKU unless asked for more: what a shop shows. */
export const AVAILABILITY_LOCATIONS_DEFAULT = 5
export const AVAILABILITY_LOCATIONS_CAP = 1000

export const AvailabilityQuery = Type.Object({
  channel: Type.String({ minLength: 1, description: 'Channel id or code.' }),
  skus: Type.String({ minLength: 1, description: 'Comma-separated SKUs (at most 200).' }),
  location: Type.Optional(Type.String({ description: 'Only this location (id or code).' })),
  lat: Type.Optional(
    Type.Number({ minimum: -90, maximum: 90, description: 'With lon: list the nearest locations.' }),
  ),
  lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  postcode: Type.Optional(
    Type.String({
      minLength: 2,
      maxLength: 16,
      description: 'A French postcode: list the locations nearest to it.',
    }),
  ),
  near: Type.Optional(
    Type.String({
      description: 'A location (id or code), e.g. the shopper’s store: list the locations nearest to it.',
    }),
  ),
  max_locations: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: AVAILABILITY_LOCATIONS_CAP,
      default: AVAILABILITY_LOCATIONS_DEFAULT,
      description: `Locations listed per SKU (${AVAILABILITY_LOCATIONS_DEFAULT} unless asked); \`location_count\` says how many hold it.`,
    }),
  ),
  locations: Type.Optional(
    Type.Union([Type.Literal('nearest'), Type.Literal('all')], {
      description: '`all`: every location holding each SKU, whatever `max_locations` says.',
    }),
  ),
})

export const AvailabilityResponse = Type.Object({
  channel: Type.String(),
  items: Type.Array(
    Type.Object({
      sku: Type.String(),
      known: Type.Boolean(),
      listed: Type.Boolean(),
      available: Type.Integer(),
      delivery_available: Type.Integer(),
      location_count: Type.Integer({
        description: 'Locations that can serve the SKU for the channel; `locations` lists the first of them.',
      }),
      locations: Type.Array(
        Type.Object({
          location_id: Type.String(),
          code: Type.String(),
          name: Type.String(),
          kind: Type.String(),
          available: Type.Integer(),
          modes: Type.Array(Type.String()),
          distance_km: Type.Optional(Type.Number()),
        }),
      ),
    }),
  ),
})

export const SkuParams = Type.Object({ sku: Type.String({ minLength: 1 }) })

export const SkuLevelsResponse = Type.Object({ sku: Type.String(), levels: Type.Array(Level) })

export const LevelsAtLocationQuery = Type.Object({ location_id: Id('Location id or code'), ...PageQuery })

export const LevelPage = Page(Level)

export const MovementsQuery = Type.Object({
  location_id: Type.Optional(Type.String({ description: 'Location id or code.' })),
  ...PageQuery,
})

export const MovementPage = Page(Movement)

export const ReceiveGoodsBody = Type.Object(
  {
    location_id: Id('Receiving location, id or code'),
    lines: StockLines,
    reference: Type.Optional(Type.String({ maxLength: 200, description: 'Delivery note or ASN number.' })),
  },
  { additionalProperties: false },
)

export const ReceiveGoodsResponse = Type.Object({ reference: Type.String(), levels: Type.Array(Level) })

export const AdjustStockBody = Type.Object(
  {
    location_id: Id('Location id or code'),
    sku: Type.String({ minLength: 1, maxLength: 64 }),
    delta: Type.Optional(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 })),
    counted_quantity: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    reason: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'Breakage, theft, inventory count…',
    }),
  },
  { additionalProperties: false },
)

export const SendTransferBody = Type.Object(
  {
    from_location_id: Id('Sending location, id or code'),
    to_location_id: Id('Receiving location, id or code'),
    lines: StockLines,
    arrives_at: Type.Optional(Type.String({ format: 'date-time', description: 'Expected arrival.' })),
  },
  { additionalProperties: false },
)

export const SendTransferResponse = Type.Object({
  reference: Type.String({ description: 'The transfer id.' }),
  status: Type.Optional(Type.Literal('in_transit')),
  expected_at: Type.Optional(Type.String({ format: 'date-time' })),
})

export const ListTransfersQuery = Type.Object({
  location: Type.Optional(Id('Location id or code')),
  status: Type.Optional(Type.Union([Type.Literal('in_transit'), Type.Literal('received')])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
})

export const ListTransfersResponse = Type.Object({ data: Type.Array(Transfer) })

export const TransferParams = Type.Object({ id: Id('Transfer id') })

export const SafetyStockBody = Type.Object(
  {
    location_id: Id('Location id or code'),
    sku: Type.String({ minLength: 1, maxLength: 64 }),
    safety_stock: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  },
  { additionalProperties: false },
)
