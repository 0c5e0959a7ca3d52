import { Type } from '@fastify/type-provider-typebox'
import { Id, Nullable, NullableInt } from '../http/schemas.ts'
import { TierOut } from './loyalty.contract.ts'
import { earningRuleKinds } from './loyalty.schema.ts'

export const Programme = Type.Object({
  points_per_euro: Type.Integer({ description: 'Base rate: points per euro not paid with points.' }),
  point_value_cents: Type.Integer({
    description: 'What a point pays as a tender. Fixed: changing it would revalue every balance.',
  }),
  tier_window_months: Type.Integer({ description: 'Tiers count the points earned over these last months.' }),
  expiry_months: Nullable(
    Type.Integer({ description: 'Points expire this long after credited; null: never.' }),
  ),
  tiers: Type.Array(TierOut, { description: 'Lowest threshold first.' }),
})

const DateTime = (description: string) => Nullable(Type.String({ format: 'date-time', description }))

const ruleFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  kind: Type.Enum(earningRuleKinds, {
    description:
      'multiplier: (multiplier_percent − 100) % more of the base points of the lines in scope; ' +
      'points_per_euro: that many extra points per euro of the lines in scope; ' +
      'order_bonus: bonus_points once per order whose lines in scope reach min_order_cents.',
  }),
  channel_id: Nullable(Id('Only orders of this channel (id or code); null: every channel.')),
  category: Nullable(
    Type.String({ minLength: 1, maxLength: 100, description: 'Only lines of this category.' }),
  ),
  starts_at: DateTime('Orders placed from this time (included); null: since always.'),
  ends_at: DateTime('Orders placed before this time (excluded); null: no end.'),
  multiplier_percent: NullableInt({ minimum: 0, maximum: 1000, description: '200 = ×2.' }),
  points_per_euro: NullableInt({ minimum: 1, maximum: 100 }),
  bonus_points: NullableInt({ minimum: 1, maximum: 1_000_000 }),
  min_order_cents: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
  active: Type.Boolean({
    description: 'A rule is retired by setting it inactive; earn entries keep its id.',
  }),
}

export const Rule = Type.Object({
  id: Type.String(),
  ...ruleFields,
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
})

const optional = Object.fromEntries(Object.entries(ruleFields).map(([k, v]) => [k, Type.Optional(v)])) as {
  [K in keyof typeof ruleFields]: ReturnType<typeof Type.Optional<(typeof ruleFields)[K]>>
}

export const UpdateSettingsBody = Type.Object(
  {
    points_per_euro: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    tier_window_months: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
    expiry_months: Type.Optional(NullableInt({ minimum: 1, maximum: 120 })),
  },
  { additionalProperties: false, minProperties: 1 },
)

export const ReplaceTiersBody = Type.Object(
  {
    tiers: Type.Array(
      Type.Object(
        {
          code: Type.String({ pattern: '^[a-z0-9_-]{1,32}$', description: 'e.g. argent' }),
          name: Type.String({ minLength: 1, maxLength: 100 }),
          threshold_points: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
          multiplier_percent: Type.Optional(Type.Integer({ minimum: 100, maximum: 1000, default: 100 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
)

export const ListRulesQuery = Type.Object({
  active: Type.Optional(Type.Boolean({ description: 'Active ones only.' })),
})

export const ListRulesResponse = Type.Object({ data: Type.Array(Rule) })

export const CreateRuleBody = Type.Object(
  {
    ...optional,
    name: ruleFields.name,
    kind: ruleFields.kind,
  },
  { additionalProperties: false },
)

export const RuleParams = Type.Object({ id: Id('Rule id') })

export const UpdateRuleBody = Type.Object(optional, { additionalProperties: false, minProperties: 1 })

export const RunExpiryBody = Type.Object(
  { as_of: Type.Optional(Type.String({ format: 'date-time', description: 'Up to now.' })) },
  { additionalProperties: false },
)

export const RunExpiryResponse = Type.Object({
  as_of: Type.String({ format: 'date-time' }),
  expiry_months: Type.Integer(),
  cutoff: Type.String({ format: 'date-time', description: 'Points credited before it expired.' }),
  customers: Type.Integer({ description: 'Customers who lost points.' }),
  points: Type.Integer({ description: 'Points expired in all.' }),
})
