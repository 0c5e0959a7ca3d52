import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders, Nullable, Page, PageQuery, toPage } from '../http/schemas.ts'
import { staffRoles } from '../shared/actor.ts'
import { promotionKinds } from './promotions.schema.ts'
import { changePromotion, createPromotion, getPromotion, listPromotions } from './promotions.service.ts'

const tags = ['offer']
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

const PromotionIn = Type.Object(
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

const PromotionDetail = Type.Intersect([
  PromotionOut,
  Type.Object({
    orders: Type.Integer({ description: 'Orders using it (cancelled ones excluded).' }),
    discount_given_cents: Type.Integer(),
  }),
])

const Ref = Type.Object({
  ref: Type.String({ minLength: 1, maxLength: 64, description: 'Promotion id or code.' }),
})

export const promotionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/promotions',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary:
          'Define a promotion once: its channels (or every one), dates, target, amount, stacking, limits',
        headers: IdempotencyHeaders,
        body: PromotionIn,
        response: { 201: PromotionDetail, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, (tx) => {
        const { target, ...rest } = req.body
        return createPromotion(
          tx,
          {
            ...rest,
            target: target.kind === 'products' ? { kind: 'products', productIds: target.products } : target,
          },
          req.actor.keyId,
        )
      }),
  )

  app.get(
    '/promotions',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: 'Promotions, newest first; filter by channel, or those running now',
        querystring: Type.Object({
          ...PageQuery,
          channel: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          live: Type.Optional(Type.Boolean({ description: 'true: running now; false: not running.' })),
        }),
        response: { 200: Page(PromotionOut), ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const found = await listPromotions(app.db, req.query, limit, req.query.cursor)
      return toPage(found, limit, (p) => p.id)
    },
  )

  app.get(
    '/promotions/:ref',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: 'A promotion with its use: orders and discount given',
        params: Ref,
        response: { 200: PromotionDetail, ...errorResponses },
      },
    },
    async (req) => getPromotion(app.db, req.params.ref),
  )

  app.patch(
    '/promotions/:ref',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Rename, reschedule, reprioritise, stop or restart a promotion, or change its total limit',
        params: Ref,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            starts_at: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
            ends_at: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
            priority: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
            active: Type.Optional(Type.Boolean()),
            limit_total: Type.Optional(Nullable(Limit('Orders that may use it in all.'))),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: PromotionDetail, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => changePromotion(tx, req.params.ref, req.body, req.actor)),
  )
}
