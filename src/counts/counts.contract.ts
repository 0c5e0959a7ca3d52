import { Type } from '@fastify/type-provider-typebox'
import { Id, Nullable, Page, PageQuery } from '../http/schemas.ts'
import { countScopes, countStatuses } from './counts.schema.ts'

const Sku = Type.String({ minLength: 1, maxLength: 64 })

export const StartCountBody = Type.Object({
  location_id: Id('The store or warehouse counted.'),
  scope: Type.Enum(countScopes, {
    description:
      'full: every item the location holds; zone: the SKUs of a shelf or aisle (`skus`); category: every item ' +
      'of `category` held there; cycle: the `cycle_size` items worth counting most (cost × (units sold over 4 ' +
      'weeks + on hand)) not counted in the last 7 days.',
  }),
  zone: Type.Optional(
    Type.String({ minLength: 1, maxLength: 64, description: 'The zone’s name (zone counts).' }),
  ),
  skus: Type.Optional(Type.Array(Sku, { minItems: 1, maxItems: 5000, description: 'The SKUs of the zone.' })),
  category: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  cycle_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 })),
  recount_units: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 10000,
      description: 'Variances up to this many units are not recounted (3).',
    }),
  ),
  recount_pct: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 1000,
      description: 'Variances up to this share of the expected are not recounted (20 %).',
    }),
  ),
})

export const CountLine = Type.Object({
  sku: Type.String(),
  counted: Nullable(Type.Integer({ description: 'Units found so far; null: not scanned (none found).' })),
  needs_recount: Type.Boolean(),
  recounted: Nullable(Type.Integer()),
  expected: Nullable(
    Type.Integer({ description: 'On hand when the count started; hidden (null) until counting is over.' }),
  ),
  variance: Nullable(
    Type.Integer({ description: 'Found − expected; hidden (null) until counting is over.' }),
  ),
  on_hand_at_approval: Nullable(
    Type.Integer({ description: 'On hand when approved (what moved since included).' }),
  ),
  applied_delta: Nullable(Type.Integer({ description: 'The count movement written at approval.' })),
})

export const Count = Type.Object({
  id: Type.String(),
  location_id: Type.String(),
  scope: Type.Enum(countScopes),
  scope_value: Nullable(Type.String()),
  status: Type.Enum(countStatuses, {
    description: 'counting → recount (large variances) → review → approved; cancelled any time before.',
  }),
  recount_units: Type.Integer(),
  recount_pct: Type.Integer(),
  started_at: Type.String({ format: 'date-time' }),
  approved_at: Nullable(Type.String({ format: 'date-time' })),
  approved_by: Nullable(Type.String()),
  items: Type.Integer(),
  counted_items: Type.Integer(),
  lines: Type.Array(CountLine),
})

export const CountPage = Page(Count)

export const ListCountsQuery = Type.Object({
  location_id: Type.Optional(Id('Counts of this location.')),
  status: Type.Optional(Type.Enum(countStatuses)),
  ...PageQuery,
})

export const CountParams = Type.Object({ id: Id('The count.') })

export const ScanBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 64, description: 'The EAN-13 scanned, or the SKU typed.' }),
  quantity: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 10000, default: 1, description: 'Units of this scan (a case).' }),
  ),
})

export const ScanResponse = Type.Object({
  sku: Type.String(),
  found: Type.Integer({ description: 'Units of this item found so far in this pass (count or recount).' }),
  recount: Type.Boolean(),
})
