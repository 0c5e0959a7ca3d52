import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { jobStatus } from '../jobs/runner.ts'
import { JobStatusResponse } from './jobs.contract.ts'
import { jobView } from './jobs.view.ts'
import { errorResponses } from './schemas.ts'

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
        response: { 200: JobStatusResponse, ...errorResponses },
      },
    },
    async (req) => ({ data: (jobStatus(req.server.db) ?? []).map(jobView) }),
  )
}
