import { Type } from '@fastify/type-provider-typebox'
import { Id, Page, PageQuery } from '../http/schemas.ts'

const Cents = (description: string) => Type.Integer({ minimum: 1, maximum: 100_000_000, description })
const NullableCents = (description: string) => Type.Union([Type.Integer(), Type.Null()], { description })

export const StorePriceParams = Type.Object({
  id: Id('Franchisee id or code'),
  location_id: Id('The franchised store, by id or code'),
})

export const StorePriceSkuParams = Type.Object({
  id: Id('Franchisee id or code'),
  location_id: Id('The franchised store, by id or code'),
  sku: Id('SKU'),
})

export const ListStorePricesQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(
    Type.String({ minLength: 1, maxLength: 100, description: 'Part of a SKU or of a product name.' }),
  ),
  own: Type.Optional(Type.Boolean({ description: 'true: only the SKUs the store prices itself.' })),
})

export const StorePrice = Type.Object({
  location_id: Type.String(),
  sku: Type.String(),
  product_name: Type.String(),
  variant_name: Type.String(),
  recommended_cents: Type.Integer({
    description: "The brand's recommended price at this store (its cluster's or its channel's price).",
  }),
  max_cents: NullableCents("The brand's maximum price; null when it set none."),
  own_cents: NullableCents("The store's own price; null when it sells at the recommendation."),
  price_cents: Type.Integer({ description: 'What the till and the orders collected at the store charge.' }),
  updated_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'When the own price was last set.',
  }),
})

export const StorePricePage = Page(StorePrice)

export const PutStorePriceBody = Type.Object(
  {
    amount_cents: Cents(
      "The store's own unit price, VAT included: below the recommendation is allowed, above the maximum is not.",
    ),
  },
  { additionalProperties: false },
)

export const PriceMaximum = Type.Object({
  sku: Type.String(),
  max_cents: Type.Integer(),
  updated_at: Type.String({ format: 'date-time' }),
})

export const PriceMaximumPage = Page(PriceMaximum)

export const PutPriceMaximumsBody = Type.Object(
  {
    maximums: Type.Array(
      Type.Object(
        {
          sku: Id('SKU'),
          max_cents: Type.Union([Cents('The maximum resale price, VAT included.'), Type.Null()], {
            description: 'null removes the maximum.',
          }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
)

export const PutPriceMaximumsResponse = Type.Object({
  updated: Type.Integer({ description: 'Maximums set or removed.' }),
  lowered: Type.Array(
    Type.Object({
      location_id: Type.String(),
      sku: Type.String(),
      from_cents: Type.Integer(),
      to_cents: Type.Integer(),
    }),
    { description: "Franchised stores' own prices above a new maximum, lowered to it." },
  ),
})

export const ListPriceMaximumsQuery = Type.Object(PageQuery)

export const OwnPricesParams = Type.Object({ location_id: Id('The store, by id or code') })

export const OwnPricePage = Page(
  Type.Object({
    sku: Type.String(),
    price_cents: Type.Integer({ description: "The store's own price, set by its franchisee." }),
  }),
)
