import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders, toPage } from '../http/schemas.ts'
import { allRoles, staffRoles } from '../shared/actor.ts'
import { availabilityJson } from './availability.json.ts'
import {
  AdjustStockBody,
  AvailabilityQuery,
  AvailabilityResponse,
  Level,
  LevelPage,
  LevelsAtLocationQuery,
  ListTransfersQuery,
  ListTransfersResponse,
  MovementPage,
  MovementsQuery,
  ReceiveGoodsBody,
  ReceiveGoodsResponse,
  SafetyStockBody,
  SendTransferBody,
  SendTransferResponse,
  SkuLevelsResponse,
  SkuParams,
  Transfer,
  TransferParams,
} from './inventory.contract.ts'
import { adjustStock, channelAvailability, receiveGoods, updateSafetyStock } from './inventory.service.ts'
import { levelDto, receiptView } from './inventory.view.ts'
import { locationLevels, skuLevels, stockMovements } from './levels.service.ts'
import { listTransfers, moveStock, receiveTransfer } from './transfers.service.ts'

export const inventoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/availability',
    {
      config: { roles: allRoles, refs: { 'query.location': 'location', 'query.near': 'location' } },
      schema: {
        tags: ['inventory'],
        summary: 'What can be sold, and where, for a channel (ATP)',
        description:
          'For each SKU: whether the channel lists it, the quantity available to promise over the locations that ' +
          'serve the channel (available = on hand − reserved − safety stock), the part that can be delivered, ' +
          'how many locations hold it, and the first of them (5 by default, `max_locations` up to 1000, every one ' +
          'with `locations=all`): nearest first from lat/lon, a postcode or a location (`near`) when one is given, ' +
          'else the ones holding the most first.',
        querystring: AvailabilityQuery,
        response: {
          200: AvailabilityResponse,
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const { channelCode, items } = await channelAvailability(app.db, req.actor, req.query)
      // The body the response schema describes, encoded without the generic serialiser (see availabilityJson).
      return reply.type('application/json; charset=utf-8').send(availabilityJson(channelCode, items))
    },
  )

  app.get(
    '/inventory/:sku',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['inventory'],
        summary: 'Stock of a SKU in every location',
        params: SkuParams,
        response: { 200: SkuLevelsResponse, ...errorResponses },
      },
    },
    async (req) => skuLevels(app.db, req.params.sku),
  )

  app.get(
    '/inventory',
    {
      config: { roles: staffRoles, refs: { 'query.location_id': 'location' } },
      schema: {
        tags: ['inventory'],
        summary: 'Stock held at a location, by SKU',
        querystring: LevelsAtLocationQuery,
        response: { 200: LevelPage, ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const list = await locationLevels(app.db, req.query.location_id, limit, req.query.cursor)
      return toPage(list, limit, (l) => l.sku)
    },
  )

  app.get(
    '/inventory/:sku/movements',
    {
      config: { roles: staffRoles, refs: { 'query.location_id': 'location' } },
      schema: {
        tags: ['inventory'],
        summary: 'Movement ledger of a SKU (newest first): every unit explained',
        params: SkuParams,
        querystring: MovementsQuery,
        response: { 200: MovementPage, ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const filter = { sku: req.params.sku, locationId: req.query.location_id }
      const list = await stockMovements(app.db, filter, limit, req.query.cursor)
      return toPage(list, limit, (m) => String(m.id))
    },
  )

  app.post(
    '/inventory/receipts',
    {
      config: { roles: ['admin', 'store_staff'], refs: { 'body.location_id': 'location' } },
      schema: {
        tags: ['inventory'],
        summary: 'Receive goods at a location (supplier delivery, pallet)',
        headers: IdempotencyHeaders,
        body: ReceiveGoodsBody,
        response: {
          201: ReceiveGoodsResponse,
          ...errorResponses,
        },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, async (tx) => receiptView(await receiveGoods(tx, req.actor, req.body))),
  )

  app.post(
    '/inventory/adjustments',
    {
      config: { roles: ['admin', 'store_staff'], refs: { 'body.location_id': 'location' } },
      schema: {
        tags: ['inventory'],
        summary: 'Correct stock by a delta, or record a physical count',
        headers: IdempotencyHeaders,
        body: AdjustStockBody,
        response: { 201: Level, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, async (tx) => levelDto(await adjustStock(tx, req.actor, req.body))),
  )

  app.post(
    '/inventory/transfers',
    {
      config: {
        roles: ['admin', 'store_staff'],
        refs: { 'body.from_location_id': 'location', 'body.to_location_id': 'location' },
      },
      schema: {
        tags: ['inventory'],
        summary: 'Move stock from one location to another, at once or arriving later (in transit)',
        description:
          'Without arrives_at the units move at once. With it, they leave the source now and count as in transit ' +
          'at the destination until it receives them (POST /inventory/transfers/{id}/receive).',
        headers: IdempotencyHeaders,
        body: SendTransferBody,
        response: {
          201: SendTransferResponse,
          ...errorResponses,
        },
      },
    },
    async (req, reply) => idempotentCreate(req, reply, (tx) => moveStock(tx, req.actor, req.body)),
  )

  app.get(
    '/inventory/transfers',
    {
      config: { roles: ['admin', 'store_staff', 'call_centre'], refs: { 'query.location': 'location' } },
      schema: {
        tags: ['inventory'],
        summary: 'Transfers into or out of a location, soonest expected first',
        querystring: ListTransfersQuery,
        response: { 200: ListTransfersResponse, ...errorResponses },
      },
    },
    async (req) => ({
      data: await listTransfers(app.db, req.actor, req.query, req.query.limit ?? 50),
    }),
  )

  app.post(
    '/inventory/transfers/:id/receive',
    {
      config: { roles: ['admin', 'store_staff'] },
      schema: {
        tags: ['inventory'],
        summary: 'Receive a transfer: its units go on hand (and to their click & collect order) here',
        params: TransferParams,
        response: { 200: Transfer, ...errorResponses },
      },
    },
    async (req) => receiveTransfer(app.db, req.actor, req.params.id),
  )

  app.put(
    '/inventory/safety-stock',
    {
      config: { roles: ['admin', 'store_staff'], refs: { 'body.location_id': 'location' } },
      schema: {
        tags: ['inventory'],
        summary: 'Set the safety stock kept back from remote channels for a SKU at a location',
        body: SafetyStockBody,
        response: { 200: Level, ...errorResponses },
      },
    },
    async (req) => levelDto(await updateSafetyStock(app.db, req.actor, req.body)),
  )
}
