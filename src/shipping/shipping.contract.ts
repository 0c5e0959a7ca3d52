import { Type } from '@fastify/type-provider-typebox'
import { codePattern, Id, Nullable, Page, PageQuery } from '../http/schemas.ts'
import { parcelDirections, parcelStatuses, serviceKinds } from './shipping.schema.ts'
import { carrierStatuses, S10_PATTERN } from './tracking.domain.ts'

const Code = (description: string) => Type.String({ pattern: codePattern, description })
const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, pattern: '\\S', ...(description ? { description } : {}) })
const Grams = (description: string) => Type.Integer({ minimum: 0, maximum: 1_000_000, description })
const Cents = (description: string) => Type.Integer({ minimum: 0, maximum: 100_000_000, description })
const Mm = (description: string) => Type.Integer({ minimum: 1, maximum: 10_000, description })
const Postcode = Type.String({ pattern: '^[0-9]{5}$', description: 'A French postcode, 5 digits.' })

const Zone = Type.Object(
  {
    code: Code('The zone’s code, named by the bands (FR-M, FR-20, DOM…).'),
    name: Text(100),
    postcode_prefixes: Type.Array(Type.String({ pattern: '^[0-9]{1,5}$' }), {
      minItems: 1,
      maxItems: 200,
      description:
        'Postcodes starting with one of these are in the zone; the longest prefix wins across zones.',
    }),
  },
  { additionalProperties: false },
)

const bandFields = {
  zone: Code('The zone of the band.'),
  above_g: Grams('Parcels heavier than this…'),
  up_to_g: Grams('…and up to this weight, in grams.'),
}

const RateBand = Type.Object(
  { ...bandFields, cost_cents: Cents('What the carrier charges the brand, VAT excluded.') },
  { additionalProperties: false },
)
const FeeBand = Type.Object(
  { ...bandFields, fee_cents: Cents('What the customer pays, VAT included.') },
  { additionalProperties: false },
)

const serviceFields = {
  code: Code('The service’s code (COLIS-NATIONAL, EXPRESS-24H, RELAIS).'),
  name: Text(100, 'Shown to customers: "Colis national", "Express 24h"…'),
  carrier: Text(100, 'The carrier operating it.'),
  kind: Type.Enum(serviceKinds, {
    description: 'home: to the door; relay: to a relay point the customer chooses; express: next day.',
  }),
  tracking_prefix: Type.String({
    pattern: '^[A-Z]{2}$',
    description: 'The two letters starting its tracking numbers (UPU S10: CN100000017FR).',
  }),
  transit_days: Type.Integer({ minimum: 0, maximum: 30, description: 'Working days from hand-over.' }),
  cutoff_hour: Type.Integer({
    minimum: 0,
    maximum: 24,
    description: 'Parcels handed over from this hour (Paris time) leave the next working day.',
  }),
  max_weight_g: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  max_size_mm: Type.Integer({ minimum: 1, maximum: 100_000, description: 'Longest side plus girth.' }),
  zones: Type.Array(Zone, { minItems: 1, maxItems: 50 }),
  rates: Type.Array(RateBand, {
    minItems: 1,
    maxItems: 2000,
    description: 'Every zone from 0 g to max_weight_g, no gap, no overlap: a table with a gap is refused.',
  }),
  active: Type.Optional(Type.Boolean({ default: true })),
}

export const ServiceIn = Type.Object(serviceFields, { additionalProperties: false })

export const Service = Type.Object({
  id: Type.String(),
  ...serviceFields,
  active: Type.Boolean(),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
})
export const CreatedService = Type.Object({
  ...Service.properties,
  webhook_secret: Type.String({
    description: 'Signs the carrier’s tracking webhooks (X-Carrier-Signature); shown once, at creation.',
  }),
})
export const ServiceList = Type.Object({ data: Type.Array(Service) })
export const ServiceParams = Type.Object({ code: Id('Carrier service id or code') })

export const FeeIn = Type.Object(
  {
    bands: Type.Array(FeeBand, {
      minItems: 1,
      maxItems: 2000,
      description: 'Every zone of the service from 0 g to its maximum weight: a table with a gap is refused.',
    }),
    free_from_cents: Nullable(Cents('Delivery is free from this basket (VAT included); null: never.')),
    free_codes: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
        maxItems: 100,
        description: 'Promotion codes that offer this delivery.',
      }),
    ),
    vat_rate_bp: Type.Integer({
      minimum: 0,
      maximum: 10_000,
      description: 'The VAT of the fee, in basis points (delivery follows the goods’ main rate: 2000).',
    }),
  },
  { additionalProperties: false },
)
export const Fee = Type.Object({
  channel_id: Type.String(),
  service_id: Type.String(),
  service_code: Type.String(),
  bands: Type.Array(FeeBand),
  free_from_cents: Nullable(Type.Integer()),
  free_codes: Type.Array(Type.String()),
  vat_rate_bp: Type.Integer(),
})
export const FeeList = Type.Object({ data: Type.Array(Fee) })
export const FeeParams = Type.Object({
  channel: Id('Channel id or code'),
  service: Id('Carrier service id or code'),
})
export const ChannelParams = Type.Object({ channel: Id('Channel id or code') })

export const OptionsQuery = Type.Object(
  {
    channel: Type.Optional(Id('The channel quoting (a channel key quotes its own)')),
    postcode: Postcode,
    weight_g: Grams('The parcel’s weight.'),
    basket_cents: Cents('The basket, VAT included, before delivery.'),
    promotion_codes: Type.Optional(Type.String({ maxLength: 500, description: 'Comma-separated codes.' })),
    ready_at: Type.Optional(
      Type.String({ format: 'date-time', description: 'When the goods are ready (default now).' }),
    ),
  },
  { additionalProperties: false },
)

export const DeliveryOption = Type.Object({
  service_code: Type.String(),
  name: Type.String(),
  carrier: Type.String(),
  kind: Type.Enum(serviceKinds),
  zone: Type.String(),
  fee_cents: Type.Integer({ description: 'What the customer pays, VAT included.' }),
  vat_cents: Type.Integer(),
  vat_rate_bp: Type.Integer(),
  list_fee_cents: Type.Integer({ description: 'The fee before it was waived.' }),
  free_reason: Nullable(Type.Enum(['basket_threshold', 'promotion'])),
  handover_date: Type.String({ format: 'date' }),
  delivery_date: Type.String({ format: 'date', description: 'The promised day of delivery.' }),
  relay_point_required: Type.Boolean(),
})
export const OptionsAnswer = Type.Object({ data: Type.Array(DeliveryOption) })

export const RelayQuery = Type.Object(
  {
    service: Id('Relay service id or code'),
    postcode: Type.Optional(Postcode),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
)
const relayFields = {
  code: Code('The carrier’s code of the point.'),
  name: Text(120),
  line1: Text(200),
  postcode: Postcode,
  city: Text(100),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lon: Type.Number({ minimum: -180, maximum: 180 }),
  opening_hours: Nullable(Type.String({ maxLength: 300 })),
}
export const RelayIn = Type.Object(relayFields, { additionalProperties: false })
export const RelayPoint = Type.Object({
  id: Type.String(),
  service_code: Type.String(),
  ...relayFields,
  distance_km: Nullable(Type.Number({ description: 'From the postcode or point asked.' })),
})
export const RelayList = Type.Object({ data: Type.Array(RelayPoint) })

const size = {
  weight_g: Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Weighed, in grams.' }),
  length_mm: Mm('Length.'),
  width_mm: Mm('Width.'),
  height_mm: Mm('Height.'),
}

export const ParcelIn = Type.Object(
  {
    task_id: Id('The ship task whose goods it carries'),
    service: Id('Carrier service id or code'),
    relay_point_id: Type.Optional(Id('The relay point chosen by the customer (relay services)')),
    lines: Type.Array(
      Type.Object(
        { order_line_id: Id('A line of the task'), quantity: Type.Integer({ minimum: 1, maximum: 10_000 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
    ...size,
    weight_g: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1_000_000,
        description:
          'Weighed, in grams. Left out: the catalogue’s unit weights of the lines (400 naming a SKU without one).',
      }),
    ),
  },
  { additionalProperties: false },
)

export const ReturnParcelIn = Type.Object(
  { service: Id('Carrier service id or code'), ...size },
  { additionalProperties: false },
)

const TrackingEvent = Type.Object({
  status: Type.Enum(parcelStatuses),
  description: Type.String(),
  place: Nullable(Type.String()),
  occurred_at: Type.String({ format: 'date-time' }),
  source: Type.String(),
})

export const Parcel = Type.Object({
  id: Type.String(),
  tracking_number: Type.String({ description: 'UPU S10: 2 letters, 8 digits, a check digit, FR.' }),
  tracking_url: Type.String({ description: 'Where the customer follows it.' }),
  direction: Type.Enum(parcelDirections),
  status: Type.Enum(parcelStatuses),
  service_code: Type.String(),
  service_name: Type.String(),
  carrier: Type.String(),
  order_id: Type.String(),
  task_id: Nullable(Type.String()),
  return_id: Nullable(Type.String()),
  location_id: Type.String(),
  relay_point_id: Nullable(Type.String()),
  zone: Type.String(),
  weight_g: Type.Integer(),
  length_mm: Type.Integer(),
  width_mm: Type.Integer(),
  height_mm: Type.Integer(),
  cost_cents: Type.Integer({
    description: 'What the carrier charges the brand (staff only; 0 for a channel).',
  }),
  lines: Type.Array(
    Type.Object({ order_line_id: Type.String(), sku: Type.String(), quantity: Type.Integer() }),
  ),
  tracking: Type.Array(TrackingEvent, { description: 'What the carrier reported, oldest first.' }),
  shipped_at: Nullable(Type.String({ format: 'date-time' })),
  delivered_at: Nullable(Type.String({ format: 'date-time' })),
  created_at: Type.String({ format: 'date-time' }),
})
export const ParcelParams = Type.Object({ id: Id('Parcel id or tracking number') })
export const ParcelsQuery = Type.Object(
  {
    order_id: Type.Optional(Id('Order id')),
    task_id: Type.Optional(Id('Task id')),
    ...PageQuery,
  },
  { additionalProperties: false },
)
export const ParcelPage = Page(Parcel)
export const ReturnParams = Type.Object({ id: Id('Return id') })

export const ManifestQuery = Type.Object(
  {
    location: Id('The warehouse or store handing the parcels over (id or code)'),
    date: Type.String({ format: 'date', description: 'The day of hand-over (Paris time), YYYY-MM-DD.' }),
    service: Type.Optional(Id('One carrier service (id or code); all by default')),
  },
  { additionalProperties: false },
)

const CarrierEvent = Type.Object(
  {
    event_id: Type.String({ minLength: 1, maxLength: 100, description: 'The carrier’s id of the event.' }),
    tracking_number: Type.String({ pattern: S10_PATTERN }),
    status: Type.Enum(carrierStatuses),
    description: Type.String({ minLength: 1, maxLength: 300 }),
    place: Type.Optional(Type.String({ maxLength: 200 })),
    occurred_at: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
)
export const WebhookIn = Type.Object(
  { events: Type.Array(CarrierEvent, { minItems: 1, maxItems: 500 }) },
  { additionalProperties: false },
)
export const TrackingImportIn = Type.String({
  description:
    'The carrier’s file (Content-Type: text/csv): a header row `event_id,tracking_number,status,description,place,occurred_at`, then one event per row.',
})
export const TrackingOutcome = Type.Object({
  recorded: Type.Integer({ description: 'New events recorded.' }),
  duplicates: Type.Integer({ description: 'Events received before, left as they were.' }),
  errors: Type.Array(Type.Object({ row: Type.Integer(), code: Type.String(), message: Type.String() }), {
    description: 'Rows refused (import only), by row number (1 = first data row).',
  }),
})
