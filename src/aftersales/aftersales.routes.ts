import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, Id, IdempotencyHeaders, Nullable, Page, PageQuery, toPage } from '../http/schemas.ts'
import { allRoles, staffRoles } from '../shared/actor.ts'
import { openableTicketKinds, ticketKinds, ticketStatuses } from './aftersales.schema.ts'
import {
  addMessage,
  getTicket,
  listTickets,
  moveProduct,
  openTicket,
  setStatus,
} from './aftersales.service.ts'

// At least one character that is not a space.
const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, pattern: '\\S', ...(description ? { description } : {}) })

const Kind = Type.Enum(ticketKinds, {
  description:
    'repair, replacement, complaint, missing_item: the customer’s; supplier_claim: the store’s claim on a ' +
    'defective item refunded and quarantined (no customer, not shown to channel keys).',
})
const OpenableKind = Type.Enum(openableTicketKinds)
const Status = Type.Enum(ticketStatuses)

const ticketFields = {
  id: Type.String(),
  number: Type.String({ description: 'Human-readable ticket number, quoted by the customer and staff.' }),
  order_id: Type.String(),
  order_number: Type.String(),
  order_line_id: Type.String(),
  sku: Type.String(),
  product_name: Type.String(),
  customer_id: Nullable(
    Type.String({
      description: 'The customer of the order (a merged profile’s survivor); null on a supplier claim.',
    }),
  ),
  return_id: Nullable(Type.String({ description: 'The return that brought the product back defective.' })),
  kind: Kind,
  status: Status,
  subject: Type.String(),
  location_id: Nullable(
    Type.String({ description: 'Where the product is; null while the customer has it.' }),
  ),
  opened_channel_id: Nullable(Type.String({ description: 'Channel of the key that opened it.' })),
  opened_location_id: Nullable(Type.String({ description: 'Store whose till opened it.' })),
  opened_by: Nullable(Type.String({ description: 'The API key that opened it.' })),
  resolution: Nullable(Type.String({ description: 'How it ended, once resolved or closed.' })),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
}

const Message = Type.Object({
  id: Type.Integer(),
  body: Type.String(),
  internal: Type.Boolean({ description: 'Staff only; never shown to a channel key.' }),
  from_status: Nullable(Type.String()),
  to_status: Nullable(Type.String({ description: 'Set on a status change (and `open` on the first row).' })),
  author: Nullable(Type.String({ description: 'The API key that wrote it.' })),
  created_at: Type.String({ format: 'date-time' }),
})

const Ticket = Type.Object(ticketFields)
const TicketWithMessages = Type.Object({ ...ticketFields, messages: Type.Array(Message) })
const TicketParams = Type.Object({ id: Id('Ticket id') })

/** After-sales (SAV) tickets: opened in any channel, followed from every one. */
export const aftersalesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/tickets',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['aftersales'],
        summary:
          'Open an after-sales ticket about an order line (repair, replacement, complaint, missing item)',
        description:
          'From any channel: a till records its store, the call centre and a channel key their channel; a ' +
          'channel key only for its own orders. The customer is the order’s. The first message, or the ' +
          'subject, starts the history.',
        headers: IdempotencyHeaders,
        body: Type.Object(
          {
            order_id: Id('Order id'),
            order_line_id: Id('The line of that order the ticket is about'),
            kind: OpenableKind,
            subject: Text(200),
            message: Type.Optional(Text(4000, 'The customer’s account of the problem.')),
            location_id: Type.Optional(Id('Where the product is, if the brand holds it (id or code)')),
          },
          { additionalProperties: false },
        ),
        response: { 201: TicketWithMessages, ...errorResponses },
      },
    },
    async (req, reply) => idempotentCreate(req, reply, (tx) => openTicket(tx, req.actor, req.body)),
  )

  app.get(
    '/tickets',
    {
      config: { roles: allRoles, refs: { 'query.location_id': 'location' } },
      schema: {
        tags: ['aftersales'],
        summary: 'List tickets, newest first (every staff channel sees all; a channel key its own orders’)',
        querystring: Type.Object({
          customer_id: Type.Optional(Id('Customer id; a merged profile’s id finds the survivor’s tickets')),
          order_id: Type.Optional(Id('Order id')),
          status: Type.Optional(Status),
          location_id: Type.Optional(Id('Where the product is (id or code)')),
          ...PageQuery,
        }),
        response: { 200: Page(Ticket), ...errorResponses },
      },
    },
    async (req) => {
      const { cursor, limit = 50, ...filter } = req.query
      return toPage(await listTickets(app.db, req.actor, filter, limit, cursor), limit, (t) => t.id)
    },
  )

  app.get(
    '/tickets/:id',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['aftersales'],
        summary: 'A ticket with its history: messages, notes and status changes, oldest first',
        description: 'A channel key does not get the internal notes.',
        params: TicketParams,
        response: { 200: TicketWithMessages, ...errorResponses },
      },
    },
    async (req) => getTicket(app.db, req.actor, req.params.id),
  )

  app.post(
    '/tickets/:id/messages',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['aftersales'],
        summary: 'Add a message to the customer, or an internal note (staff)',
        params: TicketParams,
        headers: IdempotencyHeaders,
        body: Type.Object(
          {
            body: Text(4000),
            internal: Type.Optional(
              Type.Boolean({ default: false, description: 'A note for staff only; not for channel keys.' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ ...Message.properties, ticket_id: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, (tx) => addMessage(tx, req.actor, req.params.id, req.body)),
  )

  app.post(
    '/tickets/:id/status',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['aftersales'],
        summary: 'Move the ticket along its workflow (staff); the change is kept with who made it',
        description:
          'open → in_progress, resolved or closed; in_progress → waiting_customer, at_repairer, resolved or ' +
          'closed; waiting_customer → in_progress, resolved or closed; at_repairer → in_progress or resolved; ' +
          'resolved → in_progress (reopened) or closed; closed is final. Resolving needs `resolution`, and ' +
          'so does closing a ticket that was never resolved. Any other step is 409 `invalid_transition`.',
        params: TicketParams,
        body: Type.Object(
          {
            status: Status,
            resolution: Type.Optional(Text(2000, 'How it was solved, or why it closes unresolved.')),
            note: Type.Optional(Text(4000, 'What to say in the history.')),
            internal: Type.Optional(
              Type.Boolean({ default: false, description: 'Hide the history row from channels.' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: TicketWithMessages, ...errorResponses },
      },
    },
    async (req) =>
      app.db.transaction((tx) =>
        setStatus(tx, req.actor, req.params.id, {
          to: req.body.status,
          resolution: req.body.resolution,
          note: req.body.note,
          internal: req.body.internal,
        }),
      ),
  )

  app.post(
    '/tickets/:id/location',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['aftersales'],
        summary:
          'Record where the product is now (a store, the warehouse), or null once back with the customer',
        params: TicketParams,
        body: Type.Object(
          {
            location_id: Nullable(Id('Location id or code')),
            note: Type.Optional(Text(1000)),
          },
          { additionalProperties: false },
        ),
        response: { 200: TicketWithMessages, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => moveProduct(tx, req.actor, req.params.id, req.body)),
  )
}
