import { Type } from '@fastify/type-provider-typebox'
import { Customer, consentMedia, consentPurposes } from '../customers/index.ts'
import { Id, Nullable } from '../http/schemas.ts'
import { Message } from '../notifications/index.ts'

export const CustomerParams = Type.Object({ id: Id('Customer id') })

const Note = Type.Object({
  id: Type.Integer(),
  body: Type.String(),
  actor: Nullable(Type.String({ description: 'The API key that wrote it.' })),
  created_at: Type.String({ format: 'date-time' }),
})

export const ListDuplicatesQuery = Type.Object({
  min_score: Type.Optional(Type.Integer({ minimum: 50, maximum: 100, default: 70 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
})

export const ListDuplicatesResponse = Type.Object({
  compared: Type.Integer({ description: 'Profiles looked at.' }),
  data: Type.Array(
    Type.Object({
      customers: Type.Array(
        Type.Object({
          id: Type.String(),
          name: Type.String(),
          email: Nullable(Type.String()),
          phone: Nullable(Type.String()),
          postcode: Type.String(),
        }),
      ),
      score: Type.Integer(),
      evidence: Type.Array(Type.String()),
    }),
  ),
})

export const MergeCustomersBody = Type.Object(
  { absorbed_id: Id('The profile to merge into this one') },
  { additionalProperties: false },
)

export const AddNoteBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
)

export const AddNoteResponse = Type.Object({ ...Note.properties, customer_id: Type.String() })

export const Customer360Query = Type.Object({
  orders: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
})

export const Customer360Response = Type.Object({
  customer: Customer,
  channels: Type.Array(
    Type.Object({
      channel_code: Type.String(),
      orders: Type.Integer(),
      spent_cents: Type.Integer({
        description: 'Net of refunds; cancelled and expired orders left out.',
      }),
      last_order_at: Type.String({ format: 'date-time' }),
    }),
  ),
  orders: Type.Array(
    Type.Object({
      id: Type.String(),
      number: Type.String(),
      channel_code: Type.String(),
      status: Type.String(),
      total_cents: Type.Integer(),
      store_id: Nullable(Type.String()),
      created_at: Type.String({ format: 'date-time' }),
    }),
  ),
  tickets: Type.Array(
    Type.Object({
      id: Type.String(),
      number: Type.String(),
      kind: Type.String(),
      status: Type.String(),
      subject: Type.String(),
      order_id: Type.String(),
      created_at: Type.String({ format: 'date-time' }),
      updated_at: Type.String({ format: 'date-time' }),
    }),
    { description: 'The latest 50 after-sales tickets, from every channel.' },
  ),
  messages: Type.Array(Message, {
    description:
      'The latest 50 messages sent to the customer (e-mail, SMS), whatever became of them: queued, sent, bounced, failed or cancelled.',
  }),
  returns: Type.Array(
    Type.Object({
      id: Type.String(),
      number: Type.String(),
      order_id: Type.String(),
      status: Type.String(),
      method: Type.String(),
      refund_cents: Type.Integer(),
      created_at: Type.String({ format: 'date-time' }),
    }),
    { description: 'The latest 50 returns, from every channel.' },
  ),
  notes: Type.Array(Note),
  merged_profiles: Type.Array(
    Type.Object({ id: Type.String(), merged_at: Type.String({ format: 'date-time' }) }),
  ),
  loyalty: Type.Object({
    balance: Type.Integer({ description: 'Points.' }),
    worth_cents: Type.Integer({ description: 'What they pay as a tender.' }),
    tier: Type.Union([Type.Null(), Type.Object({ code: Type.String(), name: Type.String() })], {
      description: 'Loyalty tier from the points earned over the rolling window.',
    }),
  }),
  profile: Type.Object(
    {
      labels: Type.Array(
        Type.Object({
          kind: Type.Enum([
            'mobile_shopper',
            'impulse_buyer',
            'assisted_buyer',
            'local_buyer',
            'comparison_shopper',
          ]),
          evidence: Type.String(),
        }),
      ),
      preferred_channels: Type.Array(
        Type.Object({
          channel_code: Type.String(),
          orders: Type.Integer(),
          share: Type.Number(),
        }),
      ),
      home_store: Type.Union([
        Type.Null(),
        Type.Object({
          store_id: Type.String(),
          rule: Type.Enum(['most_visited', 'nearest']),
          evidence: Type.String(),
        }),
      ]),
    },
    {
      description: 'Shopper kinds derived from behaviour (rules in the README), with the evidence.',
    },
  ),
})

export const ExportCustomerResponse = Type.Object({
  exported_at: Type.String({ format: 'date-time' }),
  customer: Type.Record(Type.String(), Type.Unknown()),
  orders: Type.Array(Type.Unknown()),
  notes: Type.Array(Type.Unknown()),
  merges: Type.Array(Type.Unknown()),
  requests: Type.Array(Type.Unknown()),
  consents: Type.Array(Type.Unknown(), { description: 'Every consent statement, oldest first.' }),
  tickets: Type.Array(Type.Unknown(), { description: 'After-sales tickets with their messages.' }),
  returns: Type.Array(Type.Unknown(), { description: 'Returns with their lines.' }),
  stored_value_accounts: Type.Array(Type.Unknown(), {
    description: 'Gift cards, store credit and vouchers held by the customer.',
  }),
  channel_accounts: Type.Array(Type.Unknown(), {
    description: 'Logins in the channels’ own shops.',
  }),
})

export const EraseCustomerResponse = Type.Object({
  id: Type.String(),
  erased_at: Type.String({ format: 'date-time' }),
})

export const OrderParams = Type.Object({ id: Id('Order id') })

export const AttachCustomerBody = Type.Object(
  {
    customer_id: Type.Optional(Id('Customer id')),
    card: Type.Optional(Type.String({ maxLength: 40 })),
    phone: Type.Optional(Type.String({ maxLength: 40 })),
    email: Type.Optional(Type.String({ maxLength: 320 })),
  },
  { additionalProperties: false },
)

const Consent = Type.Object({
  purpose: Type.Enum(consentPurposes),
  medium: Type.Enum(consentMedia),
  granted: Type.Boolean(),
  channel_id: Nullable(Type.String({ description: 'Channel where the customer said it.' })),
  created_at: Type.String({ format: 'date-time' }),
})

export const ConsentsInForceResponse = Type.Object({ data: Type.Array(Consent) })

export const RecordConsentsBody = Type.Object(
  {
    consents: Type.Array(
      Type.Object(
        {
          purpose: Type.Enum(consentPurposes),
          medium: Type.Enum(consentMedia),
          granted: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 16 },
    ),
  },
  { additionalProperties: false },
)
