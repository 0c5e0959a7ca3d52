import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyLoginHeaders, LoginHeaders, toPage } from '../http/schemas.ts'
import { allRoles, staffRoles } from '../shared/actor.ts'
import {
  AddMessageBody,
  AddMessageResponse,
  AddPhotoBody,
  ListTicketsQuery,
  MoveProductBody,
  OpenTicketBody,
  Photo,
  PhotoParams,
  SetStatusBody,
  TicketPage,
  TicketParams,
  TicketWithMessages,
} from './aftersales.contract.ts'
import {
  addMessage,
  getTicket,
  listTickets,
  moveProduct,
  openTicket,
  setStatus,
} from './aftersales.service.ts'
import { photoTypes } from './photos.domain.ts'
import { addPhoto, photoContent } from './photos.service.ts'

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
          'channel key only for its own orders, or, acting for its logged-in customer (X-Customer-Login), on ' +
          'any purchase of that customer from any channel. The customer is the order’s. The first message, ' +
          'or the subject, starts the history. `warranty` says until when the legal guarantee of conformity ' +
          'runs (two years from delivery).',
        headers: IdempotencyLoginHeaders,
        body: OpenTicketBody,
        response: { 201: TicketWithMessages, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, (tx) =>
        openTicket(tx, req.actor, req.body, req.headers['x-customer-login']),
      ),
  )

  app.get(
    '/tickets',
    {
      config: { roles: allRoles, refs: { 'query.location_id': 'location' } },
      schema: {
        tags: ['aftersales'],
        summary: 'List tickets, newest first (every staff channel sees all; a channel key its own orders’)',
        description:
          'A channel key acting for its logged-in customer (X-Customer-Login) lists that customer’s tickets ' +
          'from every channel.',
        headers: LoginHeaders,
        querystring: ListTicketsQuery,
        response: { 200: TicketPage, ...errorResponses },
      },
    },
    async (req) => {
      const { cursor, limit = 50, ...filter } = req.query
      const login = req.headers['x-customer-login']
      return toPage(await listTickets(app.db, req.actor, filter, limit, cursor, login), limit, (t) => t.id)
    },
  )

  app.get(
    '/tickets/:id',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['aftersales'],
        summary: 'A ticket with its history: messages, notes and status changes, oldest first',
        description:
          'A channel key does not get the internal notes; acting for its logged-in customer ' +
          '(X-Customer-Login) it reads any ticket of that customer.',
        headers: LoginHeaders,
        params: TicketParams,
        response: { 200: TicketWithMessages, ...errorResponses },
      },
    },
    async (req) => getTicket(app.db, req.actor, req.params.id, req.headers['x-customer-login']),
  )

  app.post(
    '/tickets/:id/messages',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['aftersales'],
        summary: 'Add a message to the customer, or an internal note (staff)',
        params: TicketParams,
        headers: IdempotencyLoginHeaders,
        body: AddMessageBody,
        response: {
          201: AddMessageResponse,
          ...errorResponses,
        },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, (tx) =>
        addMessage(tx, req.actor, req.params.id, req.body, req.headers['x-customer-login']),
      ),
  )

  app.post(
    '/tickets/:id/photos',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['aftersales'],
        summary: 'Attach a photo to a ticket (the defect, the packaging, the serial plate)',
        description:
          `JPEG, PNG, WebP or HEIC, base64-encoded, at most 3.5 MB; the type is read from the file’s bytes and ` +
          'must be the one declared (400 `invalid_input` naming the field otherwise). A ticket keeps at most ' +
          '10 photos (422 `photo_limit_reached`); a closed one takes none (422 `ticket_closed`). A channel key ' +
          'acting for its logged-in customer (X-Customer-Login) attaches to that customer’s tickets.',
        params: TicketParams,
        headers: IdempotencyLoginHeaders,
        body: AddPhotoBody,
        response: { 201: Photo, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, (tx) =>
        addPhoto(tx, req.actor, req.params.id, req.body, req.headers['x-customer-login']),
      ),
  )

  app.get(
    '/tickets/:id/photos/:photo_id',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['aftersales'],
        summary: 'A photo of a ticket, as the file (for whoever may read the ticket)',
        headers: LoginHeaders,
        params: PhotoParams,
        response: {
          200: {
            content: Object.fromEntries(
              photoTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
            ),
          },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const photo = await photoContent(
        app.db,
        req.actor,
        req.params.id,
        req.params.photo_id,
        req.headers['x-customer-login'],
      )
      return reply
        .type(photo.contentType)
        .header('content-disposition', `inline; filename="${encodeURIComponent(photo.fileName)}"`)
        .header('cache-control', 'private, no-store')
        .send(photo.bytes)
    },
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
        body: SetStatusBody,
        response: { 200: TicketWithMessages, ...errorResponses },
      },
    },
    async (req) =>
      setStatus(app.db, req.actor, req.params.id, {
        to: req.body.status,
        resolution: req.body.resolution,
        note: req.body.note,
        internal: req.body.internal,
      }),
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
        body: MoveProductBody,
        response: { 200: TicketWithMessages, ...errorResponses },
      },
    },
    async (req) => moveProduct(app.db, req.actor, req.params.id, req.body),
  )
}
