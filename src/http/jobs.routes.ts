import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { jobStatus } from '../jobs/runner.ts'
import { errorResponses } from './schemas.ts'

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

/** The background jobs of this server process and how their passes went (admin). */
export const jobsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/jobs',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['system'],
        summary:
          'Background jobs of this server process: interval, passes, failures, last duration and success',
        description:
          'Empty when this process runs no background jobs. With several server processes on one PostgreSQL ' +
          'database, each job runs in one of them at a time; the others count the pass as skipped.',
        response: { 200: Type.Object({ data: Type.Array(JobView) }), ...errorResponses },
      },
    },
    async (req) => ({
      data: (jobStatus(req.server.db) ?? []).map((j) => ({
        id: j.id,
        interval_s: j.intervalS,
        running: j.running,
        runs: j.runs,
        failures: j.failures,
        skipped: j.skipped,
        last_duration_ms: j.lastDurationMs,
        last_success_at: j.lastSuccessAt?.toISOString() ?? null,
        last_failure_at: j.lastFailureAt?.toISOString() ?? null,
      })),
    }),
  )
}
