import { Type } from '@fastify/type-provider-typebox'
import { Id, Nullable, Page, PageQuery } from '../http/schemas.ts'
import { trackingSteps } from './account.domain.ts'

export const CustomerParams = Type.Object({ id: Id('Customer id') })
export const PurchaseParams = Type.Object({ id: Id('Customer id'), order_id: Id('Order id') })
export const PurchasesQuery = Type.Object({ ...PageQuery })

const DateTime = (description?: string) =>
  Type.String({ format: 'date-time', ...(description ? { description } : {}) })

const Warranty = Nullable(
  Type.Object(
    {
      delivered_at: DateTime('When the goods were handed over or delivered.'),
      legal_guarantee_until: DateTime('The legal guarantee of conformity: two years from delivery.'),
      under_legal_guarantee: Type.Boolean(),
    },
    { description: 'Null while nothing has been handed over or delivered.' },
  ),
)

const purchaseFields = {
  id: Type.String(),
  number: Type.String(),
  receipt_barcode: Type.String({
    description: 'The EAN-13 on the receipt: a till scans it to take goods back.',
  }),
  channel: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), kind: Type.String() }),
  store_id: Nullable(Type.String({ description: 'The store of a till sale or an endless-aisle order.' })),
  status: Type.String(),
  placed_at: Nullable(DateTime()),
  total_cents: Type.Integer(),
  vat_cents: Type.Integer(),
  refunded_cents: Type.Integer(),
  warranty: Warranty,
  e_receipt: Type.Object({
    url: Type.String({ description: 'The customer’s copy of the receipt (same key and login).' }),
    emailed: Nullable(
      Type.String({ description: 'Status of the receipt e-mailed to the customer, if one was.' }),
    ),
    emailed_at: Nullable(DateTime()),
  }),
  lines: Type.Array(
    Type.Object({
      id: Type.String(),
      line_no: Type.Integer(),
      sku: Type.String(),
      product_name: Type.String(),
      quantity: Type.Integer(),
      total_cents: Type.Integer(),
      fulfilment: Type.String(),
      fulfilled_quantity: Type.Integer(),
      cancelled_quantity: Type.Integer(),
      returned_quantity: Type.Integer(),
      returnable_quantity: Type.Integer({ description: 'Handed over and not yet in a return.' }),
    }),
  ),
}

export const Purchase = Type.Object(purchaseFields)
export const PurchasePage = Page(Purchase)

const TimelineEntry = Type.Object({
  step: Type.Enum(trackingSteps),
  at: DateTime(),
  location_id: Nullable(Type.String({ description: 'Where a preparation step happened.' })),
  carrier: Nullable(Type.String()),
  tracking_number: Nullable(Type.String()),
})

export const PurchaseTracking = Type.Object({
  ...purchaseFields,
  tracking: Type.Object({
    stage: Nullable(Type.Enum(trackingSteps, { description: 'The latest step.' })),
    timeline: Type.Array(TimelineEntry),
    pickup: Nullable(
      Type.Object({
        status: Type.String(),
        code: Nullable(
          Type.String({ description: 'Said at the counter; shown while the order waits to be collected.' }),
        ),
        store: Type.Object({
          id: Type.String(),
          code: Type.String(),
          name: Type.String(),
          address_line: Type.String(),
          postcode: Type.String(),
          city: Type.String(),
          opening_hours: Type.Unknown(),
        }),
        promised_at: DateTime('When it should be ready.'),
        collect_by: Nullable(DateTime('Once ready: the last moment to collect it.')),
      }),
    ),
    shipments: Type.Array(
      Type.Object({
        from_location_id: Type.String(),
        status: Type.String(),
        shipped_at: Nullable(DateTime()),
        delivered_at: Nullable(DateTime()),
        carrier: Nullable(Type.String({ description: 'Once shipped, when the shipping location said it.' })),
        tracking_number: Nullable(Type.String()),
      }),
    ),
  }),
  returns: Type.Array(
    Type.Object({
      id: Type.String(),
      number: Type.String(),
      status: Type.String(),
      method: Type.String(),
      location_id: Type.String(),
      refund_cents: Type.Integer(),
      created_at: DateTime(),
    }),
  ),
  tickets: Type.Array(
    Type.Object({
      id: Type.String(),
      number: Type.String(),
      kind: Type.String(),
      status: Type.String(),
      order_line_id: Type.String(),
      created_at: DateTime(),
    }),
  ),
})

export const Receipt = Type.Object({
  order_id: Type.String(),
  number: Type.String(),
  receipt_barcode: Type.String(),
  channel: Type.Object({ code: Type.String(), name: Type.String() }),
  store: Nullable(
    Type.Object({
      name: Type.String(),
      address_line: Type.String(),
      postcode: Type.String(),
      city: Type.String(),
    }),
  ),
  placed_at: Nullable(DateTime()),
  till_ticket: Nullable(
    Type.Object(
      { register_id: Type.String(), number: Type.Integer(), at: DateTime() },
      { description: 'The till ticket under which the register chained the sale.' },
    ),
  ),
  lines: Type.Array(
    Type.Object({
      sku: Type.String(),
      product_name: Type.String(),
      quantity: Type.Integer(),
      unit_price_cents: Type.Integer(),
      discount_cents: Type.Integer(),
      total_cents: Type.Integer(),
      vat_rate: Type.Number(),
    }),
  ),
  total_cents: Type.Integer(),
  vat: Type.Array(
    Type.Object({ rate: Type.Number(), base_incl_cents: Type.Integer(), vat_cents: Type.Integer() }),
  ),
  payments: Type.Array(
    Type.Object({ kind: Type.String(), method: Type.String(), amount_cents: Type.Integer(), at: DateTime() }),
  ),
})
