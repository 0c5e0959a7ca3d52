import { Type } from '@fastify/type-provider-typebox'
import { Id, Page, PageQuery } from '../http/schemas.ts'
import { attributionRules } from './attribution.domain.ts'
import { entryKinds } from './commission.domain.ts'

const Catchment = Type.Union(
  [
    Type.Object({ kind: Type.Literal('nearest') }, { additionalProperties: false }),
    Type.Object(
      {
        kind: Type.Literal('radius'),
        radius_km: Type.Number({
          // Not exclusiveMinimum: its JSON Schema form is invalid in OpenAPI 3.0; the service refuses 0.
          minimum: 0,
          maximum: 500,
          description: 'Kilometres around the store, above 0.',
        }),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        kind: Type.Literal('postcodes'),
        postcodes: Type.Array(Type.String({ pattern: '^\\s*\\d{2}\\s?\\d{3}\\s*$' }), {
          minItems: 1,
          maxItems: 2000,
        }),
      },
      { additionalProperties: false },
    ),
  ],
  {
    description:
      'The addresses the store is nearest to (`nearest`, the default), a drawn radius around it, or a list of postcodes.',
  },
)

export const Franchisee = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  contract_ref: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  stores: Type.Array(
    Type.Object({
      location_id: Type.String(),
      name: Type.String({ description: 'The store’s name (a franchisee key reads no locations).' }),
      city: Type.String(),
      catchment: Catchment,
    }),
  ),
})

export const Plan = Type.Object({
  id: Type.String(),
  franchisee_id: Type.String(),
  location_id: Type.Union([Type.String(), Type.Null()]),
  valid_from: Type.String({ format: 'date' }),
  valid_until: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  default_rate_bp: Type.Integer(),
  category_rates_bp: Type.Record(Type.String(), Type.Integer()),
  click_collect_fee_cents: Type.Integer(),
  ship_from_store_fee_cents: Type.Integer(),
  monthly_minimum_cents: Type.Integer(),
})

export const Attribution = Type.Object({
  order_id: Type.String(),
  order_number: Type.Integer(),
  channel_id: Type.String(),
  franchisee_id: Type.String(),
  location_id: Type.String({ description: 'The franchised store the sale is attributed to.' }),
  rule: Type.Enum(attributionRules, { description: 'The attribution rule that fired.' }),
  reason: Type.String({ description: 'Why, in words (distance, catchment, pickup store…).' }),
  net_cents: Type.Integer({ description: 'Net sales (VAT excluded) of the online lines.' }),
  commission_cents: Type.Integer(),
  attributed_at: Type.String({ format: 'date-time' }),
})

const Totals = Type.Object({
  sales_net_cents: Type.Integer(),
  commission_cents: Type.Integer(),
  preparation_fees_cents: Type.Integer(),
  reversals_cents: Type.Integer(),
  minimum_top_up_cents: Type.Integer(),
  total_cents: Type.Integer({
    description: 'commission + fees + reversals + top-up: due to the franchisee.',
  }),
})

export const Statement = Type.Object({
  franchisee_id: Type.String(),
  period: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  statement_id: Type.Union([Type.String(), Type.Null()]),
  closed_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  totals: Totals,
  top_ups: Type.Array(Type.Object({ location_id: Type.String(), cents: Type.Integer() })),
  lines: Type.Array(
    Type.Object({
      entry_id: Type.Integer(),
      booked_period: Type.String(),
      event_at: Type.String({ format: 'date-time' }),
      kind: Type.Enum(entryKinds),
      location_id: Type.String(),
      order_id: Type.String(),
      order_number: Type.Integer(),
      order_line_id: Type.Union([Type.String(), Type.Null()]),
      category: Type.Union([Type.String(), Type.Null()]),
      quantity: Type.Integer(),
      base_cents: Type.Integer(),
      rate_bp: Type.Integer(),
      amount_cents: Type.Integer(),
      source: Type.String(),
    }),
  ),
})

export const FranchiseeParams = Type.Object({ id: Id('Franchisee id or code') })

export const PeriodParams = Type.Object({
  id: Id('Franchisee id or code'),
  period: Type.String({ description: 'The month, YYYY-MM (Europe/Paris).' }),
})

export const Lang = Type.Object({
  lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')], { default: 'fr' })),
})

export const CreateFranchiseeBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 64 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    contract_ref: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
)

export const ListFranchiseesQuery = Type.Object(PageQuery)

export const FranchiseePage = Page(Franchisee)

export const AssignStoreParams = Type.Object({
  id: Id('Franchisee id or code'),
  location_id: Id('Store id or code'),
})

export const AssignStoreBody = Type.Object({ catchment: Catchment }, { additionalProperties: false })

export const CreatePlanBody = Type.Object(
  {
    location_id: Type.Optional(Id('A store of the franchisee (id or code): a plan for this store only.')),
    valid_from: Type.String({ format: 'date' }),
    valid_until: Type.Optional(Type.String({ format: 'date', description: 'First day no longer in force.' })),
    default_rate_bp: Type.Integer({ minimum: 0, maximum: 10_000 }),
    category_rates_bp: Type.Optional(
      Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 10_000 })),
    ),
    click_collect_fee_cents: Type.Optional(Type.Integer({ minimum: 0 })),
    ship_from_store_fee_cents: Type.Optional(Type.Integer({ minimum: 0 })),
    monthly_minimum_cents: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
)

export const PlanPage = Page(Plan)

export const Policy = Type.Object({
  rules: Type.Array(Type.Enum(attributionRules), {
    description: 'Tried in this order; the first naming a store wins.',
  }),
  nearest_max_km: Type.Number({ minimum: 0, maximum: 1000 }),
})

export const PutPolicyBody = Type.Object(
  {
    rules: Type.Array(Type.String(), { minItems: 1, maxItems: 5 }),
    nearest_max_km: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false },
)

export const ListAttributionsQuery = Type.Object({
  ...PageQuery,
  franchisee_id: Type.Optional(Id('Franchisee id or code')),
  period: Type.Optional(
    Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'Month attributed, YYYY-MM.' }),
  ),
})

export const AttributionPage = Page(Attribution)

export const GetAttributionParams = Type.Object({ order_id: Id('Order id') })

export const ListStatementsResponse = Page(
  Type.Object({
    period: Type.String(),
    status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
    statement_id: Type.Union([Type.String(), Type.Null()]),
    total_cents: Type.Union([Type.Integer(), Type.Null()], {
      description: 'Closed statements only.',
    }),
  }),
)
