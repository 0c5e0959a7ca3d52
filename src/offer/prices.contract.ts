import { Type } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '../http/schemas.ts'

export const SkuParam = Type.Object({ sku: Type.String({ minLength: 1, maxLength: 64 }) })

const Loose = Type.Record(Type.String(), Type.Unknown())

const Change = Type.Object({
  id: Type.String(),
  price_list_id: Type.String(),
  sku: Type.String(),
  old_cents: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Price in force just before; null if none.',
  }),
  new_cents: Type.Integer(),
  valid_from: Type.String({ format: 'date-time' }),
  applied_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'When it became the current price; null while scheduled.',
  }),
  kind: Type.String({ description: 'manual, forced (breaking the policy) or coherence_correction.' }),
  forced: Type.Boolean(),
  reason: Type.Union([Type.String(), Type.Null()]),
  violations: Type.Array(Loose, { description: 'The rules a forced change broke, with their numbers.' }),
  actor: Type.String({ description: 'Name of the API key that made the change.' }),
  created_at: Type.String({ format: 'date-time' }),
})

const Finding = Type.Object({
  sku: Type.String(),
  product_code: Type.String(),
  product_name: Type.String(),
  category: Type.String(),
  cost_cents: Type.Union([Type.Integer(), Type.Null()]),
  prices: Type.Array(Type.Object({ channel: Type.String(), price_cents: Type.Integer() })),
  violations: Type.Array(Loose),
  suggestion: Type.Union([
    Type.Object({
      feasible: Type.Literal(true),
      total_change_cents: Type.Integer(),
      prices: Type.Array(
        Type.Object({
          price_list: Type.String(),
          channels: Type.Array(Type.String()),
          from_cents: Type.Integer(),
          to_cents: Type.Integer(),
        }),
      ),
    }),
    Type.Object({ feasible: Type.Literal(false), reason: Type.String() }),
  ]),
  observed_store_prices: Type.Array(
    Type.Object({
      store: Type.String({ description: 'The franchised store (code).' }),
      store_name: Type.String(),
      franchisee: Type.String({ description: 'Its franchisee (code).' }),
      price_cents: Type.Integer({ description: "The store's own price, set by its franchisee." }),
      recommended_cents: Type.Union([Type.Integer(), Type.Null()], {
        description: "The brand's recommended price at that store.",
      }),
    }),
    {
      description:
        "Franchised stores' own prices of the SKU: observed, never checked against the policy, suggested or " +
        'corrected (a franchisor may recommend resale prices and cap them, not impose them).',
    },
  ),
})

export const ChangePricesBody = Type.Object(
  {
    changes: Type.Array(
      Type.Object(
        {
          price_list: Type.String({ minLength: 1, maxLength: 64 }),
          sku: Type.String({ minLength: 1, maxLength: 64 }),
          amount_cents: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
    valid_from: Type.Optional(Type.String({ format: 'date-time', description: 'Now when left out.' })),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    force: Type.Optional(
      Type.Object(
        { reason: Type.String({ minLength: 3, maxLength: 500 }) },
        { additionalProperties: false, description: 'Accept breaking the policy, for this reason.' },
      ),
    ),
  },
  { additionalProperties: false },
)

export const ChangePricesResponse = Type.Object({
  changes: Type.Array(Change),
  forced: Type.Boolean(),
  violations: Type.Array(Loose),
})

export const ResolveBasketBody = Type.Object(
  {
    channel: Type.String({ minLength: 1, maxLength: 64, description: 'Channel id or code.' }),
    skus: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 500 }),
    at: Type.Optional(Type.String({ format: 'date-time' })),
    store: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'Selling store (id or code): its cluster’s list, if any, comes first.',
      }),
    ),
  },
  { additionalProperties: false },
)

export const ResolveBasketResponse = Type.Object({
  channel: Type.String(),
  price_list_id: Type.String(),
  cluster_price_list_id: Type.Union([Type.String(), Type.Null()]),
  at: Type.String({ format: 'date-time' }),
  prices: Type.Array(
    Type.Object({
      sku: Type.String(),
      price_list_id: Type.String(),
      price_cents: Type.Integer(),
      since: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      change_id: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  unpriced: Type.Array(Type.String(), {
    description: 'SKUs without a price in this channel then.',
  }),
})

export const PricesAtQuery = Type.Object({ at: Type.Optional(Type.String({ format: 'date-time' })) })

export const PricesAtResponse = Type.Object({
  sku: Type.String(),
  at: Type.String({ format: 'date-time' }),
  prices: Type.Array(
    Type.Object({
      price_list_id: Type.String(),
      price_list: Type.Union([Type.String(), Type.Null()]),
      channels: Type.Array(Type.String()),
      amount_cents: Type.Integer(),
      since: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      change_id: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
})

export const PriceHistoryQuery = Type.Object({
  price_list: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Id or code.' })),
  ...PageQuery,
})

export const ChangePage = Page(Change)

export const ExplainPriceQuery = Type.Object({
  channel: Type.String({ minLength: 1, maxLength: 64, description: 'Channel id or code.' }),
})

export const ExplainPriceResponse = Type.Object({
  sku: Type.String(),
  product: Type.Object({ code: Type.String(), name: Type.String(), category: Type.String() }),
  channel: Type.Object({ id: Type.String(), code: Type.String() }),
  price_list: Type.Object({ id: Type.String(), code: Type.String() }),
  price_cents: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Null: not priced in this list.',
  }),
  since: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  previous_cents: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The price before the change that set this one; null when set outside the history.',
  }),
  last_change: Type.Union([Loose, Type.Null()]),
  next_change: Type.Union([
    Type.Object({ valid_from: Type.String({ format: 'date-time' }), new_cents: Type.Integer() }),
    Type.Null(),
  ]),
  channel_prices: Type.Array(Type.Object({ channel: Type.String(), price_cents: Type.Integer() })),
  policy: Type.Union([Loose, Type.Null()], {
    description: 'The category’s coherence policy; null if none.',
  }),
  coherent: Type.Boolean({
    description: 'Whether the SKU’s current channel prices satisfy the policy.',
  }),
  violations: Type.Array(Loose),
  cheapest_competitor: Type.Union([
    Type.Object({
      competitor: Type.String(),
      price_cents: Type.Integer(),
      observed_at: Type.String({ format: 'date-time' }),
    }),
    Type.Null(),
  ]),
  promotions: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      kind: Type.String(),
      priority: Type.Integer(),
      stacking: Type.String(),
      applies: Type.Boolean({
        description: 'Applies now to one unit bought alone, without a code.',
      }),
      why: Type.String({
        description: 'Why it applies, or what it needs (a code, a basket, a date).',
      }),
      voucher_code: Type.Union([Type.String(), Type.Null()]),
      cents_off_one_unit: Type.Integer({
        description: 'Off one unit bought alone, in priority order.',
      }),
    }),
    {
      description: 'Running promotions that target this product in this channel, in priority order.',
    },
  ),
  price_after_promotions_cents: Type.Union([Type.Integer(), Type.Null()], {
    description: 'One unit bought alone, after the promotions that apply without a code.',
  }),
})

export const CoherenceReportQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
  ...PageQuery,
})

export const CoherenceReportResponse = Type.Object({
  checked: Type.Integer({ description: 'SKUs under a policy.' }),
  violating: Type.Integer({ description: 'SKUs breaking it, over every page.' }),
  franchised_prices_observed: Type.Integer({
    description:
      'Own prices set by franchised stores for SKUs under a policy: observed (listed with each finding), never findings.',
  }),
  data: Type.Array(Finding),
  next_cursor: Type.Union([Type.String(), Type.Null()]),
})

export const ApplySuggestionsBody = Type.Object(
  {
    skus: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
        minItems: 1,
        maxItems: 50_000,
        description: 'Only these SKUs; every violating SKU when left out.',
      }),
    ),
  },
  { additionalProperties: false },
)

export const ApplySuggestionsResponse = Type.Object({
  corrected: Type.Integer({ description: 'SKUs brought back within their policy.' }),
  prices_changed: Type.Integer(),
  infeasible: Type.Array(Type.Object({ sku: Type.String(), reason: Type.String() })),
})
