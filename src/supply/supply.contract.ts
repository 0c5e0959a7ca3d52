import { Type } from '@fastify/type-provider-typebox'
import { Id, Nullable, Page, PageQuery } from '../http/schemas.ts'
import { policyMethods, proposalStatuses, purchaseOrderStatuses } from './supply.schema.ts'

const Sku = Type.String({ minLength: 1, maxLength: 64 })
const Day = (description: string) => Type.String({ format: 'date', description })
const Units = (description?: string) =>
  Type.Integer({ minimum: 0, maximum: 1_000_000, ...(description ? { description } : {}) })
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' })

export const LocationParams = Type.Object({ location_id: Id('The store or warehouse.') })

export const StoreSupplyBody = Type.Object({
  warehouse_id: Id('The warehouse that feeds the store.'),
  delivery_days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
    maxItems: 7,
    description: 'ISO weekdays the truck comes: 1 Monday … 7 Sunday.',
  }),
  lead_days: Type.Integer({ minimum: 0, maximum: 30, description: 'Days from order to delivery.' }),
  pallets_per_truck: Type.Integer({ minimum: 1, maximum: 100 }),
})
export const StoreSupply = Type.Object({
  location_id: Type.String(),
  warehouse_id: Type.String(),
  delivery_days: Type.Array(Type.Integer()),
  lead_days: Type.Integer(),
  pallets_per_truck: Type.Integer(),
})

export const WarehouseSupplyBody = Type.Object({
  web_reserve_days: Type.Integer({
    minimum: 0,
    maximum: 90,
    description: 'Days of the warehouse’s own (web parcel) sales kept from stores.',
  }),
  purchase_cover_days: Type.Integer({
    minimum: 1,
    maximum: 365,
    description: 'Days of demand purchase orders aim to cover.',
  }),
})
export const WarehouseSupply = Type.Object({
  location_id: Type.String(),
  web_reserve_days: Type.Integer(),
  purchase_cover_days: Type.Integer(),
})

const PolicyFields = {
  sku: Sku,
  method: Type.Enum(policyMethods, {
    description:
      'min_max: back to max_qty once at or under min_qty; cover: cover_days of sales after the delivery.',
  }),
  min_qty: Type.Optional(Units('Presentation stock (cover) or reorder point (min/max).')),
  max_qty: Type.Optional(Units('The shelf’s room; 0 with cover: no maximum.')),
  cover_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  units_per_pallet: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 100_000, description: 'The SKU’s pallet (every store).' }),
  ),
}
export const PoliciesBody = Type.Object({
  policies: Type.Array(Type.Object(PolicyFields), { minItems: 1, maxItems: 5000 }),
})
export const PoliciesResponse = Type.Object({ location_id: Type.String(), policies: Type.Integer() })
export const Policy = Type.Object({
  sku: Type.String(),
  method: Type.Enum(policyMethods),
  min_qty: Type.Integer(),
  max_qty: Type.Integer(),
  cover_days: Type.Integer(),
  units_per_pallet: Nullable(Type.Integer()),
})
export const PolicyPage = Page(Policy)
export const PolicyQuery = Type.Object(PageQuery)

export const RunBody = Type.Object({
  date: Type.Optional(Day('The day proposed for (today in Paris unless given).')),
  warehouse_id: Type.Optional(Id('Only the stores this warehouse feeds.')),
})
export const RunResponse = Type.Object({
  date: Type.String(),
  proposals: Type.Integer(),
  lines: Type.Integer(),
  units: Type.Integer(),
  kept: Type.Integer({ description: 'Stores whose proposal of the day was approved already and is kept.' }),
})

const Explanation = Type.Object({
  method: Type.Enum(policyMethods),
  velocity_per_day: Type.Number({ description: 'Units sold per day over the last 4 weeks.' }),
  cover_days: Type.Integer(),
  min_qty: Type.Integer(),
  max_qty: Type.Integer(),
  on_hand: Type.Integer(),
  reserved: Type.Integer(),
  in_transit: Type.Integer(),
  open_orders: Type.Integer({
    description: 'Units on open purchase orders delivered straight to the store.',
  }),
  target: Type.Integer({ description: 'The stock the policy aims at for the delivery.' }),
  need: Type.Integer({ description: 'target − (on hand − reserved + in transit + open orders).' }),
  short_by: Type.Integer({
    description: 'Units of the need the warehouse could not give (shared fairly when short).',
  }),
  units_per_pallet: Type.Integer(),
})

export const Proposal = Type.Object({
  id: Type.String(),
  location_id: Type.String(),
  warehouse_id: Type.String(),
  proposal_date: Type.String(),
  delivery_date: Type.String(),
  status: Type.Enum(proposalStatuses),
  transfer_ids: Type.Array(Type.String(), { description: 'One transfer per truck, once approved.' }),
  approved_by: Nullable(Type.String()),
  approved_at: Nullable(Type.String({ format: 'date-time' })),
  created_at: Type.String({ format: 'date-time' }),
  line_count: Type.Integer(),
  units: Type.Integer(),
  pallets: Type.Number(),
  trucks: Type.Integer(),
  lines: Type.Array(
    Type.Object({
      sku: Type.String(),
      proposed: Type.Integer(),
      quantity: Type.Integer({ description: 'What will be sent (edited at review).' }),
      truck: Type.Integer(),
      pallets: Type.Number(),
      explanation: Explanation,
    }),
    { description: 'Empty in lists: GET the proposal for its lines.' },
  ),
})
export const ProposalPage = Page(Proposal)
export const ProposalQuery = Type.Object({
  location_id: Type.Optional(Id('Proposals of this store.')),
  date: Type.Optional(Day('Proposals of this day.')),
  status: Type.Optional(Type.Enum(proposalStatuses)),
  ...PageQuery,
})
export const ProposalParams = Type.Object({ id: Id('The proposal.') })
export const ProposalLineParams = Type.Object({ id: Id('The proposal.'), sku: Sku })
export const EditLineBody = Type.Object({ quantity: Units('Units to send; 0 sends none.') })

const SupplierItem = Type.Object({
  sku: Sku,
  unit_cost_cents: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
  pack_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
})
export const SupplierBody = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' }),
  name: Text(200),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
  lead_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  over_tolerance_pct: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 100,
      description: 'Percent over the ordered quantity accepted without approval (5).',
    }),
  ),
  items: Type.Optional(Type.Array(SupplierItem, { maxItems: 5000 })),
})
export const SupplierItemsBody = Type.Object({
  items: Type.Array(SupplierItem, { minItems: 1, maxItems: 5000 }),
})
export const Supplier = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  email: Nullable(Type.String()),
  lead_days: Type.Integer(),
  over_tolerance_pct: Type.Integer(),
  items: Type.Array(
    Type.Object({ sku: Type.String(), unit_cost_cents: Type.Integer(), pack_size: Type.Integer() }),
  ),
})
export const SupplierPage = Page(Supplier)
export const SupplierParams = Type.Object({ id: Id('The supplier (id or code).') })
export const SupplierQuery = Type.Object(PageQuery)

export const OrderBody = Type.Object({
  reference: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$',
      description: 'The ERP’s number; the id unless given.',
    }),
  ),
  supplier: Id('The supplier (id or code).'),
  location_id: Id('The warehouse, or the store of a direct delivery (id or code).'),
  expected_on: Day('The day the supplier delivers.'),
  lines: Type.Array(
    Type.Object({
      sku: Sku,
      quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
      unit_cost_cents: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    }),
    { minItems: 1, maxItems: 2000 },
  ),
})
const Receipt = Type.Object({
  id: Type.String(),
  purchase_order_id: Type.String(),
  notice_id: Nullable(Type.String()),
  location_id: Type.String(),
  status: Type.Enum(['posted', 'awaiting_approval', 'rejected'], {
    description: 'awaiting_approval: over the supplier’s tolerance, nothing in stock until approved.',
  }),
  lines: Type.Array(
    Type.Object({
      sku: Type.String(),
      ordered: Type.Integer(),
      outstanding: Type.Integer(),
      received: Type.Integer(),
      damaged: Type.Integer(),
      over: Type.Integer(),
      short: Type.Integer(),
    }),
  ),
  received_by: Nullable(Type.String()),
  decided_by: Nullable(Type.String()),
  created_at: Type.String({ format: 'date-time' }),
})
export const ReceiptResponse = Type.Object({
  ...Receipt.properties,
  over_tolerance: Type.Array(Type.String(), { description: 'SKUs over the tolerance.' }),
})
const Notice = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  arrives_at: Type.String({ format: 'date-time' }),
  status: Type.String(),
  lines: Type.Array(Type.Object({ sku: Type.String(), quantity: Type.Integer() })),
})
export const PurchaseOrder = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  supplier_id: Type.String(),
  location_id: Type.String(),
  status: Type.Enum(purchaseOrderStatuses),
  expected_on: Type.String(),
  created_by: Nullable(Type.String()),
  created_at: Type.String({ format: 'date-time' }),
  total_cents: Type.Integer(),
  lines: Type.Array(
    Type.Object({
      line_no: Type.Integer(),
      sku: Type.String(),
      quantity: Type.Integer(),
      unit_cost_cents: Type.Integer(),
      received: Type.Integer(),
      damaged: Type.Integer(),
      outstanding: Type.Integer(),
    }),
  ),
})
export const PurchaseOrderDetail = Type.Object({
  ...PurchaseOrder.properties,
  notices: Type.Array(Notice),
  receipts: Type.Array(Receipt),
})
export const PurchaseOrderPage = Page(PurchaseOrder)
export const PurchaseOrderQuery = Type.Object({
  location_id: Type.Optional(Id('Orders delivered to this location.')),
  supplier: Type.Optional(Id('Orders to this supplier (id or code).')),
  status: Type.Optional(Type.Enum(purchaseOrderStatuses)),
  ...PageQuery,
})
export const PurchaseOrderParams = Type.Object({ id: Id('The purchase order (id or reference).') })
export const ReceiptParams = Type.Object({ id: Id('The purchase order.'), receipt_id: Id('The receipt.') })
export const NoticeBody = Type.Object({
  reference: Type.String({ minLength: 1, maxLength: 64 }),
  arrives_at: Type.String({ format: 'date-time' }),
  lines: Type.Array(Type.Object({ sku: Sku, quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }) }), {
    minItems: 1,
    maxItems: 2000,
  }),
})
export const NoticeResponse = Type.Object({ ...Notice.properties, purchase_order_id: Type.String() })
export const ReceiveBody = Type.Object({
  notice_id: Type.Optional(Id('The shipping notice the delivery came with.')),
  lines: Type.Array(
    Type.Object({
      sku: Sku,
      received: Units('Good units.'),
      damaged: Type.Optional(Units('Damaged units (kept in quarantine for the supplier).')),
    }),
    { minItems: 1, maxItems: 2000 },
  ),
})
export const DecideBody = Type.Object({
  accept: Type.Boolean({ description: 'true: into stock; false: refused.' }),
})

export const SupplierReturnBody = Type.Object({
  supplier: Id('The supplier (id or code).'),
  location_id: Id('Where the goods leave from.'),
  purchase_order_id: Type.Optional(Id('The order they came on.')),
  reason: Text(500),
  lines: Type.Array(
    Type.Object({
      sku: Sku,
      quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
      from: Type.Enum(['quarantine', 'on_hand'] as const, {
        description: 'Damaged units in quarantine, or sellable units.',
      }),
    }),
    { minItems: 1, maxItems: 2000 },
  ),
})
export const SupplierReturn = Type.Object({
  id: Type.String(),
  supplier_id: Type.String(),
  location_id: Type.String(),
  purchase_order_id: Nullable(Type.String()),
  reason: Type.String(),
  lines: Type.Array(Type.Object({ sku: Type.String(), quantity: Type.Integer(), from: Type.String() })),
})

export const SuggestionQuery = Type.Object({ warehouse_id: Id('The warehouse to buy for.') })
export const Suggestions = Type.Object({
  warehouse_id: Type.String(),
  cover_days: Type.Integer(),
  suppliers: Type.Array(
    Type.Object({
      supplier_id: Type.String(),
      supplier_code: Type.String(),
      lead_days: Type.Integer(),
      lines: Type.Array(
        Type.Object({
          sku: Type.String(),
          quantity: Type.Integer({ description: 'In whole packs.' }),
          unit_cost_cents: Type.Integer(),
          daily_demand: Type.Number({ description: 'Sales and store transfers per day over 4 weeks.' }),
          position: Type.Integer({ description: 'On hand − reserved + in transit + on order.' }),
          target: Type.Integer({ description: 'Demand over the lead time and the cover.' }),
          cover_days: Type.Integer({ description: 'Days the position lasts.' }),
        }),
      ),
    }),
  ),
})

export const ExportQuery = Type.Object({ status: Type.Optional(Type.Enum(purchaseOrderStatuses)) })
export const ImportReport = Type.Object({
  created: Type.Integer(),
  unchanged: Type.Integer({ description: 'Orders whose reference exists already.' }),
  refused: Type.Array(
    Type.Object({ line: Type.Integer(), column: Type.String(), code: Type.String(), reason: Type.String() }),
  ),
})
