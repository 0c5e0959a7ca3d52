import { Type } from '@fastify/type-provider-typebox'
import { Nullable, Page, PageQuery } from '../http/schemas.ts'

const Sku = Type.String({ minLength: 1, maxLength: 64 })

export const Category = Type.Object({ category: Type.String({ minLength: 1, maxLength: 100 }) })

const NullableNumber = (o: { minimum: number; maximum: number; description: string }) =>
  Nullable(Type.Number({ ...o, multipleOf: 0.01 }))

const Direction = Type.Object(
  {
    cheaper: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'Channel (id or code) never dearer than…',
    }),
    dearer: Type.String({ minLength: 1, maxLength: 64, description: '…this channel.' }),
  },
  { additionalProperties: false },
)

const policyFields = {
  max_spread_pct: NullableNumber({
    minimum: 0,
    maximum: 1000,
    description: 'Highest channel price at most this % above the lowest (of the lower price).',
  }),
  max_spread_cents: Nullable(
    Type.Integer({
      minimum: 0,
      maximum: 100_000_000,
      description:
        'Highest channel price at most this many cents above the lowest. Both spreads hold when both are set.',
    }),
  ),
  direction: Type.Array(Direction, { maxItems: 30, description: 'e.g. web never dearer than stores.' }),
  min_margin_pct: NullableNumber({
    minimum: 0,
    maximum: 1000,
    description: 'Floor: never below cost × (1 + this %). SKUs without a cost have no floor.',
  }),
  price_endings: Type.Union([
    Type.Null(),
    Type.Array(Type.Integer({ minimum: 0, maximum: 99 }), {
      minItems: 1,
      maxItems: 100,
      description: 'Allowed endings in cents, e.g. [99, 95, 0] for x.99, x.95 and whole euros.',
    }),
  ]),
  competitor: Type.Union([
    Type.Null(),
    Type.Object(
      {
        max_above_pct: Type.Number({ minimum: 0, maximum: 1000, multipleOf: 0.01 }),
        window_days: Type.Optional(
          Type.Integer({ minimum: 1, maximum: 365, description: '30 when left out.' }),
        ),
      },
      {
        additionalProperties: false,
        description:
          'A channel’s price at most max_above_pct above the cheapest competitor observed in that channel in the last window_days.',
      },
    ),
  ]),
}

export const Policy = Type.Object({
  category: Type.String(),
  ...policyFields,
  competitor: Type.Union([
    Type.Null(),
    Type.Object({ max_above_pct: Type.Number(), window_days: Type.Integer() }),
  ]),
})

const Observation = Type.Object({
  competitor: Type.String({ minLength: 1, maxLength: 200 }),
  sku: Sku,
  channel: Type.String({ minLength: 1, maxLength: 64, description: 'Channel id or code.' }),
  price_cents: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
  observed_at: Type.String({ format: 'date-time' }),
  source: Type.Optional(
    Type.String({ maxLength: 200, description: 'Where it was seen (URL, store visit…).' }),
  ),
})

export const ListPoliciesResponse = Type.Object({ data: Type.Array(Policy) })

export const PutPricePolicyBody = Type.Object(
  {
    max_spread_pct: Type.Optional(policyFields.max_spread_pct),
    max_spread_cents: Type.Optional(policyFields.max_spread_cents),
    direction: Type.Optional(policyFields.direction),
    min_margin_pct: Type.Optional(policyFields.min_margin_pct),
    price_endings: Type.Optional(policyFields.price_endings),
    competitor: Type.Optional(policyFields.competitor),
  },
  { additionalProperties: false },
)

export const DeletePolicyResponse = Type.Null()

export const SetCostsBody = Type.Object(
  {
    costs: Type.Array(
      Type.Object(
        { sku: Sku, cost_cents: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 5000 },
    ),
  },
  { additionalProperties: false },
)

export const SetCostsResponse = Type.Object({ updated: Type.Integer() })

export const ListCostsQuery = Type.Object({
  sku: Type.Optional(Type.Array(Sku, { maxItems: 200 })),
  ...PageQuery,
})

export const ListCostsResponse = Page(
  Type.Object({
    sku: Type.String(),
    cost_cents: Type.Integer(),
    updated_at: Type.String({ format: 'date-time' }),
  }),
)

export const RecordObservationsBody = Type.Object(
  { observations: Type.Array(Observation, { minItems: 1, maxItems: 5000 }) },
  { additionalProperties: false },
)

export const RecordObservationsResponse = Type.Object({ imported: Type.Integer() })

export const ImportObservationsBody = Type.String({ description: 'The CSV file.' })

export const ListObservationsQuery = Type.Object({
  sku: Type.Optional(Sku),
  channel: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Channel id or code.' })),
  ...PageQuery,
})

export const ListObservationsResponse = Page(
  Type.Object({
    id: Type.String(),
    competitor: Type.String(),
    sku: Type.String(),
    channel: Type.String(),
    price_cents: Type.Integer(),
    observed_at: Type.String({ format: 'date-time' }),
    source: Type.String(),
  }),
)
