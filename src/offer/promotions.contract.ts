import { Type } from '@fastify/type-provider-typebox'
import { Nullable, Page, PageQuery } from '../http/schemas.ts'
import { promotionKinds } from './promotions.schema.ts'

const channelKinds = ['store', 'web', 'mobile', 'call_centre', 'catalogue', 'partner'] as const

const Target = Type.Union(
  [
    Type.Object({ kind: Type.Literal('basket') }, { additionalProperties: false }),
    Type.Object(
      {
        kind: Type.Literal('products'),
        products: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
          minItems: 1,
          maxItems: 1000,
          description: 'Product ids or codes.',
        }),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        kind: Type.Literal('categories'),
        categories: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 200 }),
      },
      { additionalProperties: false },
    ),
  ],
  { description: 'What it discounts: the whole basket, some products, or some categories.' },
)

const Cents = (description: string) => Type.Integer({ minimum: 1, maximum: 100_000_000, description })

const Limit = (description: string) => Type.Integer({ minimum: 1, maximum: 100_000_000, description })

export const PromotionIn = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 64,
      pattern: '^[A-Za-z0-9._-]+$',
      description: 'Reference.',
    }),
    name: Type.String({ minLength: 1, maxLength: 200, description: 'Shown on receipts.' }),
    kind: Type.Enum(promotionKinds),
    channels: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
        maxItems: 50,
        description: 'Channel ids or codes. Omit both channels and channel_kinds: every channel.',
      }),
    ),
    channel_kinds: Type.Optional(
      Type.Array(Type.Enum(channelKinds), {
        maxItems: 6,
        description:
          'Kinds of channel, present and future: ["web","mobile"] is online-only, ["store"] store-only.',
      }),
    ),
    starts_at: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
    ends_at: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
    target: Target,
    priority: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 10_000, description: 'Lower applies first.' }),
    ),
    stacking: Type.Optional(
      Type.Enum(['stackable', 'exclusive'], {
        description: 'exclusive: only lines no promotion touched yet, and none touches them after.',
      }),
    ),
    percent_bp: Type.Optional(Type.Integer({ description: 'Percentage off in basis points (1500 = 15 %).' })),
    amount_cents: Type.Optional(Cents('amount_off: off each unit; basket_threshold: off the basket.')),
    fixed_price_cents: Type.Optional(
      Type.Integer({ minimum: 0, description: 'fixed_price: the unit price.' }),
    ),
    buy: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'buy_x_get_y: units bought.' })),
    get: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'buy_x_get_y: units free.' })),
    nth: Type.Optional(Type.Integer({ minimum: 2, maximum: 100, description: 'nth_item: every nth unit.' })),
    threshold_cents: Type.Optional(Cents('basket_threshold: from this eligible amount.')),
    voucher_code: Type.Optional(
      Nullable(
        Type.String({
          minLength: 3,
          maxLength: 32,
          pattern: '^[A-Za-z0-9-]+$',
          description: 'Code to give.',
        }),
      ),
    ),
    limit_total: Type.Optional(Nullable(Limit('Orders that may use it in all.'))),
    limit_per_customer: Type.Optional(Nullable(Limit('Orders one customer may use it for.'))),
  },
  { additionalProperties: false },
)

const PromotionOut = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.Enum(promotionKinds),
  channels: Nullable(
    Type.Array(Type.String(), { description: 'Channel ids; null: not limited by channel.' }),
  ),
  channel_kinds: Nullable(Type.Array(Type.String())),
  starts_at: Nullable(Type.String({ format: 'date-time' })),
  ends_at: Nullable(Type.String({ format: 'date-time' })),
  target: Type.Union([
    Type.Object({ kind: Type.Literal('basket') }),
    Type.Object({ kind: Type.Literal('products'), products: Type.Array(Type.String()) }),
    Type.Object({ kind: Type.Literal('categories'), categories: Type.Array(Type.String()) }),
  ]),
  priority: Type.Integer(),
  stacking: Type.Enum(['stackable', 'exclusive']),
  percent_bp: Nullable(Type.Integer()),
  amount_cents: Nullable(Type.Integer()),
  fixed_price_cents: Nullable(Type.Integer()),
  buy: Nullable(Type.Integer()),
  get: Nullable(Type.Integer()),
  nth: Nullable(Type.Integer()),
  threshold_cents: Nullable(Type.Integer()),
  voucher_code: Nullable(Type.String()),
  limit_total: Nullable(Type.Integer()),
  limit_per_customer: Nullable(Type.Integer()),
  used_count: Type.Integer({ description: 'Orders holding one of its limited uses now.' }),
  active: Type.Boolean(),
  created_at: Type.String({ format: 'date-time' }),
})

export const PromotionDetail = Type.Intersect([
  PromotionOut,
  Type.Object({
    orders: Type.Integer({ description: 'Orders using it (cancelled ones excluded).' }),
    discount_given_cents: Type.Integer(),
  }),
])

export const Ref = Type.Object({
  ref: Type.String({ minLength: 1, maxLength: 64, description: 'Promotion id or code.' }),
})

export const ListPromotionsQuery = Type.Object({
  ...PageQuery,
  channel: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  live: Type.Optional(Type.Boolean({ description: 'true: running now; false: not running.' })),
})

export const PromotionOutPage = Page(PromotionOut)

export const ChangePromotionBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    starts_at: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
    ends_at: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
    priority: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    active: Type.Optional(Type.Boolean()),
    limit_total: Type.Optional(Nullable(Limit('Orders that may use it in all.'))),
  },
  { additionalProperties: false, minProperties: 1 },
)
