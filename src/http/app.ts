import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { Database, Db } from '../db/database.ts'
import { registerAuth } from './auth.ts'
import { errorHandler } from './errors.ts'
import { capabilityRoutes } from './routes.ts'
import { ErrorBody } from './schemas.ts'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
    database: Database
  }
}

export interface AppOptions {
  database: Database
  logger?: FastifyServerOptions['logger']
}

export async function buildApp({ database, logger = false }: AppOptions) {
  const app = Fastify({
    logger,
    ajv: { customOptions: { removeAdditional: false, allErrors: false, coerceTypes: 'array' } },
    bodyLimit: 5 * 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.decorate('db', database.db)
  app.decorate('database', database)
  app.setErrorHandler(errorHandler)
  app.setNotFoundHandler((req, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'route_not_found', message: `No route ${req.method} ${req.url}.` } }),
  )
  app.addSchema(ErrorBody)

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Passerelle API',
        version: '1',
        description:
          'One catalog, one stock, one order flow for every channel of a retail brand. ' +
          'Authenticate with `Authorization: Bearer <api key>`. Errors are `{ "error": { "code", "message" } }`.',
      },
      components: {
        securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ apiKey: [] }],
    },
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  registerAuth(app as unknown as FastifyInstance)

  app.get(
    '/health',
    { schema: { tags: ['system'], summary: 'Liveness and database reachability', security: [] } },
    async () => {
      await database.db.execute('SELECT 1' as never)
      return { status: 'ok', database: database.kind }
    },
  )

  for (const plugin of capabilityRoutes) await app.register(plugin, { prefix: '/api/v1' })
  await app.ready()
  return app
}

export type App = Awaited<ReturnType<typeof buildApp>>
