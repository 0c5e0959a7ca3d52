import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { loginHeader } from '../customers/index.ts'
import { claimedCreate } from '../http/idempotency.ts'
import { errorResponses, LoginHeaders, toPage } from '../http/schemas.ts'
import { allRoles, staffRoles } from '../shared/actor.ts'
import { listOfflineSales, reviewOfflineSale } from './offline.service.ts'
import {
  CancelOrderBody,
  ConfirmDraftBody,
  FulfilOrderBody,
  ListOrdersQuery,
  OfflineSale,
  OfflineSalePage,
  OfflineSaleParams,
  OfflineSalesQuery,
  Order,
  OrderIn,
  OrderPage,
  OrderParams,
  PlaceOrderHeaders,
  Quote,
} from './orders.contract.ts'
import {
  cancelOrder,
  completeOrder,
  confirmDraft,
  fulfilOrder,
  getOrder,
  listOrdersFor,
  placeOrderFor,
  quoteOrderFor,
} from './orders.service.ts'

const storeRoles = ['admin', 'store_staff'] as const

/** Stores named by code in an order are turned into ids before it is placed (ids pass untouched). */
const orderRefs = { 'body.store_id': 'location', 'body.lines.*.pickup_location_id': 'location' } as const

export const ordersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/orders',
    {
      config: { roles: allRoles, refs: orderRefs },
      schema: {
        tags: ['orders'],
        summary: 'Place an order in any channel (till sale, web, phone, click & collect, reserve & collect)',
        description:
          'Reserves or sells all the stock at once or fails as a whole (409 insufficient_stock names the SKU, ' +
          'location and what was available). Payments must equal what is due now: every line except reserve & ' +
          'collect, paid at collection. A draft holds its stock for hold_minutes and is confirmed with payment.',
        headers: PlaceOrderHeaders,
        body: OrderIn,
        response: { 201: Order, ...errorResponses },
      },
    },
    async (req, reply) =>
      claimedCreate(req, reply, (claim) =>
        placeOrderFor(app.db, req.actor, req.headers[loginHeader], req.body, claim),
      ),
  )

  app.post(
    '/orders/quote',
    {
      config: { roles: allRoles, refs: orderRefs },
      schema: {
        tags: ['orders'],
        summary: 'Price a basket as placing it would: lines, promotions, discounts, VAT and what is due now',
        description:
          'Nothing is reserved, paid or numbered. Give the same body as POST /orders (payments may be left out) ' +
          'to show the customer the total before they pay; promotions whose limits run out meanwhile are ' +
          'refused when the order is placed (409 promotion_limit_reached), never silently charged.',
        headers: LoginHeaders,
        body: OrderIn,
        response: { 200: Quote, ...errorResponses },
      },
    },
    async (req) => quoteOrderFor(app.db, req.actor, req.headers[loginHeader], req.body),
  )

  app.get(
    '/orders/:id',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['orders'],
        summary: 'An order with its lines, payments and every status change',
        params: OrderParams,
        response: { 200: Order, ...errorResponses },
      },
    },
    async (req) => getOrder(app.db, req.actor, req.params.id),
  )

  app.get(
    '/orders',
    {
      config: { roles: allRoles, refs: { 'query.channel_id': 'channel', 'query.location_id': 'location' } },
      schema: {
        tags: ['orders'],
        summary: 'List orders, newest first (a store sees its own, a channel key its channel’s)',
        headers: LoginHeaders,
        querystring: ListOrdersQuery,
        response: { 200: OrderPage, ...errorResponses },
      },
    },
    async (req) => {
      const q = req.query
      const limit = q.limit ?? 50
      const views = await listOrdersFor(
        app.db,
        req.actor,
        req.headers[loginHeader],
        {
          channelId: q.channel_id,
          status: q.status,
          customerId: q.customer_id,
          locationId: q.location_id,
          number: q.number,
          createdFrom: q.created_from,
          createdTo: q.created_to,
        },
        limit,
        q.cursor,
      )
      return toPage(views, limit, (o) => o.id)
    },
  )

  app.post(
    '/orders/:id/confirm',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['orders'],
        summary: 'Confirm a draft with its payment; its stock stays held until fulfilment',
        params: OrderParams,
        body: ConfirmDraftBody,
        response: { 200: Order, ...errorResponses },
      },
    },
    async (req) => confirmDraft(app.db, req.actor, req.params.id, req.body.payments, req.body.register_id),
  )

  app.post(
    '/orders/:id/cancel',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['orders'],
        summary:
          'Cancel an order before anything left the stock: releases its stock and refunds its payments',
        params: OrderParams,
        body: CancelOrderBody,
        response: { 200: Order, ...errorResponses },
      },
    },
    async (req) => cancelOrder(app.db, req.actor, req.params.id, req.body.reason, req.body.register_id),
  )

  app.post(
    '/orders/:id/fulfil',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['orders'],
        summary: 'Hand over or ship lines: stock leaves the location (reserve & collect is paid here)',
        params: OrderParams,
        body: FulfilOrderBody,
        response: { 200: Order, ...errorResponses },
      },
    },
    async (req) => fulfilOrder(app.db, req.actor, req.params.id, req.body.lines, req.body.payments ?? []),
  )

  app.post(
    '/orders/:id/complete',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['orders'],
        summary: 'Close a fulfilled order (e.g. the parcel was delivered)',
        params: OrderParams,
        response: { 200: Order, ...errorResponses },
      },
    },
    async (req) => completeOrder(app.db, req.actor, req.params.id),
  )

  app.get(
    '/offline-sales',
    {
      config: { roles: [...storeRoles], refs: { 'query.store_id': 'location' } },
      schema: {
        tags: ['orders'],
        summary: 'Till sales made offline and recorded when the till came back, newest first',
        description:
          'A store key sees its store, head office every store. `flagged=true`: the sales whose units the ' +
          'books no longer held (booked back as an adjustment), not yet looked at by a manager.',
        querystring: OfflineSalesQuery,
        response: { 200: OfflineSalePage, ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const list = await listOfflineSales(
        app.db,
        req.actor,
        { flagged: req.query.flagged, storeId: req.query.store_id },
        limit,
        req.query.cursor,
      )
      return toPage(list, limit, (s) => s.order_id)
    },
  )

  app.post(
    '/offline-sales/:order_id/review',
    {
      config: { roles: [...storeRoles] },
      schema: {
        tags: ['orders'],
        summary: 'A manager has looked at an offline sale and its shortfall (shelf counted, cause found)',
        params: OfflineSaleParams,
        response: { 200: OfflineSale, ...errorResponses },
      },
    },
    async (req) => reviewOfflineSale(app.db, req.actor, req.params.order_id),
  )
}
