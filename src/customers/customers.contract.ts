import { Type } from '@fastify/type-provider-typebox'
import { CountryCode, Id, Nullable, Page, PageQuery } from '../http/schemas.ts'

export const Customer = Type.Object({
  id: Type.String(),
  email: Nullable(Type.String({ description: 'Lower-cased; unique across channels.' })),
  phone: Nullable(Type.String({ description: 'E.164, e.g. +33612345678; unique across channels.' })),
  loyalty_card: Nullable(Type.String({ description: 'Digits only; unique across channels.' })),
  first_name: Type.String(),
  last_name: Type.String(),
  address_line: Type.String(),
  postcode: Type.String(),
  city: Type.String(),
  country: Type.String({ description: 'ISO 3166-1 alpha-2.' }),
  source_channel_id: Nullable(Type.String({ description: 'Channel where the customer was first created.' })),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
})

// Identifiers are checked by the service, so an invalid one is reported by its plain field name.
const email = Type.String({ maxLength: 320, description: 'Any case; stored lower-cased.' })

const phone = Type.String({
  maxLength: 40,
  description: 'As typed: 06 12 34 56 78, +33 6 12 34 56 78, 0033… (France by default) or +<country code>….',
})

const loyaltyCard = Type.String({ maxLength: 40, description: '8 to 19 digits; spaces and dashes ignored.' })

const profile = {
  first_name: Type.Optional(Type.String({ maxLength: 200 })),
  last_name: Type.Optional(Type.String({ maxLength: 200 })),
  address_line: Type.Optional(Type.String({ maxLength: 500 })),
  postcode: Type.Optional(Type.String({ maxLength: 16 })),
  city: Type.Optional(Type.String({ maxLength: 200 })),
  country: Type.Optional(CountryCode('ISO 3166-1 alpha-2 in capitals, FR by default.')),
}

export const CreateCustomerBody = Type.Object(
  {
    email: Type.Optional(email),
    phone: Type.Optional(phone),
    loyalty_card: Type.Optional(loyaltyCard),
    ...profile,
    source_channel_id: Type.Optional(
      Id(
        'Channel the customer comes from (id or code); defaults to the channel of the key (for a store key, the store channel).',
      ),
    ),
  },
  { additionalProperties: false },
)

export const CustomerParams = Type.Object({ id: Id('Customer id') })

export const ListCustomersQuery = Type.Object({
  email: Type.Optional(email),
  phone: Type.Optional(phone),
  card: Type.Optional(loyaltyCard),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of a name or an e-mail.' })),
  ...PageQuery,
})

export const CustomerPage = Page(Customer)

export const UpdateCustomerBody = Type.Object(
  {
    email: Type.Optional(Nullable(email)),
    phone: Type.Optional(Nullable(phone)),
    loyalty_card: Type.Optional(Nullable(loyaltyCard)),
    ...profile,
  },
  { additionalProperties: false, minProperties: 1 },
)
