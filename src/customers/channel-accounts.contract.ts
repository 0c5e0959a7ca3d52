import { Type } from '@fastify/type-provider-typebox'
import { Id } from '../http/schemas.ts'

export const CustomerParams = Type.Object({ id: Id('Customer id') })

export const ChannelAccount = Type.Object({
  channel_id: Type.String(),
  login: Type.String(),
  customer_id: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
})

export const LinkChannelAccountBody = Type.Object(
  {
    channel_id: Type.Optional(Id('Channel of the login (id or code); a channel key’s own by default.')),
    login: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'As the channel knows it, exact.',
    }),
  },
  { additionalProperties: false },
)

export const ChannelAccountsResponse = Type.Object({ data: Type.Array(ChannelAccount) })

export const UnlinkChannelAccountParams = Type.Object({
  id: Id('Customer id'),
  channel_id: Id('Channel id or code'),
  login: Type.String({ minLength: 1, maxLength: 200, description: 'URL-encoded.' }),
})

export const UnlinkChannelAccountResponse = Type.Null()
