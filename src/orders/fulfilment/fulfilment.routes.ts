import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { errorResponses, Id, Page, PageQuery, toPage } from '../../http/schemas.ts'
import { staffRoles } from '../../shared/actor.ts'
import { Payments } from '../orders.contract.ts'
import { Task, TaskWithEvents } from './fulfilment.contract.ts'
import { taskStatuses } from './fulfilment.schema.ts'
import { getTask, listQueue, rejectLine } from './fulfilment.service.ts'
import { advance, unlockPickup } from './pickup.service.ts'

const Status = Type.Enum(taskStatuses)

const TaskParams = Type.Object({ id: Id('Task id') })

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
          'ready_for_pickup).',
        querystring: Type.Object({
          location: Type.Optional(Id('Location id or code')),
          status: Type.Optional(Type.Array(Status, { maxItems: 8 })),
          ...PageQuery,
        }),
        response: { 200: Page(Task), ...errorResponses },
      },
    },
    async (req) => {
      const { cursor, location, status } = req.query
      const limit = req.query.limit ?? 50
      const list = await listQueue(app.db, req.actor, { location, status }, limit, cursor)
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
          '`pickup_locked`, even with the right code) until a store manager unlocks it.',
        params: TaskParams,
        body: Type.Object(
          {
            to: Status,
            payments: Type.Optional(Payments),
            pickup_code: Type.Optional(
              Type.String({
                maxLength: 32,
                description: 'Required to hand over: the code the customer received.',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: TaskWithEvents, ...errorResponses },
      },
    },
    async (req) =>
      advance(app.db, req.actor, req.params.id, req.body.to, req.body.payments ?? [], req.body.pickup_code),
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
        body: Type.Object(
          {
            reason: Type.String({
              minLength: 3,
              maxLength: 500,
              description: 'How the customer was identified (identity card, order confirmation…).',
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: TaskWithEvents, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => unlockPickup(tx, req.actor, req.params.id, req.body.reason)),
  )

  app.post(
    '/fulfilment/tasks/:id/reject',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['fulfilment'],
        summary: 'Units of a line are not found or damaged: stock corrected, units re-routed or refunded',
        params: TaskParams,
        body: Type.Object(
          {
            line_id: Id('Order line id'),
            quantity: Type.Integer({ minimum: 1, maximum: 10_000 }),
            reason: Type.Union([Type.Literal('not_found'), Type.Literal('damaged')]),
          },
          { additionalProperties: false },
        ),
        response: { 200: TaskWithEvents, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => rejectLine(tx, req.actor, req.params.id, req.body)),
  )
}
