import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders, toPage } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import {
  CreateLocationBody,
  Location,
  LocationPage,
  PageLocationsQuery,
  Ref,
  UpdateLocationBody,
} from './network.contract.ts'
import { createLocation, getLocation, pageLocations, updateLocation } from './network.service.ts'
import { toDto } from './network.view.ts'

const tags = ['network']

export const networkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/locations',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Add a location to the network: entrepôt, magasin (succursale or franchisé), dark store',
        description:
          'Opening hours default to Monday–Saturday 09:00–19:00, closed on Sunday; a bad range answers 400 ' +
          'naming the day (e.g. `opening_hours/sun/0`).',
        headers: IdempotencyHeaders,
        body: CreateLocationBody,
        response: { 201: Location, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, async (tx) => toDto(await createLocation(tx, req.body))),
  )

  app.get(
    '/locations',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'List the network: warehouses, stores and dark stores',
        querystring: PageLocationsQuery,
        response: { 200: LocationPage, ...errorResponses },
      },
    },
    async (req) => {
      const { kind, ownership, cursor } = req.query
      const limit = req.query.limit ?? 50
      const list = await pageLocations(app.db, { kind, ownership }, limit, cursor)
      return toPage(list.map(toDto), limit, (l) => l.id)
    },
  )

  app.get(
    '/locations/:ref',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'A location, by id or code',
        params: Ref,
        response: { 200: Location, ...errorResponses },
      },
    },
    async (req) => toDto(await getLocation(app.db, req.params.ref)),
  )

  app.patch(
    '/locations/:ref',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Change a location: hours (horaires), address, modes, click & collect capacity, franchise',
        description: 'Code and kind do not change. Set insee_code to null to clear it.',
        params: Ref,
        body: UpdateLocationBody,
        response: { 200: Location, ...errorResponses },
      },
    },
    async (req) => toDto(await updateLocation(app.db, req.params.ref, req.body)),
  )
}
