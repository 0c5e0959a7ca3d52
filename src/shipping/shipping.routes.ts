import {
  type FastifyPluginAsyncTypebox,
  Type,
  type TypeBoxTypeProvider,
} from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders, toPage } from '../http/schemas.ts'
import { allRoles, staffRoles } from '../shared/actor.ts'
import {
  createServiceIn,
  deliveryOptions,
  listFees,
  listRelayPoints,
  listServices,
  putFeeIn,
  putRelayPointIn,
  replaceServiceIn,
  serviceRow,
  serviceView,
} from './carriers.service.ts'
import { manifestCsv, parcelLabel } from './documents.service.ts'
import { createParcelIn, getParcel, listParcels, shipParcelIn } from './parcels.service.ts'
import * as c from './shipping.contract.ts'
import { importTracking, receiveCarrierWebhook } from './tracking.service.ts'

const tags = ['shipping']
const packers = ['admin', 'store_staff'] as const

/** Carrier services, delivery fees, relay points, parcels with labels and tracking, under /api/v1. */
export const shippingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/carrier-services',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'The carrier services: zones, weight bands and what the carrier charges',
        response: { 200: c.ServiceList, ...errorResponses },
      },
    },
    async () => listServices(app.db),
  )

  app.post(
    '/carrier-services',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Add a carrier service (home delivery, relay point, express) with its rate table',
        description:
          'Refused with 400 `invalid_input` naming the zone and the missing weights when a zone has no band, when ' +
          'bands leave a gap or overlap, or stop short of max_weight_g: a parcel can always be priced. The answer ' +
          'carries the webhook secret the carrier signs its tracking webhooks with, once.',
        headers: IdempotencyHeaders,
        body: c.ServiceIn,
        response: { 201: c.CreatedService, ...errorResponses },
      },
    },
    async (req, reply) => idempotentCreate(req, reply, (tx) => createServiceIn(tx, req.body)),
  )

  app.get(
    '/carrier-services/:code',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'One carrier service',
        params: c.ServiceParams,
        response: { 200: c.Service, ...errorResponses },
      },
    },
    async (req) => serviceView(await serviceRow(app.db, req.params.code)),
  )

  app.put(
    '/carrier-services/:code',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Replace a carrier service’s terms and rate table (checked for gaps, as on creation)',
        description:
          'Also refused when a channel’s delivery fees would no longer cover its zones and weights.',
        params: c.ServiceParams,
        body: c.ServiceIn,
        response: { 200: c.Service, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => replaceServiceIn(tx, req.params.code, req.body)),
  )

  app.get(
    '/channels/:channel/delivery-fees',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: 'What a channel charges its customers for each carrier service',
        params: c.ChannelParams,
        response: { 200: c.FeeList, ...errorResponses },
      },
    },
    async (req) => listFees(app.db, req.params.channel),
  )

  app.put(
    '/channels/:channel/delivery-fees/:service',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Set a channel’s delivery fees for a service: bands, free threshold, promotion codes, VAT',
        description:
          'Fees are VAT included, by zone and weight band; every zone of the service from 0 g to its maximum ' +
          'weight, or 400 `invalid_input` naming the gap. Delivery is free from `free_from_cents` of basket or ' +
          'with one of `free_codes`.',
        params: c.FeeParams,
        body: c.FeeIn,
        response: { 200: c.Fee, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => putFeeIn(tx, req.params.channel, req.params.service, req.body)),
  )

  app.get(
    '/delivery-options',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'Quote the delivery options of a basket to a web shop: services, fees, promised dates',
        description:
          'Each service the channel sells that serves the postcode and carries the weight, cheapest first: the ' +
          'fee (VAT included, waived above the free threshold or with a promotion code), the hand-over day ' +
          '(before the service’s cut-off, Paris time, working days) and the delivery day.',
        querystring: c.OptionsQuery,
        response: { 200: c.OptionsAnswer, ...errorResponses },
      },
    },
    async (req) => deliveryOptions(app.db, req.actor, req.query),
  )

  app.get(
    '/relay-points',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'Relay points of a service near a postcode or a point, nearest first',
        querystring: c.RelayQuery,
        response: { 200: c.RelayList, ...errorResponses },
      },
    },
    async (req) => listRelayPoints(app.db, req.query),
  )

  app.put(
    '/carrier-services/:code/relay-points',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Add or update a relay point of a relay service (by the carrier’s code of the point)',
        params: c.ServiceParams,
        body: c.RelayIn,
        response: { 200: c.RelayPoint, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => putRelayPointIn(tx, req.params.code, req.body)),
  )

  app.post(
    '/parcels',
    {
      config: { roles: [...packers] },
      schema: {
        tags,
        summary: 'Pack goods of a ship task into a parcel and label it (tracking number, cost)',
        description:
          'The service must serve the customer’s postcode (or the relay point chosen) for the weight and size. ' +
          'When the task’s parcels hold all its units, the task becomes packed.',
        headers: IdempotencyHeaders,
        body: c.ParcelIn,
        response: { 201: c.Parcel, ...errorResponses },
      },
    },
    async (req, reply) => idempotentCreate(req, reply, (tx) => createParcelIn(tx, req.actor, req.body)),
  )

  app.get(
    '/parcels',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'Parcels of an order or a task, with their tracking, newest first',
        description: 'A channel key lists the parcels of one of its orders (order_id), for its customer.',
        querystring: c.ParcelsQuery,
        response: { 200: c.ParcelPage, ...errorResponses },
      },
    },
    async (req) => {
      const { cursor, limit = 50, ...filter } = req.query
      return toPage(await listParcels(app.db, req.actor, filter, limit, cursor), limit, (p) => p.id)
    },
  )

  app.get(
    '/parcels/:id',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'A parcel with what its carrier reported (by id or tracking number)',
        params: c.ParcelParams,
        response: { 200: c.Parcel, ...errorResponses },
      },
    },
    async (req) => getParcel(app.db, req.actor, req.params.id),
  )

  app.get(
    '/parcels/:id/label',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'The parcel’s label as PDF (A6): addresses, Code 128 barcode and tracking number',
        description: 'A channel key gets the return labels of its orders, for its customers to print.',
        produces: ['application/pdf'],
        params: c.ParcelParams,
        response: errorResponses,
      },
    },
    async (req, reply) => {
      const pdf = await parcelLabel(app.db, req.actor, req.params.id)
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="label-${req.params.id}.pdf"`)
        .send(Buffer.from(pdf))
    },
  )

  app.post(
    '/parcels/:id/ship',
    {
      config: { roles: [...packers] },
      schema: {
        tags,
        summary: 'Hand the parcel over to its carrier; the task ships when its last parcel does',
        description:
          'The task’s `order.line_fulfilled` events then carry the carrier and tracking numbers, and the ' +
          'customer’s "shipped" message names them.',
        params: c.ParcelParams,
        response: { 200: c.Parcel, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => shipParcelIn(tx, req.actor, req.params.id)),
  )

  app.get(
    '/manifests',
    {
      config: { roles: [...packers] },
      schema: {
        tags,
        summary: 'The daily manifest of a shipping location, as CSV: every parcel handed over that day',
        produces: ['text/csv'],
        querystring: c.ManifestQuery,
        response: errorResponses,
      },
    },
    async (req, reply) => {
      const file = await manifestCsv(app.db, req.actor, req.query)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.csv)
    },
  )

  await app.register(async (plugin) => {
    const files = plugin.withTypeProvider<TypeBoxTypeProvider>()
    files.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: 8 * 1024 * 1024 },
      (_r, body, done) => done(null, body),
    )
    files.post(
      '/carrier-services/:code/tracking-imports',
      {
        config: { roles: ['admin'] },
        bodyLimit: 8 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Import a carrier’s tracking file (CSV): each event recorded once, bad rows listed',
          description:
            'Header `event_id,tracking_number,status,description,place,occurred_at`; statuses shipped, in_transit, ' +
            'out_for_delivery, at_relay, delivered, exception, returned_to_sender. An event imported twice is ' +
            'counted in `duplicates`; a row that cannot be read or names an unknown parcel is in `errors`.',
          params: c.ServiceParams,
          body: c.TrackingImportIn,
          response: { 200: c.TrackingOutcome, ...errorResponses },
        },
      },
      async (req) => importTracking(app.db, req.params.code, req.body),
    )
  })

  // The signature is over the exact bytes received: this route reads its body as text.
  await app.register(async (plugin) => {
    const raw = plugin.withTypeProvider<TypeBoxTypeProvider>()
    raw.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    )
    raw.post(
      '/carrier-services/:code/webhooks',
      {
        schema: {
          tags,
          summary: 'A carrier’s tracking webhook: parcel events, signed with the service’s webhook secret',
          description:
            'Called by the carrier (no API key), signed in `X-Carrier-Signature: t=<unix seconds>,v1=<hex>` where ' +
            'v1 is HMAC-SHA256 of `<t>.<body>` keyed with the service’s webhook secret; refused with 400 ' +
            '`webhook_signature_invalid` when it does not match or is older than 5 minutes. Each event is recorded ' +
            'once (by `event_id`); unknown tracking numbers are answered in `errors`, not retried.',
          params: c.ServiceParams,
          response: {
            200: c.TrackingOutcome,
            400: Type.Ref('Error'),
            404: Type.Ref('Error'),
            429: Type.Ref('Error'),
          },
        },
      },
      async (req) =>
        receiveCarrierWebhook(
          app.db,
          req.params.code,
          String(req.body ?? ''),
          req.headers['x-carrier-signature'] as string | undefined,
        ),
    )
  })
}
