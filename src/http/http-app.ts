import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { constants as zlib } from 'node:zlib'
import compress from '@fastify/compress'
import helmet from '@fastify/helmet'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, {
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify'
import type { Database, Db } from '../db/database.ts'
import { connectionFailure } from '../db/unavailable.ts'
import { defaultRateLimits, type KeyResolver, type RateLimits, registerAuth } from './auth.ts'
import { errorHandler } from './error-handler.ts'
import { registerInputGuards } from './input-guard.ts'
import { lazyCompilers } from './lazy-schemas.ts'
import { type RefKind, type RefResolver, registerRefs } from './ref-fields.ts'
import { ErrorBody, errorBodyOf } from './schemas.ts'

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
  /** Per-address limits on requests without a valid key and on failed authentications. */
  rateLimit?: Partial<RateLimits>
  /**
   * Reverse proxies whose X-Forwarded-For is believed (addresses or CIDRs, comma-separated): behind
   * one, rate limits count per client instead of per proxy.
   */
  trustProxy?: string
  /** How long a client may take to send its request or keep an idle connection. */
  timeouts?: Partial<ServerTimeouts>
}

export interface ServerTimeouts {
  /** To send the request line and headers (slowloris): 408 and closed after. */
  headersMs: number
  /** To send the whole request, headers and body. */
  requestMs: number
  /** An idle keep-alive connection between two requests. */
  keepAliveMs: number
  /** A connection with no traffic either way (a client that stops reading); above a full analytics rebuild. */
  idleMs: number
  /** How often the server checks the headers and request timeouts (Node checks every 30 s by default). */
  checkIntervalMs: number
}

/**
 * What the composition (src/app) hands the HTTP plumbing: the capabilities' routes, how an API key
 * becomes an actor, and how codes of stores and channels become ids. The plumbing knows no capability.
 */
export interface Wiring {
  /** Plugins mounted under /api/v1, in this order. */
  // biome-ignore lint/suspicious/noExplicitAny: route plugins are typed by their own type provider
  routes: FastifyPluginAsync<any>[]
  /** Plugins mounted at the root, beside /openapi.json (the AsyncAPI document). */
  // biome-ignore lint/suspicious/noExplicitAny: see routes
  rootRoutes?: FastifyPluginAsync<any>[]
  keys: KeyResolver
  refs: Record<RefKind, RefResolver>
  /** Every error code the API can answer: the enum of `code` in the OpenAPI error body (none: any string). */
  errorCodes?: readonly string[]
}

export const defaultTimeouts: ServerTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 10_000,
  idleMs: 300_000,
  checkIntervalMs: 2_000,
}

/**
 * The Content-Security-Policy of every answer: the workspace and /docs load only their own scripts
 * (no inline script), styles may be inline (Swagger UI and charts set them), nothing may frame them.
 */
const contentSecurityPolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
  },
}

/** web/dist, from src/http (sources) as from dist/http (build). */
export const defaultWebRoot = fileURLToPath(new URL('../../web/dist/', import.meta.url))

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  database: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')], {
    description: 'Whether the database answers right now.',
  }),
  engine: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')], {
    description: 'The embedded database (PGlite) or a PostgreSQL server.',
  }),
})

/** Paths the single-page app never answers: an unknown one there is a JSON 404. */
const notForTheWorkspace = /^\/(api|docs|openapi\.json|health)(\/|\?|$)/

export async function buildHttpApp(
  { database, logger = false, webRoot = defaultWebRoot, rateLimit, trustProxy, timeouts }: AppOptions,
  wiring: Wiring,
) {
  const time = { ...defaultTimeouts, ...timeouts }
  const app = Fastify({
    logger: withoutPersonalData(logger),
    schemaController: { compilersFactory: lazyCompilers() } as FastifyServerOptions['schemaController'],
    ajv: { customOptions: { removeAdditional: false, allErrors: false, coerceTypes: 'array' } },
    bodyLimit: 5 * 1024 * 1024,
    http: { headersTimeout: time.headersMs, connectionsCheckingInterval: time.checkIntervalMs },
    requestTimeout: time.requestMs,
    keepAliveTimeout: time.keepAliveMs,
    connectionTimeout: time.idleMs,
    ...(trustProxy === undefined ? {} : { trustProxy }),
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.decorate('db', database.db)
  app.decorate('database', database)
  registerInputGuards(app as unknown as FastifyInstance)
  await app.register(helmet, { contentSecurityPolicy, frameguard: { action: 'deny' } })
  // Answers of 1 kB and more are compressed for clients that ask (brotli, else gzip), at a brotli
  // quality that costs about what gzip does: the workspace's lists and the API documents shrink 5 to 10
  // times. The workspace's own files are compressed once, at build time (served as they are, below).
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  })
  await registerAuth(app as unknown as FastifyInstance, wiring.keys, { ...defaultRateLimits, ...rateLimit })
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
  app.addSchema(wiring.errorCodes ? errorBodyOf(wiring.errorCodes) : ErrorBody)

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Passerelle API',
        version: '1',
        description:
          'One catalog, one stock, one order flow for every channel of a retail brand. ' +
          'Authenticate with `Authorization: Bearer <api key>`. Errors are `{ "error": { "code", "message" } }`. ' +
          'Every business fact is also published as an event (webhooks, feed, NATS): [AsyncAPI document](/asyncapi.json).',
      },
      components: {
        securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ apiKey: [] }],
    },
  })
  // No validator badge: it would load an image from another site, which the policy refuses.
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { validatorUrl: null } })
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  for (const plugin of wiring.rootRoutes ?? []) await app.register(plugin)

  if (workspace) {
    await app.register(fastifyStatic, {
      root: workspace,
      // The build writes each file's .br and .gz beside it (web/vite.config.ts): sent as they are.
      preCompressed: true,
      // Built assets carry a content hash in their name: cached for good; index.html, the service
      // worker and the manifest are revalidated, so a new build reaches the tills at their next visit.
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        )
      },
    })
  }

  const stopWatching = database.onConnectionLost?.((err) =>
    app.log.warn(
      { reason: connectionFailure(err) ?? err.message },
      'database connection lost; requests that were using it answer 503 and new connections are opened on demand',
    ),
  )
  if (stopWatching) app.addHook('onClose', async () => stopWatching())
  registerRefs(app as unknown as FastifyInstance, wiring.refs)

  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        description:
          '200 when the database answers; 503 while it cannot be reached (the server keeps running and ' +
          'reconnects by itself: a load balancer should route around it meanwhile).',
        security: [],
        response: { 200: Health, 503: Health },
      },
    },
    async (_req, reply) => {
      try {
        await database.db.execute('SELECT 1' as never)
        return { status: 'ok' as const, database: 'ok' as const, engine: database.kind }
      } catch (err) {
        app.log.warn(
          { reason: connectionFailure(err) ?? 'health check query failed' },
          'database unavailable',
        )
        reply.status(503)
        return { status: 'unavailable' as const, database: 'unavailable' as const, engine: database.kind }
      }
    },
  )

  for (const plugin of wiring.routes) await app.register(plugin, { prefix: '/api/v1' })
  await app.ready()
  return app
}

/**
 * Request logs name the route (`/api/v1/customers/:id`), not the URL: query strings and path values
 * hold e-mails, phone numbers, logins and gift card codes. Unmatched paths are logged without query.
 * Client addresses are personal data too: not logged.
 */
function withoutPersonalData(logger: AppOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false
  const options = logger === true ? {} : logger
  return {
    ...options,
    serializers: {
      req: (req: FastifyRequest) => ({
        method: req.method,
        url: req.routeOptions?.url ?? req.url.split('?')[0]!.slice(0, 200),
      }),
      ...options.serializers,
    },
  }
}

export type App = Awaited<ReturnType<typeof buildHttpApp>>
