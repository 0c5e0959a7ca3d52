import { Type } from '@fastify/type-provider-typebox'
import { Nullable } from '../http/schemas.ts'

const Cluster = Type.String({
  minLength: 1,
  maxLength: 50,
  pattern: '^[a-z0-9_-]+$',
  description: 'Store cluster.',
})

export const Rule = Type.Object({
  cluster: Type.String(),
  category: Nullable(Type.String()),
  product_id: Nullable(Type.String()),
  product_code: Nullable(Type.String()),
  listed: Type.Boolean(),
  reason: Nullable(Type.String()),
  updated_by: Nullable(Type.String()),
  updated_at: Type.String({ format: 'date-time' }),
})

const Target = {
  category: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  product: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Product id or code.' })),
}

export const ClusterList = Type.Object({
  channel_id: Type.String(),
  channel: Type.String(),
  cluster: Type.String(),
  price_list_id: Type.String(),
  price_list: Type.String(),
})

export const ListListingRulesQuery = Type.Object({ cluster: Type.Optional(Cluster) })

export const ListListingRulesResponse = Type.Object({ data: Type.Array(Rule) })

export const PutListingRuleBody = Type.Object(
  {
    cluster: Cluster,
    ...Target,
    listed: Type.Boolean(),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'Required to unlist.' })),
  },
  { additionalProperties: false },
)

export const DeleteListingRuleQuery = Type.Object({ cluster: Cluster, ...Target })

export const DeleteListingRuleResponse = Type.Null()

export const ListClusterPriceListsResponse = Type.Object({ data: Type.Array(ClusterList) })

export const PutClusterPriceListBody = Type.Object(
  {
    channel: Type.String({ minLength: 1, maxLength: 64 }),
    cluster: Cluster,
    price_list: Type.String({ minLength: 1, maxLength: 64, description: 'Price list id or code.' }),
  },
  { additionalProperties: false },
)

export const DeleteClusterPriceListParams = Type.Object({
  channel: Type.String({ minLength: 1, maxLength: 64 }),
  cluster: Cluster,
})
