import { Type } from '@fastify/type-provider-typebox'
import { Id, Page, PageQuery } from '../http/schemas.ts'
import { roles } from '../shared/actor.ts'

export const ApiKey = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Type.Enum(roles),
  location_id: Type.Union([Type.String(), Type.Null()]),
  channel_id: Type.Union([Type.String(), Type.Null()]),
  franchisee_id: Type.Union([Type.String(), Type.Null()]),
  manager: Type.Boolean(),
  prefix: Type.String({ description: 'First characters of the secret, to recognise it.' }),
  revoked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
})

export const Me = Type.Object({
  key_id: Type.String(),
  name: Type.String(),
  role: Type.Enum(roles),
  location_id: Type.Union([Type.String(), Type.Null()], { description: 'The store of a store_staff key.' }),
  channel_id: Type.Union([Type.String(), Type.Null()], {
    description: 'The channel of a channel or call_centre key.',
  }),
  franchisee_id: Type.Union([Type.String(), Type.Null()], {
    description: 'The franchisee of a franchisee key.',
  }),
  manager: Type.Boolean(),
})

export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    role: Type.Enum(roles),
    location_id: Type.Optional(Id('Store a store_staff key is bound to (id or code; the id is kept).')),
    channel_id: Type.Optional(
      Id('Channel a channel or call_centre key is bound to (id or code; the id is kept).'),
    ),
    franchisee_id: Type.Optional(Id('Franchisee a franchisee key is bound to (id or code; the id is kept).')),
    manager: Type.Optional(
      Type.Boolean({
        description:
          'A store manager (store_staff only): may override a refused return and issue goodwill credit.',
      }),
    ),
  },
  { additionalProperties: false },
)

export const CreateApiKeyResponse = Type.Intersect([ApiKey, Type.Object({ secret: Type.String() })])

export const ListApiKeysQuery = Type.Object(PageQuery)

export const ApiKeyPage = Page(ApiKey)

export const ApiKeyParams = Type.Object({ id: Id('API key id') })
