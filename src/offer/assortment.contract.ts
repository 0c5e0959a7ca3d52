import { Type } from '@fastify/type-provider-typebox'
import { PageQuery } from '../http/schemas.ts'
import { assortmentStrategies, exclusionReasons } from './assortment.schema.ts'

const Strategy = Type.Enum(assortmentStrategies, {
  description:
    'selective: each product in its own channels (overlaps reported); cross_channel: everywhere, exclusions justified.',
})

export const Strategies = Type.Object({
  data: Type.Array(
    Type.Object({ category: Type.String(), strategy: Strategy, endless_aisle: Type.Boolean() }),
  ),
})

export const PutCategoryStrategyParams = Type.Object({
  category: Type.String({ minLength: 1, maxLength: 100 }),
})

export const PutCategoryStrategyBody = Type.Object(
  {
    strategy: Strategy,
    endless_aisle: Type.Optional(
      Type.Boolean({
        description: 'A till may order an unlisted product for delivery or pickup (default true).',
      }),
    ),
  },
  { additionalProperties: false },
)

export const PutProductStrategyParams = Type.Object({
  product: Type.String({ minLength: 1, maxLength: 64, description: 'Id or code.' }),
})

export const PutProductStrategyBody = Type.Object(
  { strategy: Type.Union([Strategy, Type.Null()]) },
  { additionalProperties: false },
)

export const PutProductStrategyResponse = Type.Object({
  product_id: Type.String(),
  strategy: Type.Union([Strategy, Type.Null()]),
})

export const PutExclusionBody = Type.Object(
  {
    channel: Type.String({ minLength: 1, maxLength: 64, description: 'Channel id or code.' }),
    product: Type.String({ minLength: 1, maxLength: 64, description: 'Product id or code.' }),
    reason: Type.Enum(exclusionReasons),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
)

export const PutExclusionResponse = Type.Object({
  channel_id: Type.String(),
  product_id: Type.String(),
  reason: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
})

export const DeleteExclusionParams = Type.Object({
  channel: Type.String({ maxLength: 64 }),
  product: Type.String({ maxLength: 64 }),
})

export const DeleteExclusionResponse = Type.Null()

export const AssortmentReportQuery = Type.Object(PageQuery)

export const AssortmentReportResponse = Type.Object({
  data: Type.Array(
    Type.Object({
      rule: Type.Enum(['overlap', 'unjustified_exclusion']),
      product_id: Type.String(),
      code: Type.String(),
      category: Type.String(),
      channels: Type.Array(Type.String(), {
        description: 'overlap: the channels listing it; unjustified_exclusion: those missing it.',
      }),
    }),
  ),
  next_cursor: Type.Union([Type.String(), Type.Null()]),
})
