import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { allRoles, staffRoles } from '../access/access.domain.ts'
import { assertOwnCustomer, loginHeader } from '../customers/channel-accounts.service.ts'
import { PickupRouting, RoutingDecision, TaskSummary } from '../fulfilment/fulfilment.schemas.ts'
import { claimed, idempotencyClaim, replay } from '../http/idempotency.ts'
import {
  errorResponses,
  Id,
  IdempotencyHeaders,
  LoginHeaders,
  Page,
  PageQuery,
  toPage,
} from '../http/schemas.ts'
import { paymentMethods, tenderMethods } from './orders.schema.ts'
import {
  cancelOrder,
  completeOrder,
  confirmDraft,
  fulfilOrder,
  getOrder,
  listOrders,
  placeOrder,
  quoteOrder,
} from './orders.service.ts'

const literals = <T extends string>(values: readonly T[]) => Type.Enum(values)
const fulfilmentModes = ['takeaway', 'delivery', 'pickup', 'reserve'] as const
const statuses = [
  'draft',
  'placed',
  'partially_fulfilled',
  'fulfilled',
  'completed',
  'cancelled',
  'expired',
] as const

const PaymentIn = Type.Object(
  {
    method: literals(tenderMethods),
    amount_cents: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    tendered_cents: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100_000_000,
        description: 'Cash handed over; change is given back.',
      }),
    ),
    reference: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          'Card authorisation; for gift_card, store_credit and voucher the code to spend (required).',
      }),
    ),
  },
  { additionalProperties: false },
)
export const Payments = Type.Array(PaymentIn, { maxItems: 20 })

const Address = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    line1: Type.String({ minLength: 1, maxLength: 300 }),
    postcode: Type.String({ minLength: 1, maxLength: 20 }),
    city: Type.String({ minLength: 1, maxLength: 200 }),
    country: Type.String({ pattern: '^[A-Z]{2}$' }),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
)

export const OrderIn = Type.Object(
  {
    channel: Type.String({ minLength: 1, description: 'Channel id or code.' }),
    customer_id: Type.Optional(Id('Customer; omit for an anonymous till sale.')),
    store_id: Type.Optional(Id('Selling store, id or code (defaults to the store of a store_staff key).')),
    draft: Type.Optional(
      Type.Boolean({
        description: 'Hold the stock for a short time (checkout, phone order); confirm with payment.',
      }),
    ),
    hold_minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
    lines: Type.Array(
      Type.Object(
        {
          sku: Type.String({ minLength: 1, maxLength: 64 }),
          quantity: Type.Integer({ minimum: 1, maximum: 10_000 }),
          fulfilment: literals(fulfilmentModes),
          pickup_location_id: Type.Optional(
            Id('Store where the customer collects (pickup, reserve), id or code.'),
          ),
          discount_cents: Type.Optional(
            Type.Integer({ minimum: 0, description: 'Manual line discount (staff only).' }),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
    delivery_address: Type.Optional(Address),
    payments: Type.Optional(Payments),
    promotion_codes: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
        maxItems: 10,
        description: 'Voucher codes the customer gives; promotions without a code apply by themselves.',
      }),
    ),
  },
  { additionalProperties: false },
)

const LinePromotion = Type.Object({
  promotion_id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  cents: Type.Integer({ description: 'What this promotion took off this line.' }),
})

const Order = Type.Object({
  id: Type.String(),
  number: Type.String({ description: 'Human-readable order number, printed on receipts.' }),
  receipt_barcode: Type.String({
    description:
      'EAN-13 printed on the receipt (29 + order number): scanned at any till to find the purchase.',
  }),
  channel: Type.Object({ id: Type.String(), code: Type.String() }),
  customer_id: Type.Union([Type.String(), Type.Null()]),
  store_id: Type.Union([Type.String(), Type.Null()]),
  status: literals(statuses),
  currency: Type.String(),
  total_cents: Type.Integer({ description: 'VAT included.' }),
  vat_cents: Type.Integer(),
  paid_cents: Type.Integer(),
  refunded_cents: Type.Integer(),
  balance_due_cents: Type.Integer(),
  vat_breakdown: Type.Array(
    Type.Object({ rate: Type.Number(), base_incl_cents: Type.Integer(), vat_cents: Type.Integer() }),
  ),
  delivery_address: Type.Union([Address, Type.Null()]),
  draft_expires_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  placed_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lines: Type.Array(
    Type.Object({
      id: Type.String(),
      line_no: Type.Integer(),
      sku: Type.String(),
      product_name: Type.String(),
      quantity: Type.Integer(),
      unit_price_cents: Type.Integer(),
      discount_cents: Type.Integer(),
      total_cents: Type.Integer(),
      vat_rate: Type.Number({ description: 'Percent, e.g. 20 or 5.5.' }),
      vat_cents: Type.Integer(),
      fulfilment: literals(fulfilmentModes),
      source_location_id: Type.String(),
      pickup_location_id: Type.Union([Type.String(), Type.Null()]),
      fulfilled_quantity: Type.Integer(),
      cancelled_quantity: Type.Integer(),
      returned_quantity: Type.Integer({ description: 'Units in a return, awaiting receipt or received.' }),
      promotions: Type.Array(LinePromotion, {
        description:
          'The promotions in discount_cents: a return of some units refunds their share of the line.',
      }),
    }),
  ),
  promotions: Type.Array(
    Type.Object({
      promotion_id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      discount_cents: Type.Integer(),
    }),
    { description: 'Promotions the order uses, applied by priority when it was placed.' },
  ),
  payments: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: literals(['capture', 'refund'] as const),
      method: literals(paymentMethods),
      amount_cents: Type.Integer(),
      tendered_cents: Type.Union([Type.Integer(), Type.Null()]),
      change_due_cents: Type.Union([Type.Integer(), Type.Null()]),
      reference: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  routing: Type.Union([RoutingDecision, Type.Null()]),
  pickup_routing: Type.Union([PickupRouting, Type.Null()]),
  pickup_code: Type.Union([Type.String(), Type.Null()], {
    description: 'Given by the customer at collection (pickup, reserve & collect); hidden from store keys.',
  }),
  tasks: Type.Optional(Type.Array(TaskSummary, { description: 'Preparation work in locations.' })),
  events: Type.Optional(
    Type.Array(
      Type.Object({
        type: Type.String(),
        from_status: Type.Union([Type.String(), Type.Null()]),
        to_status: Type.Union([Type.String(), Type.Null()]),
        actor: Type.Union([Type.String(), Type.Null()]),
        at: Type.String({ format: 'date-time' }),
      }),
    ),
  ),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
})

const OrderParams = Type.Object({ id: Id('Order id') })

const Quote = Type.Object({
  channel: Order.properties.channel,
  customer_id: Order.properties.customer_id,
  store_id: Order.properties.store_id,
  currency: Type.String(),
  total_cents: Type.Integer(),
  vat_cents: Type.Integer(),
  due_now_cents: Type.Integer({
    description: 'What payments must cover now (reserve & collect is paid later).',
  }),
  vat_breakdown: Order.properties.vat_breakdown,
  lines: Type.Array(
    Type.Omit(Order.properties.lines.items, [
      'id',
      'fulfilled_quantity',
      'cancelled_quantity',
      'returned_quantity',
    ]),
  ),
  promotions: Order.properties.promotions,
})

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
        headers: Type.Object({ ...IdempotencyHeaders.properties, ...LoginHeaders.properties }),
        body: OrderIn,
        response: { 201: Order, ...errorResponses },
      },
    },
    async (req, reply) => {
      const claim = idempotencyClaim(req)
      let outcome: Awaited<ReturnType<typeof placeOrder>>
      await assertOwnCustomer(app.db, req.actor, req.body.customer_id, req.headers[loginHeader])
      try {
        outcome = await placeOrder(app.db, req.actor, req.body, claim)
      } catch (err) {
        // A retry of an order that went through may now be refused (its own units are gone):
        // the stored first response wins over any refusal.
        if (claim && (await claimed(app.db, claim))) return replay(req, reply, claim)
        throw err
      }
      if (outcome.replay) return replay(req, reply, claim!)
      reply.status(201)
      return outcome.order
    },
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
    async (req) => {
      await assertOwnCustomer(app.db, req.actor, req.body.customer_id, req.headers[loginHeader])
      return quoteOrder(app.db, req.actor, req.body)
    },
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
        querystring: Type.Object({
          channel_id: Type.Optional(Type.String({ description: 'Channel id or code.' })),
          status: Type.Optional(literals(statuses)),
          customer_id: Type.Optional(Type.String()),
          location_id: Type.Optional(
            Type.String({ description: 'Sold at, served from or collected at (id or code).' }),
          ),
          number: Type.Optional(Type.Integer({ minimum: 1 })),
          created_from: Type.Optional(Type.String({ format: 'date-time' })),
          created_to: Type.Optional(Type.String({ format: 'date-time' })),
          ...PageQuery,
        }),
        response: { 200: Page(Order), ...errorResponses },
      },
    },
    async (req) => {
      const q = req.query
      const limit = q.limit ?? 50
      await assertOwnCustomer(app.db, req.actor, q.customer_id, req.headers[loginHeader])
      const { views } = await listOrders(
        app.db,
        req.actor,
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
        body: Type.Object({ payments: Payments }, { additionalProperties: false }),
        response: { 200: Order, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => confirmDraft(tx, req.actor, req.params.id, req.body.payments)),
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
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: Order, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => cancelOrder(tx, req.actor, req.params.id, req.body.reason)),
  )

  app.post(
    '/orders/:id/fulfil',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['orders'],
        summary: 'Hand over or ship lines: stock leaves the location (reserve & collect is paid here)',
        params: OrderParams,
        body: Type.Object(
          {
            lines: Type.Array(
              Type.Object(
                { line_id: Id('Order line'), quantity: Type.Integer({ minimum: 1, maximum: 10_000 }) },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 200 },
            ),
            payments: Type.Optional(Payments),
          },
          { additionalProperties: false },
        ),
        response: { 200: Order, ...errorResponses },
      },
    },
    async (req) =>
      app.db.transaction((tx) =>
        fulfilOrder(tx, req.actor, req.params.id, req.body.lines, req.body.payments ?? []),
      ),
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
    async (req) => app.db.transaction((tx) => completeOrder(tx, req.actor, req.params.id)),
  )
}
