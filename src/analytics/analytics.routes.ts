import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { errorResponses, Id, Nullable } from '../http/schemas.ts'
import { recordActivity } from './activity.service.ts'
import { activityKinds, launchServices } from './analytics.schema.ts'
import {
  cannibalisation,
  customerView,
  listLaunches,
  migration,
  pooledCannibalisation,
  recordLaunch,
  ropoView,
  sales,
} from './analytics.service.ts'
import { toCsv } from './csv.domain.ts'
import { refreshAggregates } from './refresh.store.ts'

const tags = ['analytics']
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

function send(reply: FastifyReply, name: string, csv: string) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(csv)
}

/** Channel analytics: figures, customers across channels, migration, cannibalisation and ROPO. */
export const analyticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/analytics/sales',
    {
      config: {
        roles: ['admin', 'store_staff'],
        refs: { 'query.store': { kind: 'location', keep: ['none'] } },
      },
      schema: {
        tags,
        summary: 'Sales per day, week or month and per channel, store and category',
        description:
          'Net sales, orders, units, average basket, returns rate, click & collect share and preparation cost, ' +
          'ship-from-store share, from the pre-aggregates (refreshed from the order events first). Periods are ' +
          'Paris days, weeks from Monday. A store key sees its own store only. `store=none`: deliveries not tied to a store.',
        querystring: Type.Object({
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
        }),
        response: {
          200: Type.Object({
            ...Window,
            period: Type.String(),
            by: Type.Array(Type.String()),
            store: NStr,
            data: Type.Array(SalesRow),
            totals: Type.Object(Figures),
          }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const q = req.query
      const by = [...new Set((q.by ?? 'channel').split(',').filter(Boolean))] as Array<
        'channel' | 'store' | 'category'
      >
      const r = await sales(app.db, req.actor, { ...q, period: q.period ?? 'month', by })
      if (q.format === 'csv') return send(reply, 'sales', toCsv(r.data))
      return r
    },
  )

  app.get(
    '/analytics/customers',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary:
          'Customers in one, two, three or more channels, their value per year, first channel and later channels',
        description:
          'Identified customers (merged profiles counted once) over whole months from `from` to `to`. Value per year is the ' +
          'window’s spend per customer scaled to 365 days, compared with single-channel customers.',
        querystring: Type.Object({
          from: Day('Default: a year before `to`.'),
          to: Day('Default: today.'),
          format: Format,
        }),
        response: {
          200: Type.Object({
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
          }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const r = await customerView(app.db, req.actor, req.query)
      if (req.query.format === 'csv') return send(reply, 'customers', toCsv(r.multichannel))
      return r
    },
  )

  app.get(
    '/analytics/migration',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Channel-to-channel flow of spend between two periods, for customers identified in both',
        description:
          'flows_cents[i][k]: spend that left channel i and reappeared in channel k; kept, added (new spend of the same ' +
          'customers) and lost per channel; spend of customers new in the second period or lapsed after the first. ' +
          'Defaults: the last 12 months against the 12 before. Method in docs/analytics.md.',
        querystring: Type.Object({
          before_from: Day('First period start.'),
          before_to: Day('First period end (included).'),
          after_from: Day('Second period start.'),
          after_to: Day('Second period end (included).'),
          format: Format,
        }),
        response: {
          200: Type.Object({
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
          }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const r = await migration(app.db, req.actor, req.query)
      if (req.query.format === 'csv')
        return send(
          reply,
          'migration',
          toCsv(
            r.channels.map((c, i) => ({
              from_channel: c.code,
              ...Object.fromEntries(r.channels.map((t, k) => [`to_${t.code}`, r.flows_cents[i]![k]!])),
              kept: r.kept_cents[i]!,
              lost: r.lost_cents[i]!,
              added: r.added_cents[i]!,
              before: r.before_cents[i]!,
              after: r.after_cents[i]!,
            })),
          ),
        )
      return r
    },
  )

  app.get(
    '/analytics/cannibalisation',
    {
      config: { roles: ['admin', 'store_staff'], refs: { 'query.store': 'location' } },
      schema: {
        tags,
        summary:
          'Change in a store’s in-store sales after a service opened, against comparable stores (difference-in-differences)',
        description:
          'Till sales of the store over `weeks` weeks before and after the launch, against the pooled sales of every other ' +
          'store where the service did not open in those weeks (listed). Effect = after − before × comparison growth.',
        querystring: Type.Object({
          store: Type.String({ minLength: 1, maxLength: 64, description: 'Store id or code.' }),
          service: Type.Optional(Service),
          launched_on: Day('Default: the launch recorded for this store and service.'),
          weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 52, default: 12 })),
          format: Format,
        }),
        response: {
          200: Type.Object({
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
          }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const r = await cannibalisation(app.db, req.actor, req.query)
      if (req.query.format === 'csv')
        return send(
          reply,
          'cannibalisation',
          toCsv([
            {
              store: r.store,
              role: 'treated',
              before_cents: r.before.sales_cents,
              after_cents: r.after.sales_cents,
            },
            ...r.comparison.stores.map((s) => ({
              store: s.store,
              role: 'comparison',
              before_cents: s.before_cents,
              after_cents: s.after_cents,
            })),
          ]),
        )
      return r
    },
  )

  app.get(
    '/analytics/cannibalisation/pooled',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary:
          'Change in in-store sales after a service opened, pooled over every store that opened it, with a placebo interval',
        description:
          'Difference-in-differences over all stores where the service opened, each over `weeks` weeks either side of its own ' +
          'launch date, against the stores where it did not open during the study (listed). Pooled effect = Σ after / ' +
          'Σ (before × comparison growth over that launch’s windows) − 1. The placebo gives untreated stores the real launch ' +
          'dates to show what noise alone produces. Launches less than `weeks` weeks old are listed as excluded.',
        querystring: Type.Object({
          service: Type.Optional(Service),
          weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 52, default: 26 })),
          format: Format,
        }),
        response: {
          200: Type.Object({
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
          }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const r = await pooledCannibalisation(app.db, req.actor, req.query)
      if (req.query.format === 'csv')
        return send(
          reply,
          'cannibalisation-pooled',
          toCsv(
            r.stores.map((s) => ({
              store: s.store,
              launched_on: s.launched_on,
              before_cents: s.before_cents,
              after_cents: s.after_cents,
              counterfactual_cents: s.counterfactual_cents,
              effect_pct: s.effect_pct,
            })),
          ),
        )
      return r
    },
  )

  app.get(
    '/analytics/ropo',
    {
      config: { roles: ['admin', 'store_staff'], refs: { 'query.store': 'location' } },
      schema: {
        tags,
        summary: 'Share of store purchases preceded by online activity of the same customer (ROPO)',
        description:
          'Till purchases by identified customers, preceded within `window_days` by a web or app cart, a wishlist entry, ' +
          'or an availability check for that store.',
        querystring: Type.Object({
          from: Day('Default: 90 days before `to`.'),
          to: Day('Default: today.'),
          window_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 7 })),
          store: Type.Optional(Type.String({ maxLength: 64, description: 'Store id or code.' })),
          format: Format,
        }),
        response: {
          200: Type.Object({
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
          }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const r = await ropoView(app.db, req.actor, req.query)
      if (req.query.format === 'csv') {
        const { by_kind, ...rest } = r
        return send(reply, 'ropo', toCsv([{ ...rest, ...by_kind }]))
      }
      return r
    },
  )

  const Launch = Type.Object({
    id: Type.String(),
    location_id: Type.String(),
    service: Type.String(),
    launched_on: Type.String({ format: 'date' }),
    note: NStr,
    created_at: Type.String({ format: 'date-time' }),
  })

  app.get(
    '/analytics/service-launches',
    {
      config: { roles: ['admin', 'store_staff'], refs: { 'query.store': 'location' } },
      schema: {
        tags,
        summary: 'Services opened at stores (click & collect launches…)',
        querystring: Type.Object({
          store: Type.Optional(Type.String({ maxLength: 64, description: 'Store id or code.' })),
          service: Type.Optional(Service),
        }),
        response: { 200: Type.Object({ data: Type.Array(Launch) }), ...errorResponses },
      },
    },
    async (req) => ({ data: await listLaunches(app.db, req.actor, req.query) }),
  )

  app.post(
    '/analytics/service-launches',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Record that a service opened at a store on a date',
        body: Type.Object(
          {
            location_id: Type.String({ minLength: 1, maxLength: 64, description: 'Store id or code.' }),
            service: Service,
            launched_on: Type.String({ format: 'date' }),
            note: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Launch, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await recordLaunch(app.db, req.actor, req.body)),
  )

  app.post(
    '/analytics/refresh',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Bring the analytics aggregates up to date now (or rebuild them whole)',
        description:
          'Every analytics read and the sweeper already do this incrementally; full=true rebuilds from scratch.',
        body: Type.Object({ full: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            refreshed: Type.Boolean({ description: 'false: nothing new, or another refresh was running.' }),
            full: Type.Optional(Type.Boolean()),
            events: Type.Optional(Type.Integer()),
            days: Type.Optional(Type.Integer()),
            customers: Type.Optional(Type.Integer()),
            ms: Type.Optional(Type.Integer()),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const r = await refreshAggregates(app.db, { full: req.body.full })
      return r ? { refreshed: true, ...r } : { refreshed: false }
    },
  )

  app.post(
    '/customers/:id/activity',
    {
      config: { roles: ['admin', 'channel'] },
      schema: {
        tags: ['customers', 'analytics'],
        summary: 'Record a customer’s online activity: wishlist, availability check for a store, cart',
        description:
          'What ROPO looks for before a store purchase. Sent by the web shop and the app with their channel key.',
        params: Type.Object({ id: Id('Customer id') }),
        body: Type.Object(
          {
            kind: Type.Union(activityKinds.map((k) => Type.Literal(k))),
            location_id: Type.Optional(
              Type.String({ maxLength: 64, description: 'The store checked (id or code).' }),
            ),
            sku: Type.Optional(Type.String({ maxLength: 64 })),
            occurred_at: Type.Optional(Type.String({ format: 'date-time', description: 'Now by default.' })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            id: Type.String(),
            customer_id: Type.String(),
            kind: Type.String(),
            channel_id: NStr,
            location_id: NStr,
            sku: NStr,
            occurred_at: Type.String({ format: 'date-time' }),
          }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await recordActivity(app.db, req.actor, req.params.id, req.body)),
  )
}
