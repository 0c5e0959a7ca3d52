import { Type } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '../http/schemas.ts'

export const Ref = Type.Object({
  ref: Type.String({ minLength: 1, maxLength: 64, description: 'Channel id or code.' }),
})

export const ChangeAssortmentBody = Type.Object(
  {
    add: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 5000 })),
    remove: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 5000 })),
  },
  { additionalProperties: false },
)

export const ChangeAssortmentResponse = Type.Object({
  channel_id: Type.String(),
  listed_count: Type.Integer(),
})

export const ListAssortmentQuery = Type.Object(PageQuery)

export const ListAssortmentResponse = Page(
  Type.Object({ product_id: Type.String(), product_code: Type.String() }),
)
