import { Type } from '@fastify/type-provider-typebox'
import { fulfilmentModes } from '../channels/index.ts'
import { CountryCode, codePattern, Page, PageQuery } from '../http/schemas.ts'
import { locationKinds, ownerships } from './network.domain.ts'

export const Ref = Type.Object({
  ref: Type.String({ minLength: 1, maxLength: 64, description: 'Location id or code.' }),
})

const Kind = Type.Enum(locationKinds, {
  description: 'warehouse (entrepôt), store (magasin), dark_store (magasin fermé au public).',
})

const Ownership = Type.Enum(ownerships, {
  description: 'owned (succursale) or franchised (franchisé); a warehouse is always owned.',
})

const Time = Type.String({ description: 'HH:MM, local time.' })

/**
 * A range [open, close]. Written as a two-item array rather than a tuple: OpenAPI 3.0 has no tuples
 * (`items: [ … ]` makes the published document invalid), and the JSON is the same.
 */
const Range = Type.Unsafe<[string, string]>(
  Type.Array(Time, { minItems: 2, maxItems: 2, description: '[open, close], e.g. ["09:00", "19:00"].' }),
)

const Day = Type.Array(Range, { maxItems: 6 })

const OpeningHours = Type.Object(
  { mon: Day, tue: Day, wed: Day, thu: Day, fri: Day, sat: Day, sun: Day },
  {
    additionalProperties: false,
    description: 'Per weekday, ranges [open, close] in local "HH:MM"; [] when closed.',
  },
)

const Modes = Type.Array(Type.Enum(fulfilmentModes), {
  uniqueItems: true,
  description:
    'What the location does for customers: delivery (ships parcels), pickup (retrait, click & collect), ' +
    'takeaway and reserve (stores only). [] for a location that only replenishes others.',
})

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  ownership: Ownership,
  address_line: Type.String({ maxLength: 500 }),
  postcode: Type.String({ maxLength: 16 }),
  city: Type.String({ minLength: 1, maxLength: 200 }),
  country: CountryCode('ISO 3166-1 alpha-2, FR by default.'),
  insee_code: Type.String({
    pattern: '^[0-9][0-9AB][0-9]{3}$',
    description: 'Code officiel géographique (COG).',
  }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lon: Type.Number({ minimum: -180, maximum: 180 }),
  timezone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA zone, Europe/Paris by default.' }),
  opening_hours: OpeningHours,
  fulfilment_modes: Modes,
  daily_prep_capacity: Type.Integer({
    minimum: 0,
    maximum: 100_000,
    description: 'Preparations (click & collect, ship-from-store) the location can handle per day.',
  }),
  ship_from_store_opt_in: Type.Boolean({
    description:
      'A franchised store ships web orders only when true; owned stores ship when they offer delivery.',
  }),
  prep_lead_minutes: Type.Integer({
    minimum: 0,
    maximum: 10_080,
    description: 'Minutes to pick and pack an order once it reaches the location (120 by default).',
  }),
  cluster: Type.Union([Type.String({ minLength: 1, maxLength: 50, pattern: '^[a-z0-9_-]+$' }), Type.Null()], {
    description: 'Store cluster (e.g. flagship, city): its listing rules and price lists apply to the store.',
  }),
}

export const Location = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kind: Kind,
  ownership: Ownership,
  address_line: Type.String(),
  postcode: Type.String(),
  city: Type.String(),
  country: Type.String(),
  insee_code: Type.Union([Type.Null(), Type.String()]),
  lat: Type.Number(),
  lon: Type.Number(),
  timezone: Type.String(),
  opening_hours: OpeningHours,
  fulfilment_modes: Type.Array(Type.String()),
  daily_prep_capacity: Type.Integer(),
  ship_from_store_opt_in: Type.Boolean(),
  prep_lead_minutes: Type.Integer(),
  cluster: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
})

export const CreateLocationBody = Type.Object(
  {
    code: Type.String({
      pattern: codePattern,
      description: 'Unique, URL-safe, e.g. LYON-PART-DIEU.',
    }),
    kind: Kind,
    ...fields,
    ownership: Type.Optional(Ownership),
    address_line: Type.Optional(fields.address_line),
    postcode: Type.Optional(fields.postcode),
    country: Type.Optional(fields.country),
    insee_code: Type.Optional(fields.insee_code),
    timezone: Type.Optional(fields.timezone),
    opening_hours: Type.Optional(OpeningHours),
    daily_prep_capacity: Type.Optional(fields.daily_prep_capacity),
    ship_from_store_opt_in: Type.Optional(fields.ship_from_store_opt_in),
    prep_lead_minutes: Type.Optional(fields.prep_lead_minutes),
    cluster: Type.Optional(fields.cluster),
  },
  { additionalProperties: false },
)

export const PageLocationsQuery = Type.Object({
  kind: Type.Optional(Kind),
  ownership: Type.Optional(Ownership),
  ...PageQuery,
})

export const LocationPage = Page(Location)

export const UpdateLocationBody = Type.Object(
  {
    name: Type.Optional(fields.name),
    ownership: Type.Optional(fields.ownership),
    address_line: Type.Optional(fields.address_line),
    postcode: Type.Optional(fields.postcode),
    city: Type.Optional(fields.city),
    country: Type.Optional(fields.country),
    insee_code: Type.Optional(Type.Union([Type.Null(), fields.insee_code])),
    lat: Type.Optional(fields.lat),
    lon: Type.Optional(fields.lon),
    timezone: Type.Optional(fields.timezone),
    opening_hours: Type.Optional(fields.opening_hours),
    fulfilment_modes: Type.Optional(fields.fulfilment_modes),
    daily_prep_capacity: Type.Optional(fields.daily_prep_capacity),
    ship_from_store_opt_in: Type.Optional(fields.ship_from_store_opt_in),
    prep_lead_minutes: Type.Optional(fields.prep_lead_minutes),
    cluster: Type.Optional(fields.cluster),
  },
  { additionalProperties: false, minProperties: 1 },
)
