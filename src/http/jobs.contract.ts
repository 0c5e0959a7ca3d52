import { Type } from '@fastify/type-provider-typebox'

const Time = Type.Union([Type.String({ format: 'date-time' }), Type.Null()])

const JobView = Type.Object({
  id: Type.String({ description: 'The job, e.g. orders.expire-drafts.' }),
  interval_s: Type.Number({
    minimum: 0,
    description: 'Seconds from the end of one pass to the start of the next (0.2 for the event relay).',
  }),
  running: Type.Boolean(),
  runs: Type.Integer({
    description: 'Passes run by this server process since it started, failed ones included.',
  }),
  failures: Type.Integer(),
  skipped: Type.Integer({
    description: 'Passes left to another server process that was running the job (PostgreSQL).',
  }),
  last_duration_ms: Type.Union([Type.Integer(), Type.Null()]),
  last_success_at: Time,
  last_failure_at: Time,
})

export const JobStatusResponse = Type.Object({ data: Type.Array(JobView) })
