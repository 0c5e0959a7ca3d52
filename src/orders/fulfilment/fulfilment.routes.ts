import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errorResponses, toPage } from '../../http/schemas.ts'
import { staffRoles } from '../../shared/actor.ts'
import {
  AdvanceBody,
  ListQueueQuery,
  RejectLineBody,
  TaskPage,
  TaskParams,
  TaskWithEvents,
  UnlockPickupBody,
} from './fulfilment.contract.ts'
import { getTask, listQueue, rejectLine } from './fulfilment.service.ts'
import { advance, unlockPickup } from './pickup.service.ts'

export const fulfilmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/fulfilment/tasks',
    {
      config: { roles: staffRoles, refs: { 'query.location': 'location' } },
      schema: {
        tags: ['fulfilment'],
        summary: "A location's preparation queue, soonest promise first",
        description:
          'Store staff see their own store only. Without `status`, the open tasks (allocated, picking, packed, ' +
          'ready_for_pickup). `q` finds an order by its number or its customer (name, phone, e-mail); ' +
          '`updated_since` with `status=collected` lists the orders handed over lately.',
        querystring: ListQueueQuery,
        response: { 200: TaskPage, ...errorResponses },
      },
    },
    async (req) => {
      const { cursor, location, status, q, updated_since } = req.query
      const limit = req.query.limit ?? 50
      const list = await listQueue(
        app.db,
        req.actor,
        { location, status, q, updatedSince: updated_since },
        limit,
        cursor,
      )
      return toPage(list, limit, (t) => `${t.promised_at}|${t.id}`)
    },
  )

  app.get(
    '/fulfilment/tasks/:id',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['fulfilment'],
        summary: 'A task with its lines and every step taken, with who took it',
        params: TaskParams,
        response: { 200: TaskWithEvents, ...errorResponses },
      },
    },
    async (req) => getTask(app.db, req.actor, req.params.id),
  )

  app.post(
    '/fulfilment/tasks/:id/advance',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['fulfilment'],
        summary:
          'Move a task one step: picking (claims it), packed, ready_for_pickup / shipped, collected / delivered',
        description:
          'Shipping or handing over takes the goods out of the stock; at collection, reserve & collect lines are ' +
          'paid with `payments`. The last task of a fulfilled, paid order completes it. A wrong pickup code ' +
          'answers 422 `pickup_code_mismatch` with `attempts_left`; the 5th locks the hand-over (409 ' +
          '`pickup_locked`, even with the right code) until a store manager unlocks it. A parcel shipped may say ' +
          'its `shipment` (carrier, tracking number): the customer’s order tracking shows it.',
        params: TaskParams,
        body: AdvanceBody,
        response: { 200: TaskWithEvents, ...errorResponses },
      },
    },
    async (req) =>
      advance(
        app.db,
        req.actor,
        req.params.id,
        req.body.to,
        req.body.payments ?? [],
        req.body.pickup_code,
        req.body.shipment,
      ),
  )

  app.post(
    '/fulfilment/tasks/:id/unlock-pickup',
    {
      config: { roles: ['admin', 'store_staff'] },
      schema: {
        tags: ['fulfilment'],
        summary: 'A store manager unlocks a hand-over locked by wrong pickup codes, saying why',
        description:
          'Store manager keys of the pickup store and head office only. Who, when and the reason are ' +
          'recorded in the task’s steps; the attempts count starts again. 409 `pickup_not_locked` otherwise.',
        params: TaskParams,
        body: UnlockPickupBody,
        response: { 200: TaskWithEvents, ...errorResponses },
      },
    },
    async (req) => unlockPickup(app.db, req.actor, req.params.id, req.body.reason),
  )

  app.post(
    '/fulfilment/tasks/:id/reject',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['fulfilment'],
        summary: 'Units of a line are not found or damaged: stock corrected, units re-routed or refunded',
        params: TaskParams,
        body: RejectLineBody,
        response: { 200: TaskWithEvents, ...errorResponses },
      },
    },
    async (req) => rejectLine(app.db, req.actor, req.params.id, req.body),
  )
}
