import { Type } from '@fastify/type-provider-typebox'
import { Nullable } from '../http/schemas.ts'
import { defaultValidityDays } from './stored-value.domain.ts'

export const StoredValue = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['gift_card', 'store_credit', 'voucher']),
  code: Type.String({ description: 'Typed or scanned to spend it, as the `reference` of a payment.' }),
  customer_id: Nullable(Type.String()),
  balance_cents: Type.Integer(),
  issued_cents: Type.Integer(),
  expires_at: Nullable(Type.String({ format: 'date-time' })),
  source: Type.String({ description: 'sale, refund, exchange, goodwill or reward.' }),
})

export const Balance = Type.Intersect([
  StoredValue,
  Type.Object({
    expired: Type.Boolean(),
    entries: Type.Array(
      Type.Object({
        id: Type.Integer(),
        kind: Type.String({ description: 'issue, redeem, refund, expire or adjust.' }),
        amount_cents: Type.Integer({ description: 'Signed: value in positive, spent negative.' }),
        order_id: Nullable(Type.String()),
        return_id: Nullable(Type.String()),
        reason: Nullable(Type.String()),
        actor: Nullable(Type.String()),
        created_at: Type.String({ format: 'date-time' }),
      }),
      { description: 'Movements, newest first (staff only; empty for a web shop).' },
    ),
  }),
])

const IssueBody = {
  amount_cents: Type.Integer({ minimum: 100, maximum: 500_000, description: 'Value loaded, in cents.' }),
  customer_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  validity_days: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 3650,
      description: `Days it can be spent (${defaultValidityDays}).`,
    }),
  ),
}

export const IssueGiftCardBody = Type.Object(
  {
    ...IssueBody,
    paid_with: Type.Enum(['card', 'cash'], { description: 'How the buyer paid for the card.' }),
    payment_reference: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
)

export const IssueStoreCreditBody = Type.Object(
  { ...IssueBody, reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
)

export const ReadStoredValueParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) })
