import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { errorResponses } from '../http/schemas.ts'
import { recordActivity } from './activity.service.ts'
import {
  CannibalisationQuery,
  CannibalisationResponse,
  CustomerParams,
  CustomerViewQuery,
  CustomerViewResponse,
  Launch,
  ListLaunchesQuery,
  ListLaunchesResponse,
  MigrationQuery,
  MigrationResponse,
  PooledCannibalisationQuery,
  PooledCannibalisationResponse,
  RecordActivityBody,
  RecordActivityResponse,
  RecordLaunchBody,
  RefreshAggregatesBody,
  RefreshAggregatesResponse,
  RopoViewQuery,
  RopoViewResponse,
  SalesQuery,
  SalesResponse,
} from './analytics.contract.ts'
import {
  cannibalisation,
  customerView,
  listLaunches,
  migration,
  pooledCannibalisation,
  recordLaunch,
  refreshNow,
  ropoView,
  sales,
} from './analytics.service.ts'
import {
  cannibalisationCsv,
  customersCsv,
  migrationCsv,
  pooledCannibalisationCsv,
  ropoCsv,
  salesCsv,
} from './analytics.view.ts'

const tags = ['analytics']

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
        querystring: SalesQuery,
        response: {
          200: SalesResponse,
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
      return q.format === 'csv' ? send(reply, 'sales', salesCsv(r)) : r
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
        querystring: CustomerViewQuery,
        response: {
          200: CustomerViewResponse,
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const r = await customerView(app.db, req.actor, req.query)
      return req.query.format === 'csv' ? send(reply, 'customers', customersCsv(r)) : r
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
        querystring: MigrationQuery,
        response: {
          200: MigrationResponse,
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const r = await migration(app.db, req.actor, req.query)
      return req.query.format === 'csv' ? send(reply, 'migration', migrationCsv(r)) : r
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
        querystring: CannibalisationQuery,
        response: {
          200: CannibalisationResponse,
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const r = await cannibalisation(app.db, req.actor, req.query)
      return req.query.format === 'csv' ? send(reply, 'cannibalisation', cannibalisationCsv(r)) : r
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
        querystring: PooledCannibalisationQuery,
        response: {
          200: PooledCannibalisationResponse,
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const r = await pooledCannibalisation(app.db, req.actor, req.query)
      return req.query.format === 'csv'
        ? send(reply, 'cannibalisation-pooled', pooledCannibalisationCsv(r))
        : r
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
        querystring: RopoViewQuery,
        response: {
          200: RopoViewResponse,
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const r = await ropoView(app.db, req.actor, req.query)
      return req.query.format === 'csv' ? send(reply, 'ropo', ropoCsv(r)) : r
    },
  )

  app.get(
    '/analytics/service-launches',
    {
      config: { roles: ['admin', 'store_staff'], refs: { 'query.store': 'location' } },
      schema: {
        tags,
        summary: 'Services opened at stores (click & collect launches…)',
        querystring: ListLaunchesQuery,
        response: { 200: ListLaunchesResponse, ...errorResponses },
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
        body: RecordLaunchBody,
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
        body: RefreshAggregatesBody,
        response: {
          200: RefreshAggregatesResponse,
          ...errorResponses,
        },
      },
    },
    async (req) => refreshNow(app.db, req.body.full),
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
        params: CustomerParams,
        body: RecordActivityBody,
        response: {
          201: RecordActivityResponse,
          ...errorResponses,
        },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await recordActivity(app.db, req.actor, req.params.id, req.body)),
  )
}
