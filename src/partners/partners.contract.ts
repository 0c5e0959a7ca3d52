/** The partner channels API's schemas: partner orders, imports, terms and monthly settlements. */
import { Type } from '@fastify/type-provider-typebox'
import { CountryCode, Id, Nullable } from '../http/schemas.ts'

const PartnerCustomer = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    email: Type.Optional(Type.String({ maxLength: 200 })),
    postcode: Type.Optional(Type.String({ maxLength: 20 })),
    city: Type.Optional(Type.String({ maxLength: 200 })),
    country: Type.Optional(CountryCode()),
  },
  { additionalProperties: false, description: 'The customer as the partner shares it.' },
)

export const PartnerOrderIn = Type.Object(
  {
    partner_order_id: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'The partner’s own order id.',
    }),
    customer: Type.Optional(PartnerCustomer),
    lines: Type.Array(
      Type.Object(
        {
          sku: Type.String({ minLength: 1, maxLength: 64 }),
          quantity: Type.Integer({ minimum: 1, maximum: 10_000 }),
          unit_price_cents: Type.Optional(
            Type.Integer({
              minimum: 0,
              maximum: 100_000_000,
              description: 'The partner’s price, VAT included.',
            }),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
    delivery_address: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 200 }),
        line1: Type.String({ minLength: 1, maxLength: 300 }),
        postcode: Type.String({ minLength: 1, maxLength: 20 }),
        city: Type.String({ minLength: 1, maxLength: 200 }),
        country: CountryCode(),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)

export const PartnerOrder = Type.Object({
  partner_order_id: Type.String(),
  customer: Nullable(PartnerCustomer),
  order_id: Type.String(),
  order_number: Type.String(),
  status: Type.String(),
  total_cents: Type.Integer(),
  refunded_cents: Type.Integer(),
  lines: Type.Array(
    Type.Object({
      line_id: Type.String(),
      sku: Type.String(),
      quantity: Type.Integer(),
      unit_price_cents: Type.Integer(),
      total_cents: Type.Integer(),
      cancelled_quantity: Type.Integer(),
      returned_quantity: Type.Integer(),
    }),
  ),
})

export const ChannelParams = Type.Object({ ref: Id('Partner channel, id or code.') })
export const PartnerOrderParams = Type.Object({
  ref: Id('Partner channel, id or code.'),
  partner_order_id: Type.String({ minLength: 1, maxLength: 100 }),
})
export const CancelIn = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
)

export const ImportIn = Type.Object(
  {
    csv: Type.Optional(
      Type.String({
        maxLength: 5_000_000,
        description:
          'CSV with a header: partner_order_id, sku, quantity, unit_price_cents, customer_name, customer_email, ' +
          'line1, postcode, city, country (one row per line; the rows of one order share its id).',
      }),
    ),
    orders: Type.Optional(Type.Array(PartnerOrderIn, { maxItems: 1000 })),
  },
  { additionalProperties: false },
)
export const ImportResult = Type.Object({
  orders: Type.Array(
    Type.Object({
      partner_order_id: Type.String(),
      outcome: Type.Enum(['created', 'existing', 'refused'] as const),
      order_id: Type.Optional(Type.String()),
      code: Type.Optional(Type.String()),
      message: Type.Optional(Type.String()),
    }),
  ),
  row_errors: Type.Array(Type.Object({ row: Type.Integer(), column: Type.String(), message: Type.String() })),
})

export const TermsIn = Type.Object(
  {
    commission_bp: Type.Integer({ minimum: 0, maximum: 10_000, description: '1500 = 15 % of net sales.' }),
    order_fee_cents: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
)
export const Terms = Type.Object({
  channel_id: Type.String(),
  commission_bp: Type.Integer(),
  order_fee_cents: Type.Integer(),
})

export const SettlementParams = Type.Object({
  ref: Id('Partner channel, id or code.'),
  month: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM' }),
})
export const SettlementQuery = Type.Object({
  format: Type.Optional(Type.Enum(['json', 'csv', 'html'] as const, { default: 'json' })),
})
export const PartnerSettlement = Type.Object({
  channel: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  month: Type.String(),
  status: Type.Enum(['running', 'closed'] as const),
  commission_bp: Type.Integer(),
  order_fee_cents: Type.Integer(),
  orders: Type.Integer(),
  sales_cents: Type.Integer({ description: 'Collected by the partner on the brand’s orders.' }),
  returns_cents: Type.Integer({
    description: 'Refunded by the partner for the brand (returns, cancellations).',
  }),
  commission_cents: Type.Integer(),
  fees_cents: Type.Integer(),
  due_from_partner_cents: Type.Integer({ description: 'sales − returns − commission − fees.' }),
  closed_at: Nullable(Type.String({ format: 'date-time' })),
  lines: Type.Array(
    Type.Object({
      partner_order_id: Nullable(Type.String()),
      order_number: Type.String(),
      kind: Type.Enum(['sale', 'refund'] as const),
      amount_cents: Type.Integer(),
      at: Type.String({ format: 'date-time' }),
    }),
  ),
})

const StatementLineIn = Type.Object(
  {
    partner_order_id: Type.String({ minLength: 1, maxLength: 100 }),
    kind: Type.Enum(['sale', 'refund'] as const),
    amount_cents: Type.Integer({ minimum: 0, maximum: 1e12 }),
  },
  { additionalProperties: false },
)
export const StatementIn = Type.Object(
  {
    csv: Type.Optional(
      Type.String({
        maxLength: 5_000_000,
        description: 'CSV with a header: partner_order_id, kind (sale|refund), amount_cents.',
      }),
    ),
    lines: Type.Optional(Type.Array(StatementLineIn, { maxItems: 100_000 })),
  },
  { additionalProperties: false },
)
export const Reconciliation = Type.Object({
  month: Type.String(),
  matched: Type.Integer(),
  differences: Type.Array(
    Type.Object({
      partner_order_id: Type.String(),
      kind: Type.Enum(['sale', 'refund'] as const),
      brand_cents: Type.Integer(),
      partner_cents: Type.Integer(),
    }),
  ),
  brand_total_cents: Type.Integer(),
  partner_total_cents: Type.Integer(),
  row_errors: Type.Array(Type.Object({ row: Type.Integer(), column: Type.String(), message: Type.String() })),
})

export const FeedSettingsIn = Type.Object(
  {
    skus: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
        maxItems: 10_000,
        description: 'SKUs the partner may sell.',
      }),
    ),
    categories: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
        maxItems: 500,
        description: 'Product categories whose SKUs the partner may sell (beside `skus`).',
      }),
    ),
    location_ids: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
      minItems: 1,
      maxItems: 1000,
      description:
        'Locations (ids or codes) the partner’s orders may ship from: their stock is what the feed offers.',
    }),
    buffer_bp: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 10_000,
        description: 'Share of the available units kept back, in basis points (2000 = 20 %, rounded up).',
      }),
    ),
    buffer_units: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1_000_000,
        description: 'Units of each SKU kept back once the share is taken.',
      }),
    ),
  },
  { additionalProperties: false },
)
export const FeedSettings = Type.Object({
  channel: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  skus: Type.Array(Type.String()),
  categories: Type.Array(Type.String()),
  location_ids: Type.Array(Type.String()),
  buffer_bp: Type.Integer(),
  buffer_units: Type.Integer(),
  skus_in_stock: Type.Integer({ description: 'SKUs the feed offers at least one unit of.' }),
  cursor: Type.String({ description: 'The feed’s last change.' }),
  updated_at: Type.String({ format: 'date-time' }),
})
export const FeedQuery = Type.Object({
  cursor: Type.Optional(
    Type.String({
      pattern: '^[0-9]{1,15}$',
      description: 'The `cursor` of the last page read; absent: a snapshot of everything offered.',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 1000 })),
  format: Type.Optional(Type.Enum(['json', 'csv'] as const, { default: 'json' })),
})
export const FeedPage = Type.Object({
  channel: Type.Object({ id: Type.String(), code: Type.String() }),
  snapshot: Type.Boolean({ description: 'True for a read without a cursor: only what is offered.' }),
  cursor: Type.String({ description: 'Pass it back as `cursor` for the next page, or the next changes.' }),
  has_more: Type.Boolean(),
  items: Type.Array(
    Type.Object({
      sku: Type.String(),
      ean: Nullable(Type.String()),
      name: Nullable(Type.String()),
      quantity: Type.Integer({ minimum: 0, description: 'Units the partner may sell.' }),
      offered: Type.Boolean({ description: 'False: the SKU left the feed, stop selling it.' }),
      updated_at: Type.String({ format: 'date-time' }),
    }),
  ),
})
