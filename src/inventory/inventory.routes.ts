import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { cachedChannel } from '../channels/index.ts'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, Id, IdempotencyHeaders, Page, PageQuery, toPage } from '../http/schemas.ts'
import { allRoles, staffRoles } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { availabilityJson } from './availability.json.ts'
import { movementKinds } from './inventory.schema.ts'
import {
  adjustStock,
  availability,
  receiveGoods,
  transferStock,
  updateSafetyStock,
} from './inventory.service.ts'
import * as stock from './stock.store.ts'
import { listTransfers, receiveTransfer, sendTransfer } from './transfers.service.ts'

const Level = Type.Object({
  location_id: Type.String(),
  sku: Type.String(),
  on_hand: Type.Integer(),
  reserved: Type.Integer(),
  safety_stock: Type.Integer(),
  available: Type.Integer({ description: 'on_hand − reserved − safety_stock, never below 0.' }),
  in_transit: Type.Integer({ description: 'Shipped here from another location, not yet received.' }),
  quarantined: Type.Integer({
    description: 'Returned units kept apart (damaged, or defective awaiting after-sales): never sellable.',
  }),
  updated_at: Type.String({ format: 'date-time' }),
})

const Transfer = Type.Object({
  id: Type.String(),
  from_location_id: Type.String(),
  to_location_id: Type.String(),
  status: Type.Union([Type.Literal('in_transit'), Type.Literal('received')]),
  order_id: Type.Union([Type.String(), Type.Null()], { description: 'The click & collect order it serves.' }),
  expected_at: Type.String({ format: 'date-time' }),
  received_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  created_by: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
  lines: Type.Array(
    Type.Object({
      line_no: Type.Integer(),
      sku: Type.String(),
      quantity: Type.Integer(),
      order_line_id: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
})

const Movement = Type.Object({
  id: Type.Integer(),
  location_id: Type.String(),
  sku: Type.String(),
  kind: Type.Enum(movementKinds),
  on_hand_delta: Type.Integer(),
  reserved_delta: Type.Integer(),
  quarantined_delta: Type.Integer({ description: 'Returned units put into (or out of) quarantine.' }),
  reference: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  actor: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
})

const StockLines = Type.Array(
  Type.Object(
    {
      sku: Type.String({ minLength: 1, maxLength: 64 }),
      quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    },
    { additionalProperties: false },
  ),
  { minItems: 1, maxItems: 5000 },
)

const levelDto = (l: stock.StockLevelRow) => ({ ...l, updated_at: new Date(l.updated_at).toISOString() })

export const inventoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/availability',
    {
      config: { roles: allRoles, refs: { 'query.location': 'location' } },
      schema: {
        tags: ['inventory'],
        summary: 'What can be sold, and where, for a channel (ATP)',
        description:
          'For each SKU: whether the channel lists it, the quantity available to promise over the locations that ' +
          'serve the channel (available = on hand − reserved − safety stock), the part that can be delivered, ' +
          'and the locations holding it — nearest first when lat/lon are given.',
        querystring: Type.Object({
          channel: Type.String({ minLength: 1, description: 'Channel id or code.' }),
          skus: Type.String({ minLength: 1, description: 'Comma-separated SKUs (at most 200).' }),
          location: Type.Optional(Type.String({ description: 'Only this location (id or code).' })),
          lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
          lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
          max_locations: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
        }),
        response: {
          200: Type.Object({
            channel: Type.String(),
            items: Type.Array(
              Type.Object({
                sku: Type.String(),
                known: Type.Boolean(),
                listed: Type.Boolean(),
                available: Type.Integer(),
                delivery_available: Type.Integer(),
                locations: Type.Array(
                  Type.Object({
                    location_id: Type.String(),
                    code: Type.String(),
                    name: Type.String(),
                    kind: Type.String(),
                    available: Type.Integer(),
                    modes: Type.Array(Type.String()),
                    distance_km: Type.Optional(Type.Number()),
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
      const { query, actor } = req
      const skus = [
        ...new Set(
          query.skus
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ]
      if (skus.length === 0 || skus.length > 200) throw invalidInput('querystring/skus', 'give 1 to 200 SKUs')
      if ((query.lat === undefined) !== (query.lon === undefined)) {
        throw invalidInput(
          query.lat === undefined ? 'querystring/lat' : 'querystring/lon',
          'give both lat and lon',
        )
      }
      const channel = await cachedChannel(app.db, query.channel)
      if (actor.role === 'channel' && actor.channelId !== channel.id) {
        throw forbidden('A channel key only sees the availability of its own channel.')
      }
      const items = await availability(app.db, {
        channelId: channel.id,
        channelModes: channel.fulfilmentModes,
        skus,
        locationId: query.location,
        position:
          query.lat !== undefined && query.lon !== undefined ? { lat: query.lat, lon: query.lon } : undefined,
        maxLocations: query.max_locations,
      })
      // The body the response schema describes, encoded without the generic serialiser (see availabilityJson).
      return reply.type('application/json; charset=utf-8').send(availabilityJson(channel.code, items))
    },
  )

  app.get(
    '/inventory/:sku',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['inventory'],
        summary: 'Stock of a SKU in every location',
        params: Type.Object({ sku: Type.String({ minLength: 1 }) }),
        response: { 200: Type.Object({ sku: Type.String(), levels: Type.Array(Level) }), ...errorResponses },
      },
    },
    async (req) => ({
      sku: req.params.sku,
      levels: (await stock.levelsForSku(app.db, req.params.sku)).map(levelDto),
    }),
  )

  app.get(
    '/inventory',
    {
      config: { roles: staffRoles, refs: { 'query.location_id': 'location' } },
      schema: {
        tags: ['inventory'],
        summary: 'Stock held at a location, by SKU',
        querystring: Type.Object({ location_id: Id('Location id or code'), ...PageQuery }),
        response: { 200: Page(Level), ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const list = await stock.levelsAtLocation(app.db, req.query.location_id, limit, req.query.cursor)
      return toPage(list.map(levelDto), limit, (l) => l.sku)
    },
  )

  app.get(
    '/inventory/:sku/movements',
    {
      config: { roles: staffRoles, refs: { 'query.location_id': 'location' } },
      schema: {
        tags: ['inventory'],
        summary: 'Movement ledger of a SKU (newest first): every unit explained',
        params: Type.Object({ sku: Type.String({ minLength: 1 }) }),
        querystring: Type.Object({
          location_id: Type.Optional(Type.String({ description: 'Location id or code.' })),
          ...PageQuery,
        }),
        response: { 200: Page(Movement), ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const cursor = req.query.cursor === undefined ? undefined : Number(req.query.cursor)
      if (cursor !== undefined && !Number.isInteger(cursor))
        throw invalidInput('querystring/cursor', 'is not valid')
      const list = await stock.movements(
        app.db,
        { sku: req.params.sku, locationId: req.query.location_id },
        limit,
        cursor,
      )
      return toPage(
        list.map((m) => ({ ...m, created_at: new Date(m.created_at).toISOString() })),
        limit,
        (m) => String(m.id),
      )
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
        body: Type.Object(
          {
            location_id: Id('Receiving location, id or code'),
            lines: StockLines,
            reference: Type.Optional(
              Type.String({ maxLength: 200, description: 'Delivery note or ASN number.' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ reference: Type.String(), levels: Type.Array(Level) }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, async (tx) => {
        const result = await receiveGoods(tx, req.actor, req.body)
        return { reference: result.reference, levels: result.levels.map(levelDto) }
      }),
  )

  app.post(
    '/inventory/adjustments',
    {
      config: { roles: ['admin', 'store_staff'], refs: { 'body.location_id': 'location' } },
      schema: {
        tags: ['inventory'],
        summary: 'Correct stock by a delta, or record a physical count',
        headers: IdempotencyHeaders,
        body: Type.Object(
          {
            location_id: Id('Location id or code'),
            sku: Type.String({ minLength: 1, maxLength: 64 }),
            delta: Type.Optional(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 })),
            counted_quantity: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
            reason: Type.String({
              minLength: 1,
              maxLength: 500,
              description: 'Breakage, theft, inventory count…',
            }),
          },
          { additionalProperties: false },
        ),
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
        body: Type.Object(
          {
            from_location_id: Id('Sending location, id or code'),
            to_location_id: Id('Receiving location, id or code'),
            lines: StockLines,
            arrives_at: Type.Optional(Type.String({ format: 'date-time', description: 'Expected arrival.' })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            reference: Type.String({ description: 'The transfer id.' }),
            status: Type.Optional(Type.Literal('in_transit')),
            expected_at: Type.Optional(Type.String({ format: 'date-time' })),
          }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, (tx) => {
        const { arrives_at, ...rest } = req.body
        return arrives_at
          ? sendTransfer(tx, req.actor, { ...rest, arrives_at })
          : transferStock(tx, req.actor, rest)
      }),
  )

  app.get(
    '/inventory/transfers',
    {
      config: { roles: ['admin', 'store_staff', 'call_centre'], refs: { 'query.location': 'location' } },
      schema: {
        tags: ['inventory'],
        summary: 'Transfers into or out of a location, soonest expected first',
        querystring: Type.Object({
          location: Type.Optional(Id('Location id or code')),
          status: Type.Optional(Type.Union([Type.Literal('in_transit'), Type.Literal('received')])),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        }),
        response: { 200: Type.Object({ data: Type.Array(Transfer) }), ...errorResponses },
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
        params: Type.Object({ id: Id('Transfer id') }),
        response: { 200: Transfer, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => receiveTransfer(tx, req.actor, req.params.id)),
  )

  app.put(
    '/inventory/safety-stock',
    {
      config: { roles: ['admin', 'store_staff'], refs: { 'body.location_id': 'location' } },
      schema: {
        tags: ['inventory'],
        summary: 'Set the safety stock kept back from remote channels for a SKU at a location',
        body: Type.Object(
          {
            location_id: Id('Location id or code'),
            sku: Type.String({ minLength: 1, maxLength: 64 }),
            safety_stock: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Level, ...errorResponses },
      },
    },
    async (req) => levelDto(await app.db.transaction((tx) => updateSafetyStock(tx, req.actor, req.body))),
  )
}
