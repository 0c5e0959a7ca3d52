import { Type } from '@fastify/type-provider-typebox'
import { CurrencyCode, codePattern, Page, PageQuery } from '../http/schemas.ts'

export const Ref = Type.Object({
  ref: Type.String({ minLength: 1, maxLength: 64, description: 'Price list id or code.' }),
})

export const PriceList = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  currency: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
})

const Price = Type.Object({
  sku: Type.String(),
  amount_cents: Type.Integer({ description: 'Unit price including VAT (TTC), in cents.' }),
  updated_at: Type.String({ format: 'date-time' }),
})

export const CreatePriceListBody = Type.Object(
  {
    code: Type.String({ pattern: codePattern }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    currency: Type.Optional(CurrencyCode('ISO 4217, EUR by default.')),
  },
  { additionalProperties: false },
)

export const ListPriceListsQuery = Type.Object(PageQuery)

export const PriceListPage = Page(PriceList)

export const SetPricesBody = Type.Object(
  {
    prices: Type.Array(
      Type.Object(
        {
          sku: Type.String({ minLength: 1, maxLength: 64 }),
          amount_cents: Type.Integer({ minimum: 0, description: 'Unit price TTC in cents.' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 5000 },
    ),
  },
  { additionalProperties: false },
)

export const SetPricesResponse = Type.Object({ updated: Type.Integer() })

export const ListPricesQuery = Type.Object({
  sku: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
      maxItems: 200,
      description: 'Only these SKUs (repeat the parameter for several).',
    }),
  ),
  ...PageQuery,
})

export const PricePage = Page(Price)
