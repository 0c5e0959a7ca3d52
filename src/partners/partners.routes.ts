import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { catchUpBatchConsumer } from '../events/index.ts'
import { errorResponses } from '../http/schemas.ts'
import type { Role } from '../shared/actor.ts'
import {
  CancelIn,
  ChannelParams,
  FeedPage,
  FeedQuery,
  FeedSettings,
  FeedSettingsIn,
  ImportIn,
  ImportResult,
  PartnerOrder,
  PartnerOrderIn,
  PartnerOrderParams,
  PartnerSettlement,
  Reconciliation,
  SettlementParams,
  SettlementQuery,
  StatementIn,
  Terms,
  TermsIn,
} from './partners.contract.ts'
import {
  cancelPartnerOrder,
  closeSettlement,
  getPartnerOrder,
  importPartnerOrders,
  partnerSettlement,
  placePartnerOrder,
  putTerms,
  reconcileStatement,
} from './partners.service.ts'
import { settlementCsv, settlementHtml } from './settlement.view.ts'
import { stockFeedFromStock } from './stock-feed.consumer.ts'
import { feedCsv } from './stock-feed.domain.ts'
import { getFeedSettings, putFeedSettings, readFeed } from './stock-feed.service.ts'

/** Head office, and the partner's own channel key. */
const partnerAndOffice: Role[] = ['admin', 'channel']
const tags = ['partners']

/** Partner channels: orders by the partner's id, cancellations, imports, terms and settlements. */
export const partnersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/partners/:ref/orders',
    {
      config: { roles: partnerAndOffice },
      schema: {
        tags,
        summary: 'Pass on a partner’s order, by the partner’s order id (idempotent)',
        description:
          'One order per partner order id, even when sent twice at once: a repeat answers 200 with the order ' +
          'already placed; the same id with other lines is 409 partner_order_id_reused. The partner’s prices ' +
          '(VAT included) apply when below the brand’s price for the partner; the partner collected the money.',
        params: ChannelParams,
        body: PartnerOrderIn,
        response: { 201: PartnerOrder, 200: PartnerOrder, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { created, order } = await placePartnerOrder(app.db, req.actor, req.params.ref, req.body)
      return reply.status(created ? 201 : 200).send(order)
    },
  )

  app.get(
    '/partners/:ref/orders/:partner_order_id',
    {
      config: { roles: partnerAndOffice },
      schema: {
        tags,
        summary: 'A partner order by the partner’s id',
        params: PartnerOrderParams,
        response: { 200: PartnerOrder, ...errorResponses },
      },
    },
    async (req) => getPartnerOrder(app.db, req.actor, req.params.ref, req.params.partner_order_id),
  )

  app.post(
    '/partners/:ref/orders/:partner_order_id/cancel',
    {
      config: { roles: partnerAndOffice },
      schema: {
        tags,
        summary: 'Cancel a partner order: its money goes back through the partner, on its settlement',
        params: PartnerOrderParams,
        body: CancelIn,
        response: { 200: PartnerOrder, ...errorResponses },
      },
    },
    async (req) =>
      cancelPartnerOrder(app.db, req.actor, req.params.ref, req.params.partner_order_id, req.body.reason),
  )

  app.post(
    '/partners/:ref/orders/import',
    {
      config: { roles: partnerAndOffice },
      schema: {
        tags,
        summary: 'Import partner orders from a CSV or JSON file: an outcome per order, errors per row',
        params: ChannelParams,
        body: ImportIn,
        response: { 200: ImportResult, ...errorResponses },
      },
    },
    async (req) => importPartnerOrders(app.db, req.actor, req.params.ref, req.body),
  )

  app.put(
    '/partners/:ref/terms',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Set a partner’s commission and fee per order',
        params: ChannelParams,
        body: TermsIn,
        response: { 200: Terms, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => putTerms(tx, req.actor, req.params.ref, req.body)),
  )

  app.get(
    '/partners/:ref/settlements/:month',
    {
      config: { roles: partnerAndOffice },
      schema: {
        tags,
        summary: 'A month’s settlement: sales, returns, commission, fees, what the partner must pay',
        description: '`format=csv` for the file, `format=html` for a printable page.',
        params: SettlementParams,
        querystring: SettlementQuery,
        response: { 200: PartnerSettlement, ...errorResponses },
      },
    },
    async (req, reply) => {
      const s = await partnerSettlement(app.db, req.actor, req.params.ref, req.params.month)
      if (req.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="settlement-${s.channel.code}-${s.month}.csv"`)
          .serializer((x: unknown) => x as string)
          .send(settlementCsv(s))
      }
      if (req.query.format === 'html') {
        return reply
          .type('text/html; charset=utf-8')
          .serializer((x: unknown) => x as string)
          .send(settlementHtml(s))
      }
      return s
    },
  )

  app.post(
    '/partners/:ref/settlements/:month/close',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Close a month that is over: its settlement’s figures become final',
        params: SettlementParams,
        response: { 200: PartnerSettlement, ...errorResponses },
      },
    },
    async (req) =>
      app.db.transaction((tx) => closeSettlement(tx, req.actor, req.params.ref, req.params.month)),
  )

  app.post(
    '/partners/:ref/settlements/:month/statement',
    {
      config: { roles: partnerAndOffice },
      schema: {
        tags,
        summary: 'Check a partner’s settlement file (CSV or JSON) against the brand’s figures for the month',
        description:
          'Answers what matches and, order by order, each amount that differs or is on one side only.',
        params: SettlementParams,
        body: StatementIn,
        response: { 200: Reconciliation, ...errorResponses },
      },
    },
    async (req) => reconcileStatement(app.db, req.actor, req.params.ref, req.params.month, req.body),
  )

  app.put(
    '/partners/:ref/stock-feed/settings',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Set what a partner’s stock feed offers: SKUs, categories, locations and buffer',
        description:
          'The feed offers, per SKU the partner may sell (listed for its channel), what the brand’s own channels ' +
          'leave available at these locations (on hand − reserved − safety stock), less the buffer: the share ' +
          '`buffer_bp` rounded up, then `buffer_units`. The feed is brought in line at once.',
        params: ChannelParams,
        body: FeedSettingsIn,
        response: { 200: FeedSettings, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => putFeedSettings(tx, req.actor, req.params.ref, req.body)),
  )

  app.get(
    '/partners/:ref/stock-feed/settings',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'A partner’s stock feed settings',
        params: ChannelParams,
        response: { 200: FeedSettings, ...errorResponses },
      },
    },
    async (req) => getFeedSettings(app.db, req.actor, req.params.ref),
  )

  app.get(
    '/partners/:ref/stock-feed',
    {
      config: { roles: partnerAndOffice },
      schema: {
        tags,
        summary: 'A partner’s stock feed: a snapshot, then the changes since a cursor',
        description:
          'Without `cursor`: every SKU offered, with its quantity. With the `cursor` of the last page read: ' +
          'each SKU whose quantity changed since (a SKU that left the feed comes at 0, `offered: false`). ' +
          'Pages in change order; `has_more` says to read on. Never offers what the brand’s channels reserved. ' +
          '`format=csv` answers the items as CSV (formula cells neutralised), the cursor in the `x-feed-cursor` ' +
          'header and `x-feed-has-more`. A channel key reads its own feed only (another’s is 404). ' +
          'The same changes go out as `partner.stock_changed` events.',
        params: ChannelParams,
        querystring: FeedQuery,
        response: { 200: FeedPage, ...errorResponses },
      },
    },
    async (req, reply) => {
      const page = await readFeed(app.db, req.actor, req.params.ref, req.query, () =>
        catchUpBatchConsumer(app.db, stockFeedFromStock),
      )
      if (req.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="stock-${page.channel.code}-${page.cursor}.csv"`,
          )
          .header('x-feed-cursor', page.cursor)
          .header('x-feed-has-more', String(page.has_more))
          .serializer((x: unknown) => x as string)
          .send(feedCsv(page.items))
      }
      return page
    },
  )
}
