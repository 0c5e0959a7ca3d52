import { Type } from '@fastify/type-provider-typebox'
import { Id, Nullable, Page, PageQuery } from '../http/schemas.ts'

export const CustomerParams = Type.Object({ id: Id('Customer id') })

const OrderSummary = Type.Object({
  id: Type.String(),
  number: Type.String(),
  channel_code: Type.String(),
  status: Type.String(),
  total_cents: Type.Integer(),
  paid_cents: Type.Integer(),
  refunded_cents: Type.Integer(),
  store_id: Nullable(Type.String()),
  lines: Type.Array(
    Type.Object({
      sku: Type.String(),
      product_name: Type.String(),
      quantity: Type.Integer(),
      total_cents: Type.Integer(),
      fulfilment: Type.String(),
    }),
  ),
  created_at: Type.String({ format: 'date-time' }),
})

export const ListOrdersQuery = Type.Object(PageQuery)

export const OrderSummaryPage = Page(OrderSummary)
