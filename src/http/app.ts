import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { Database, Db } from '../db/database.ts'
import { registerAuth } from './auth.ts'
import { errorHandler } from './errors.ts'
import { lazyCompilers } from './lazy-schemas.ts'
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
  /**
   * Folder of the built staff workspace (web/dist), served at `/`; `null` serves none. By default the
   * workspace is served when it has been built (`npm run build:web`), and the API works without it.
   */
  webRoot?: string | null
}

/** web/dist, from src/http (sources) as from dist/http (build). */
export const defaultWebRoot = fileURLToPath(new URL('../../web/dist/', import.meta.url))

/** Paths the single-page app never answers: an unknown one there is a JSON 404. */
const notForTheWorkspace = /^\/(api|docs|openapi\.json|health)(\/|\?|$)/

export async function buildApp({ database, logger = false, webRoot = defaultWebRoot }: AppOptions) {
  const app = Fastify({
    logger,
    schemaController: { compilersFactory: lazyCompilers() } as FastifyServerOptions['schemaController'],
    ajv: { customOptions: { removeAdditional: false, allErrors: false, coerceTypes: 'array' } },
    bodyLimit: 5 * 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.decorate('db', database.db)
  app.decorate('database', database)
  app.setErrorHandler(errorHandler)
  const workspace = webRoot && existsSync(`${webRoot}/index.html`) ? webRoot : null
  app.setNotFoundHandler((req, reply) => {
    // The workspace routes in the browser: any other page it links to is its index.html.
    if (workspace && (req.method === 'GET' || req.method === 'HEAD') && !notForTheWorkspace.test(req.url)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html')
    }
    return reply
      .status(404)
      .send({ error: { code: 'route_not_found', message: `No route ${req.method} ${req.url}.` } })
  })
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

  if (workspace) {
    await app.register(fastifyStatic, {
      root: workspace,
      // Built assets carry a content hash in their name: cached for good; index.html is revalidated.
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        )
      },
    })
  }

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
