import { Type } from '@fastify/type-provider-typebox'
import { codePattern, Page, PageQuery } from '../http/schemas.ts'

export const Ref = Type.Object({
  ref: Type.String({ minLength: 1, maxLength: 64, description: 'Product id or code.' }),
})

const WeightG = Type.Integer({
  minimum: 1,
  maximum: 1_000_000,
  description:
    'Grams per unit as shipped, packaging included: parcels of orders that do not send their weight are priced from it.',
})

const VatRate = Type.Number({ description: 'French VAT rate (TVA) in percent: 20, 10, 5.5 or 2.1.' })

const Attributes = Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 200 }), {
  maxProperties: 50,
  description: 'What tells the variant from its siblings, e.g. {"taille": "M", "couleur": "bleu"}.',
})

export const NewVariant = Type.Object(
  {
    sku: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$', description: 'Unique.' }),
    ean: Type.String({
      minLength: 1,
      maxLength: 32,
      description:
        'EAN-13 barcode, check digit included; unique. A wrong check digit answers 400 saying which.',
    }),
    name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'The product name by default.' }),
    ),
    attributes: Type.Optional(Attributes),
    weight_g: Type.Optional(WeightG),
    prices: Type.Optional(
      Type.Record(Type.String({ maxLength: 64 }), Type.Integer({ minimum: 0 }), {
        description: 'Unit price TTC in cents by price list code, e.g. {"WEB": 1999}.',
      }),
    ),
  },
  { additionalProperties: false },
)

const Variant = Type.Object({
  id: Type.String(),
  sku: Type.String(),
  ean: Type.String(),
  name: Type.String(),
  attributes: Type.Record(Type.String(), Type.String()),
  weight_g: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Grams per unit; null when not known.',
  }),
  prices: Type.Array(
    Type.Object({
      price_list: Type.String({ description: 'Price list code.' }),
      amount_cents: Type.Integer({ description: 'Unit price TTC in cents.' }),
    }),
  ),
})

export const Product = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  category: Type.String(),
  brand: Type.String(),
  description: Type.String(),
  vat_rate: Type.Number({ description: 'Percent.' }),
  variants: Type.Array(Variant),
  channels: Type.Array(Type.String(), { description: 'Codes of the channels listing the product.' }),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
})

export const ScannedVariant = Type.Intersect([
  Variant,
  Type.Object({
    product_id: Type.String(),
    product_code: Type.String(),
    product_name: Type.String(),
    category: Type.String(),
    vat_rate: Type.Number({ description: 'Percent.' }),
  }),
])

const text = (max: number) => Type.String({ maxLength: max })

export const CreateProductBody = Type.Object(
  {
    code: Type.String({ pattern: codePattern, description: 'Unique, URL-safe.' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    category: Type.String({ minLength: 1, maxLength: 100 }),
    vat_rate: VatRate,
    brand: Type.Optional(text(200)),
    description: Type.Optional(text(5000)),
    variants: Type.Array(NewVariant, { minItems: 1, maxItems: 200 }),
    channels: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
        maxItems: 100,
        description: 'Channels (codes or ids) that list the product (assortiment).',
      }),
    ),
  },
  { additionalProperties: false },
)

export const ListProductsQuery = Type.Object({
  q: Type.Optional(
    Type.String({ minLength: 1, maxLength: 100, description: 'Part of a name, code or SKU.' }),
  ),
  category: Type.Optional(Type.String({ maxLength: 100 })),
  channel: Type.Optional(Type.String({ maxLength: 64, description: 'Only products this channel lists.' })),
  ...PageQuery,
})

export const ProductPage = Page(Product)

export const UpdateProductBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    brand: Type.Optional(text(200)),
    description: Type.Optional(text(5000)),
    vat_rate: Type.Optional(VatRate),
  },
  { additionalProperties: false, minProperties: 1 },
)

export const FindVariantQuery = Type.Object({
  ean: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  sku: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
})
