import { Type } from '@fastify/type-provider-typebox'
import { Id, Nullable } from '../http/schemas.ts'
import { activityKinds, launchServices } from './analytics.schema.ts'

const Day = (description: string) => Type.Optional(Type.String({ format: 'date', description }))

const Format = Type.Optional(
  Type.Union([Type.Literal('json'), Type.Literal('csv')], {
    description: 'csv: the same figures as a CSV table.',
  }),
)

const NStr = Type.Union([Type.String(), Type.Null()])

const Service = Type.Union(
  launchServices.map((s) => Type.Literal(s)),
  { description: 'pickup is click & collect.' },
)

const Figures = {
  orders: Type.Integer({ description: 'Orders (with a category: orders holding that category).' }),
  units: Type.Integer(),
  sales_cents: Type.Integer({ description: 'Sales incl. VAT, cancelled units left out.' }),
  returned_cents: Type.Integer({ description: 'Refunded for returns received in the period.' }),
  net_sales_cents: Type.Integer({ description: 'sales − returns.' }),
  average_basket_cents: Type.Integer({ description: 'Panier moyen: sales / orders.' }),
  returns_rate_pct: Type.Number(),
  pickup_sales_cents: Type.Integer({ description: 'Click & collect lines.' }),
  pickup_share_pct: Type.Number({ description: 'Click & collect share of sales.' }),
  pickup_orders: Nullable(Type.Integer({ description: 'Null when split by category.' })),
  pickup_prep_cost_cents: Nullable(
    Type.Integer({
      description: 'Preparation cost of click & collect (routing cost model: per order and per unit).',
    }),
  ),
  ship_from_store_cents: Type.Integer(),
  ship_from_store_share_pct: Type.Number({ description: 'Share of delivered sales shipped from a store.' }),
}

const SalesRow = Type.Object({
  period_start: Type.String({ format: 'date' }),
  channel_id: NStr,
  channel: NStr,
  store_id: Type.Union([Type.String({ description: "'' for deliveries not tied to a store." }), Type.Null()]),
  store: NStr,
  category: NStr,
  ...Figures,
})

const Num = Type.Union([Type.Number(), Type.Null()])

const Int = Type.Union([Type.Integer(), Type.Null()])

const PlaceboSchema = Type.Union([
  Type.Object(
    {
      runs: Type.Integer({ description: 'Placebo studies run.' }),
      exhaustive: Type.Boolean({
        description: 'Every assignment of untreated stores to launch dates, else a seeded sample.',
      }),
      mean_pct: Type.Number({ description: 'Mean placebo effect: near zero when the method is unbiased.' }),
      sd_pct: Type.Number({
        description: 'Standard deviation of the placebo effects: the noise of the estimate.',
      }),
      low_pct: Type.Number({ description: '2.5th percentile of the placebo effects.' }),
      high_pct: Type.Number({ description: '97.5th percentile of the placebo effects.' }),
      interval_low_pct: Num,
      interval_high_pct: Num,
      p_value: Type.Union([
        Type.Number({ description: 'Share of placebo effects at least as large.' }),
        Type.Null(),
      ]),
    },
    {
      description:
        'Untreated stores given the real launch dates: the effects noise alone produces. interval_* is the 95 % interval of the estimate (estimate − the placebo percentiles).',
    },
  ),
  Type.Null(),
])

const Window = { from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) }

export const SalesQuery = Type.Object({
  from: Day('First day (included); defaults to a month, a quarter or a year before `to`.'),
  to: Day('Last day (included); today by default.'),
  period: Type.Optional(
    Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')], {
      default: 'month',
    }),
  ),
  by: Type.Optional(
    Type.String({
      pattern: '^((channel|store|category)(,(channel|store|category))*)?$',
      default: 'channel',
      description: 'channel, store, category, comma-separated.',
    }),
  ),
  channel: Type.Optional(Type.String({ maxLength: 64, description: 'Channel id or code.' })),
  store: Type.Optional(Type.String({ maxLength: 64, description: 'Store id or code.' })),
  category: Type.Optional(Type.String({ maxLength: 100 })),
  format: Format,
})

export const SalesResponse = Type.Object({
  ...Window,
  period: Type.String(),
  by: Type.Array(Type.String()),
  store: NStr,
  data: Type.Array(SalesRow),
  totals: Type.Object(Figures),
})

export const CustomerViewQuery = Type.Object({
  from: Day('Default: a year before `to`.'),
  to: Day('Default: today.'),
  format: Format,
})

export const CustomerViewResponse = Type.Object({
  ...Window,
  window_days: Type.Integer(),
  multichannel: Type.Array(
    Type.Object({
      channels: Type.Integer({ description: '1, 2, or 3 for three or more.' }),
      customers: Type.Integer(),
      share_pct: Type.Number(),
      sales_cents: Type.Integer(),
      value_per_year_cents: Type.Integer(),
      vs_single_channel: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
  first_channel: Type.Array(
    Type.Object({
      first_channel_id: Type.String(),
      first_channel: Type.String(),
      customers: Type.Integer({
        description: 'Customers whose first order, in the window, was in this channel.',
      }),
      first_order_cents: Type.Integer(),
      other_channel_customers: Type.Integer(),
      other_channel_share_pct: Type.Number(),
      later_sales: Type.Array(
        Type.Object({
          channel_id: Type.String(),
          channel: Type.String(),
          sales_cents: Type.Integer(),
        }),
      ),
    }),
  ),
})

export const MigrationQuery = Type.Object({
  before_from: Day('First period start.'),
  before_to: Day('First period end (included).'),
  after_from: Day('Second period start.'),
  after_to: Day('Second period end (included).'),
  format: Format,
})

export const MigrationResponse = Type.Object({
  before: Type.Object(Window),
  after: Type.Object(Window),
  channels: Type.Array(Type.Object({ id: Type.String(), code: Type.String() })),
  customers_in_both: Type.Integer(),
  flows_cents: Type.Array(Type.Array(Type.Integer())),
  kept_cents: Type.Array(Type.Integer()),
  added_cents: Type.Array(Type.Integer()),
  lost_cents: Type.Array(Type.Integer()),
  before_cents: Type.Array(Type.Integer()),
  after_cents: Type.Array(Type.Integer()),
  new_customers: Type.Integer(),
  new_customers_cents: Type.Integer(),
  lapsed_customers: Type.Integer(),
  lapsed_customers_cents: Type.Integer(),
})

export const CannibalisationQuery = Type.Object({
  store: Type.String({ minLength: 1, maxLength: 64, description: 'Store id or code.' }),
  service: Type.Optional(Service),
  launched_on: Day('Default: the launch recorded for this store and service.'),
  weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 52, default: 12 })),
  format: Format,
})

export const CannibalisationResponse = Type.Object({
  store_id: Type.String(),
  store: Type.String(),
  service: Type.String(),
  launched_on: Type.String({ format: 'date' }),
  weeks: Type.Integer(),
  before: Type.Object({ ...Window, sales_cents: Type.Integer() }),
  after: Type.Object({ ...Window, sales_cents: Type.Integer() }),
  comparison: Type.Object({
    stores: Type.Array(
      Type.Object({
        store_id: Type.String(),
        store: Type.String(),
        before_cents: Type.Integer(),
        after_cents: Type.Integer(),
      }),
    ),
    before_cents: Type.Integer(),
    after_cents: Type.Integer(),
    growth: Type.Union([Type.Number(), Type.Null()]),
  }),
  counterfactual_cents: Type.Union([Type.Integer(), Type.Null()]),
  effect_cents: Type.Union([Type.Integer(), Type.Null()]),
  effect_pct: Type.Union([Type.Number(), Type.Null()]),
  placebo: PlaceboSchema,
  weekly: Type.Array(
    Type.Object({
      week: Type.Integer(),
      store_cents: Type.Integer(),
      comparison_cents: Type.Integer(),
    }),
  ),
})

export const PooledCannibalisationQuery = Type.Object({
  service: Type.Optional(Service),
  weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 52, default: 26 })),
  format: Format,
})

export const PooledCannibalisationResponse = Type.Object({
  service: Type.String(),
  weeks: Type.Integer(),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  stores: Type.Array(
    Type.Object({
      store_id: Type.String(),
      store: Type.String(),
      launched_on: Type.String({ format: 'date' }),
      before_cents: Type.Integer(),
      after_cents: Type.Integer(),
      comparison_growth: Num,
      counterfactual_cents: Int,
      effect_cents: Int,
      effect_pct: Num,
    }),
  ),
  excluded: Type.Array(
    Type.Object({
      store_id: Type.String(),
      store: Type.String(),
      launched_on: Type.String({ format: 'date' }),
      reason: Type.String(),
    }),
  ),
  comparison: Type.Array(Type.Object({ store_id: Type.String(), store: Type.String() })),
  before_cents: Type.Integer(),
  after_cents: Type.Integer(),
  counterfactual_cents: Int,
  effect_cents: Int,
  effect_pct: Num,
  placebo: PlaceboSchema,
  distinguishable: Type.Union([Type.Boolean(), Type.Null()], {
    description: 'p < 0.05 against the placebo effects.',
  }),
})

export const RopoViewQuery = Type.Object({
  from: Day('Default: 90 days before `to`.'),
  to: Day('Default: today.'),
  window_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 7 })),
  store: Type.Optional(Type.String({ maxLength: 64, description: 'Store id or code.' })),
  format: Format,
})

export const RopoViewResponse = Type.Object({
  ...Window,
  window_days: Type.Integer(),
  store: NStr,
  store_purchases: Type.Integer(),
  preceded_online: Type.Integer(),
  share_pct: Type.Number(),
  by_kind: Type.Object({
    cart: Type.Integer(),
    wishlist: Type.Integer(),
    availability_check: Type.Integer(),
  }),
})

export const Launch = Type.Object({
  id: Type.String(),
  location_id: Type.String(),
  service: Type.String(),
  launched_on: Type.String({ format: 'date' }),
  note: NStr,
  created_at: Type.String({ format: 'date-time' }),
})

export const ListLaunchesQuery = Type.Object({
  store: Type.Optional(Type.String({ maxLength: 64, description: 'Store id or code.' })),
  service: Type.Optional(Service),
})

export const ListLaunchesResponse = Type.Object({ data: Type.Array(Launch) })

export const RecordLaunchBody = Type.Object(
  {
    location_id: Type.String({ minLength: 1, maxLength: 64, description: 'Store id or code.' }),
    service: Service,
    launched_on: Type.String({ format: 'date' }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
)

export const RefreshAggregatesBody = Type.Object(
  { full: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
)

export const RefreshAggregatesResponse = Type.Object({
  refreshed: Type.Boolean({ description: 'false: nothing new, or another refresh was running.' }),
  full: Type.Optional(Type.Boolean()),
  events: Type.Optional(Type.Integer()),
  days: Type.Optional(Type.Integer()),
  customers: Type.Optional(Type.Integer()),
  ms: Type.Optional(Type.Integer()),
})

export const CustomerParams = Type.Object({ id: Id('Customer id') })

export const RecordActivityBody = Type.Object(
  {
    kind: Type.Union(activityKinds.map((k) => Type.Literal(k))),
    location_id: Type.Optional(
      Type.String({ maxLength: 64, description: 'The store checked (id or code).' }),
    ),
    sku: Type.Optional(Type.String({ maxLength: 64 })),
    occurred_at: Type.Optional(Type.String({ format: 'date-time', description: 'Now by default.' })),
  },
  { additionalProperties: false },
)

export const RecordActivityResponse = Type.Object({
  id: Type.String(),
  customer_id: Type.String(),
  kind: Type.String(),
  channel_id: NStr,
  location_id: NStr,
  sku: NStr,
  occurred_at: Type.String({ format: 'date-time' }),
})
