import { type TSchema, Type } from 'typebox'
import { defineEvents, type EventGroup } from './define.ts'

// The event types of every capability, declared here until each capability declares its own family
// in its `<cap>.events.ts` (move a `defineEvents(…)` block as is) and a composition list gathers them.
// Payloads carry ids, amounts in cents and quantities: never a name, an e-mail, a phone or an address
// (a customer's erasure must not leave personal data in the outbox, the feed or a subscriber's copy).

const obj = <P extends Record<string, TSchema>>(properties: P, description?: string) =>
  Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) })
const id = (description: string) => Type.String({ minLength: 1, description })
const orNull = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
const cents = (description: string) =>
  Type.Integer({ description: `${description}, in cents (VAT included).` })
const quantity = (description = 'Units.') => Type.Integer({ minimum: 1, description })
const skuQuantities = Type.Array(obj({ sku: id('SKU.'), quantity: quantity() }))
const oneOf = <const T extends string>(values: readonly T[], description?: string) =>
  Type.Enum(values, description ? { description } : {})
const fulfilment = oneOf(['takeaway', 'delivery', 'pickup', 'reserve'], 'How the line reaches the customer.')
const dateTime = (description: string) => Type.String({ format: 'date-time', description })

export const orderEvents = defineEvents('order', {
  'order.placed': {
    version: 1,
    summary: 'An order was placed (or saved as a draft awaiting payment).',
    payload: obj({
      order_id: id('Order.'),
      number: Type.Integer({ description: 'The order number shown to the customer.' }),
      status: oneOf(
        ['draft', 'placed', 'partially_fulfilled', 'fulfilled', 'completed'],
        'Status once placed: a till sale carried away is fulfilled, or completed when paid.',
      ),
      channel_id: id('Channel it was sold through.'),
      store_id: orNull(id('Store where it was sold (till, endless aisle).')),
      customer_id: orNull(id('Customer, when known.')),
      currency: Type.String({ minLength: 3, maxLength: 3 }),
      total_cents: cents('Total'),
      vat_cents: cents('VAT in the total'),
      paid_cents: cents('Paid so far'),
      lines: Type.Array(
        obj({
          line_id: id('Order line.'),
          sku: id('SKU.'),
          quantity: quantity(),
          total_cents: cents('Line total after discounts'),
          fulfilment,
          source_location_id: id('Where the goods leave from.'),
          pickup_location_id: orNull(id('Store where the customer collects.')),
        }),
      ),
    }),
  },
  'order.confirmed': {
    version: 1,
    summary: 'A draft order was paid and confirmed.',
    payload: obj({ order_id: id('Order.'), paid_cents: cents('Paid') }),
  },
  'order.cancelled': {
    version: 1,
    summary: 'An order was cancelled: its stock released and its payments refunded.',
    payload: obj({
      order_id: id('Order.'),
      refunded_cents: cents('Refunded'),
      lines: Type.Array(obj({ line_id: id('Order line.'), quantity: quantity('Units cancelled now.') }), {
        description:
          'Units this cancellation took off each line (empty when the last units went in `order.line_cancelled`).',
      }),
    }),
  },
  'order.line_cancelled': {
    version: 1,
    summary:
      'Units of an order line were cancelled and refunded: nobody could serve them, or a pickup was not collected.',
    payload: obj({
      order_id: id('Order.'),
      line_id: id('Order line.'),
      sku: id('SKU.'),
      quantity: quantity('Units cancelled now.'),
      cancelled_quantity: Type.Integer({ minimum: 1, description: 'Units of the line cancelled so far.' }),
      reason: oneOf(['line_cancelled', 'pickup_expired'], 'Why.'),
      refunded_cents: Type.Integer({ minimum: 0, description: 'Refunded for them, in cents.' }),
    }),
  },
  'order.line_fulfilled': {
    version: 1,
    summary: 'Units of an order line were handed over or shipped.',
    payload: obj({
      order_id: id('Order.'),
      line_id: id('Order line.'),
      sku: id('SKU.'),
      quantity: quantity('Units fulfilled now.'),
      fulfilled_quantity: Type.Integer({ minimum: 1, description: 'Units of the line fulfilled so far.' }),
      location_id: id('Where they left from.'),
      carrier: Type.Optional(
        Type.String({ description: 'The carrier service that took them, when shipped in a parcel.' }),
      ),
      tracking_numbers: Type.Optional(
        Type.Array(Type.String(), { description: 'Tracking numbers of the parcels that carry them.' }),
      ),
    }),
  },
  'order.completed': {
    version: 1,
    summary: 'Every line of an order was fulfilled: the sale is complete.',
    payload: obj({
      order_id: id('Order.'),
      channel_id: id('Channel.'),
      customer_id: orNull(id('Customer, when known.')),
      total_cents: cents('Total'),
    }),
  },
  'order.expired': {
    version: 1,
    summary: 'A draft order was not paid in time: its held stock went back on sale.',
    payload: obj({ order_id: id('Order.'), released_units: Type.Integer({ minimum: 0 }) }),
  },
  'order.customer_attached': {
    version: 1,
    summary: 'A sale made without a customer was attached to one (a card, phone or e-mail given later).',
    payload: obj({ order_id: id('Order.'), customer_id: id('Customer.') }),
  },
})

const paymentMethod = Type.String({
  description: 'card, cash, gift_card, store_credit, voucher, loyalty_points or partner.',
})

export const paymentEvents = defineEvents('order', {
  'payment.captured': {
    version: 1,
    summary: 'Money was taken for an order (one tender).',
    payload: obj({
      order_id: id('Order.'),
      payment_id: id('Payment.'),
      method: paymentMethod,
      amount_cents: cents('Amount'),
    }),
  },
  'payment.refunded': {
    version: 1,
    summary: 'Money was given back for an order (one tender).',
    payload: obj({
      order_id: id('Order.'),
      payment_id: id('Payment.'),
      method: paymentMethod,
      amount_cents: cents('Amount'),
      return_id: orNull(id('The return it pays back, if any.')),
    }),
  },
})

export const returnEvents = defineEvents('return', {
  'return.received': {
    version: 1,
    summary: 'Returned goods arrived (at a till, a store drop-off or the warehouse).',
    payload: obj({
      return_id: id('Return.'),
      order_id: id('Order the goods were bought in.'),
      location_id: id('Where they were received.'),
      lines: Type.Array(
        obj({
          sku: id('SKU.'),
          quantity: quantity(),
          condition: oneOf(['resellable', 'damaged', 'defective']),
        }),
      ),
    }),
  },
  'return.refunded': {
    version: 1,
    summary: 'A return was refunded.',
    payload: obj({
      return_id: id('Return.'),
      order_id: id('Order.'),
      refunded_cents: cents('Refunded'),
      destination: Type.Union([Type.Literal('original'), Type.Literal('store_credit')]),
      lines: Type.Array(obj({ line_id: id('Order line.'), quantity: quantity('Units refunded.') }), {
        description: 'The order lines whose units were refunded.',
      }),
    }),
  },
  'return.exchanged': {
    version: 1,
    summary: 'Returned goods were exchanged for others (another size, another colour).',
    payload: obj({
      return_id: id('Return.'),
      order_id: id('Order the goods were bought in.'),
      exchange_order_id: id('The order of the goods given in exchange.'),
    }),
  },
})

export const stockEvents = defineEvents('location', {
  'stock.received': {
    version: 1,
    summary: 'Goods were received at a location.',
    payload: obj({ location_id: id('Location.'), lines: skuQuantities }),
  },
  'stock.adjusted': {
    version: 1,
    summary: 'Stock on hand was corrected (breakage, loss, found).',
    payload: obj({
      location_id: id('Location.'),
      lines: Type.Array(
        obj({ sku: id('SKU.'), delta: Type.Integer({ description: 'Units added (+) or removed (−).' }) }),
      ),
    }),
  },
  'stock.counted': {
    version: 1,
    summary: 'Stock was counted; on hand is now the count.',
    payload: obj({
      location_id: id('Location.'),
      lines: Type.Array(
        obj({ sku: id('SKU.'), counted: Type.Integer({ minimum: 0 }), delta: Type.Integer() }),
      ),
    }),
  },
  'stock.transferred': {
    version: 1,
    aggregate: 'transfer',
    summary: 'A transfer between locations left its origin (shipped) or reached its destination (received).',
    payload: obj({
      transfer_id: id('Transfer.'),
      stage: Type.Union([Type.Literal('shipped'), Type.Literal('received')]),
      from_location_id: id('Origin.'),
      to_location_id: id('Destination.'),
      lines: skuQuantities,
    }),
  },
  'stock.reservations_released': {
    version: 1,
    summary:
      'Held stock went back on sale at a location, summed per SKU over one pass (drafts expired, orders ' +
      'cancelled, pickups not collected): one event per location and pass, not one per reservation.',
    payload: obj({
      location_id: id('Location.'),
      reason: oneOf(['draft_expired', 'order_cancelled', 'pickup_expired', 'other']),
      orders: Type.Integer({ minimum: 1, description: 'Orders whose holds were released.' }),
      lines: skuQuantities,
    }),
  },
})

export const priceEvents = defineEvents('price_list', {
  'price.changed': {
    version: 1,
    summary: "A SKU's price changed in a price list (so in the channels that use it).",
    payload: obj({
      price_list_id: id('Price list.'),
      channel_ids: Type.Array(id('Channel.'), { description: 'Channels selling at this price list.' }),
      sku: id('SKU.'),
      old_cents: orNull(cents('Price before')),
      new_cents: cents('Price now'),
      valid_from: dateTime('When the new price took effect.'),
    }),
  },
  'price.store_changed': {
    version: 1,
    aggregate: 'location',
    summary:
      "A franchised store's own price of a SKU was set, changed or removed by its franchisee (or lowered " +
      "to a new maximum of the brand): the store's till and the orders collected there sell at it.",
    payload: obj({
      location_id: id('The franchised store.'),
      franchisee_id: id('Its franchisee.'),
      sku: id('SKU.'),
      old_cents: orNull(cents("The store's own price before; null: it sold at the recommendation")),
      new_cents: orNull(cents("The store's own price now; null: it sells at the recommendation again")),
      recommended_cents: orNull(cents("The brand's recommended price at this store")),
      max_cents: orNull(cents("The brand's maximum price, if it set one")),
      reason: oneOf(['franchisee', 'maximum_lowered'], 'Set by the franchisee, or lowered to a new maximum.'),
    }),
  },
})

export const promotionEvents = defineEvents('promotion', {
  'promotion.started': {
    version: 1,
    summary: 'A promotion became active.',
    payload: obj({
      promotion_id: id('Promotion.'),
      channel_ids: Type.Array(id('Channel.'), { description: 'Channels it applies to; empty: all.' }),
      ends_at: orNull(dateTime('When it ends, if planned.')),
    }),
  },
  'promotion.ended': {
    version: 1,
    summary: 'A promotion ended (its end date passed, its limit was reached, or it was stopped).',
    payload: obj({ promotion_id: id('Promotion.') }),
  },
})

export const customerEvents = defineEvents('customer', {
  'customer.created': {
    version: 1,
    summary: 'A customer profile was created. Its details are read through the API, not carried here.',
    payload: obj({ customer_id: id('Customer.'), channel_id: orNull(id('Channel it was created in.')) }),
  },
  'customer.merged': {
    version: 1,
    summary: 'Two profiles of one person were merged: the merged id now resolves to the survivor.',
    payload: obj({
      customer_id: id('The surviving customer.'),
      merged_id: id('The profile merged into it.'),
    }),
  },
  'customer.erased': {
    version: 1,
    summary:
      "A customer's personal data was erased (GDPR). Subscribers must erase what they hold about this id. " +
      'The event carries the id only.',
    payload: obj({ customer_id: id('Customer.') }),
  },
})

export const pickupEvents = defineEvents('order', {
  'pickup.ready': {
    version: 1,
    summary: 'An order is ready to collect at a store.',
    payload: obj({
      order_id: id('Order.'),
      location_id: id('Store.'),
      ready_until: orNull(dateTime('Last day it is kept.')),
    }),
  },
  'pickup.collected': {
    version: 1,
    summary: 'The customer collected an order at a store.',
    payload: obj({ order_id: id('Order.'), location_id: id('Store.') }),
  },
  'pickup.expired': {
    version: 1,
    summary: 'An order was not collected in time; its goods went back on sale.',
    payload: obj({ order_id: id('Order.'), location_id: id('Store.') }),
  },
})

export const ticketEvents = defineEvents('ticket', {
  'ticket.opened': {
    version: 1,
    summary: 'An after-sales (SAV) ticket was opened about an order line.',
    payload: obj({
      ticket_id: id('Ticket.'),
      number: Type.Integer(),
      kind: Type.String({ description: 'repair, replacement, complaint, missing_item or supplier_claim.' }),
      order_id: id('Order.'),
      order_line_id: id('Order line.'),
    }),
  },
  'ticket.status_changed': {
    version: 1,
    summary: 'An after-sales ticket moved to another status.',
    payload: obj({
      ticket_id: id('Ticket.'),
      from_status: Type.String(),
      to_status: Type.String({
        description: 'open, in_progress, waiting_customer, at_repairer, resolved or closed.',
      }),
    }),
  },
})

const parcelStatus = oneOf(
  [
    'packed',
    'shipped',
    'in_transit',
    'out_for_delivery',
    'at_relay',
    'delivered',
    'exception',
    'returned_to_sender',
  ],
  'Where the parcel is.',
)

export const parcelEvents = defineEvents('parcel', {
  'parcel.labelled': {
    version: 1,
    summary: 'A parcel was packed and labelled with its carrier service and tracking number.',
    payload: obj({
      parcel_id: id('Parcel.'),
      tracking_number: id('Tracking number (UPU S10).'),
      direction: oneOf(['outbound', 'return'], 'To the customer, or back from them.'),
      service_code: id('Carrier service.'),
      order_id: id('Order.'),
      return_id: orNull(id('Return, for a return label.')),
      location_id: id('Where it leaves from (outbound) or goes to (return).'),
      weight_g: Type.Integer({ minimum: 1 }),
      cost_cents: Type.Integer({
        minimum: 0,
        description: 'What the carrier charges the brand, VAT excluded.',
      }),
    }),
  },
  'parcel.shipped': {
    version: 1,
    summary: 'A parcel was handed over to its carrier.',
    payload: obj({
      parcel_id: id('Parcel.'),
      tracking_number: id('Tracking number.'),
      service_code: id('Carrier service.'),
      order_id: id('Order.'),
      location_id: id('Where it left from.'),
    }),
  },
  'parcel.tracking_updated': {
    version: 1,
    summary: 'A carrier reported where a parcel is (webhook or tracking file).',
    payload: obj({
      parcel_id: id('Parcel.'),
      tracking_number: id('Tracking number.'),
      order_id: id('Order.'),
      status: parcelStatus,
      parcel_status: parcelStatus,
      occurred_at: dateTime('When the carrier saw it.'),
    }),
  },
})

export const franchiseEvents = defineEvents('franchisee', {
  'franchise.statement_closed': {
    version: 1,
    summary: "A franchisee's monthly commission statement was closed: its totals are final.",
    payload: obj({
      statement_id: id('Statement.'),
      franchisee_id: id('Franchisee.'),
      period: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'The month, YYYY-MM.' }),
      sales_net_cents: cents('Net attributed sales'),
      commission_cents: cents('Commission'),
      total_cents: cents('Total due to the franchisee'),
    }),
  },
})

export const partnerEvents = defineEvents('channel', {
  'partner.stock_changed': {
    version: 1,
    summary:
      "What a partner's stock feed offers changed (stock received, sold, reserved, released, counted, or the " +
      "feed's settings): the new quantity of each SKU that changed, after the partner's buffer, never counting " +
      "what the brand's own channels reserved. Written by the feed's batch consumer of stock events, at most " +
      '500 SKUs per event. `cursor` is where the feed (GET /partners/{ref}/stock-feed) stands after it.',
    payload: obj({
      channel_id: id('The partner channel.'),
      cursor: Type.String({ description: 'The feed cursor after these changes (pass it back to the feed).' }),
      items: Type.Array(
        obj({
          sku: id('SKU.'),
          quantity: Type.Integer({ minimum: 0, description: 'Units the partner may sell now.' }),
          offered: Type.Boolean({
            description: 'False when the SKU left the feed (the partner stops selling it).',
          }),
        }),
        { minItems: 1, maxItems: 500 },
      ),
    }),
  },
})

/** Every event family: what the AsyncAPI document publishes and what webhooks may subscribe to. */
export const catalogue: EventGroup[] = [
  orderEvents,
  paymentEvents,
  returnEvents,
  stockEvents,
  priceEvents,
  promotionEvents,
  customerEvents,
  pickupEvents,
  ticketEvents,
  parcelEvents,
  franchiseEvents,
  partnerEvents,
] as unknown as EventGroup[]

/** Every event type of the catalogue. */
export const eventTypes: string[] = catalogue.flatMap((g) => g.definitions.map((d) => d.type))

/** What `<family>.*` names: the part of a type before its first dot (`order` of `order.placed`). */
export const familyOf = (type: string): string => type.split('.', 1)[0]!

/** Every family of the catalogue, each once, in catalogue order. */
export const eventFamilies: string[] = [...new Set(eventTypes.map(familyOf))]

/** The catalogue as the API lists it: each type with its family, version, aggregate and summary. */
export function catalogueEntries() {
  return catalogue.flatMap((g) =>
    g.definitions.map((d) => ({
      type: d.type,
      family: familyOf(d.type),
      version: d.version,
      aggregate: d.aggregate,
      summary: d.summary,
    })),
  )
}
