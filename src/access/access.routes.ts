import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, Id, IdempotencyHeaders, Page, PageQuery, toPage } from '../http/schemas.ts'
import { allRoles, roles } from '../shared/actor.ts'
import { notFound } from './access.errors.ts'
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.ts'

const ApiKey = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Type.Enum(roles),
  location_id: Type.Union([Type.String(), Type.Null()]),
  channel_id: Type.Union([Type.String(), Type.Null()]),
  franchisee_id: Type.Union([Type.String(), Type.Null()]),
  manager: Type.Boolean(),
  prefix: Type.String({ description: 'First characters of the secret, to recognise it.' }),
  revoked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
})

type KeyRow = Awaited<ReturnType<typeof listApiKeys>>[number]
const toDto = (k: KeyRow) => ({
  id: k.id,
  name: k.name,
  role: k.role,
  location_id: k.locationId,
  channel_id: k.channelId,
  franchisee_id: k.franchiseeId,
  manager: k.manager,
  prefix: k.prefix,
  revoked_at: k.revokedAt?.toISOString() ?? null,
  created_at: k.createdAt.toISOString(),
})

const Me = Type.Object({
  key_id: Type.String(),
  name: Type.String(),
  role: Type.Enum(roles),
  location_id: Type.Union([Type.String(), Type.Null()], { description: 'The store of a store_staff key.' }),
  channel_id: Type.Union([Type.String(), Type.Null()], {
    description: 'The channel of a channel or call_centre key.',
  }),
  franchisee_id: Type.Union([Type.String(), Type.Null()], {
    description: 'The franchisee of a franchisee key.',
  }),
  manager: Type.Boolean(),
})

export const accessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me',
    {
      config: { roles: [...allRoles, 'franchisee'] },
      schema: {
        tags: ['access'],
        summary: 'Who this API key is: its role and what it is bound to (a sign-in checks a key with it)',
        response: { 200: Me, ...errorResponses },
      },
    },
    async (req) => ({
      key_id: req.actor.keyId,
      name: req.actor.name,
      role: req.actor.role,
      location_id: req.actor.locationId,
      channel_id: req.actor.channelId,
      franchisee_id: req.actor.franchiseeId ?? null,
      manager: req.actor.manager === true,
    }),
  )

  app.post(
    '/api-keys',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['access'],
        summary: 'Create an API key (the secret is shown once)',
        headers: IdempotencyHeaders,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            role: Type.Enum(roles),
            location_id: Type.Optional(
              Id('Store a store_staff key is bound to (id or code; the id is kept).'),
            ),
            channel_id: Type.Optional(
              Id('Channel a channel or call_centre key is bound to (id or code; the id is kept).'),
            ),
            franchisee_id: Type.Optional(
              Id('Franchisee a franchisee key is bound to (id or code; the id is kept).'),
            ),
            manager: Type.Optional(
              Type.Boolean({
                description:
                  'A store manager (store_staff only): may override a refused return and issue goodwill credit.',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Intersect([ApiKey, Type.Object({ secret: Type.String() })]),
          ...errorResponses,
        },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, async (tx) => {
        const { key, secret } = await createApiKey(tx, {
          name: req.body.name,
          role: req.body.role,
          locationId: req.body.location_id,
          channelId: req.body.channel_id,
          franchiseeId: req.body.franchisee_id,
          ...(req.body.manager !== undefined ? { manager: req.body.manager } : {}),
        })
        return { ...toDto(key), secret }
      }),
  )

  app.get(
    '/api-keys',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['access'],
        summary: 'List API keys',
        querystring: Type.Object(PageQuery),
        response: { 200: Page(ApiKey), ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const list = await listApiKeys(app.db, limit, req.query.cursor)
      return toPage(list.map(toDto), limit, (k) => k.id)
    },
  )

  app.delete(
    '/api-keys/:id',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['access'],
        summary: 'Revoke an API key',
        params: Type.Object({ id: Id('API key id') }),
        response: { 200: ApiKey, ...errorResponses },
      },
    },
    async (req) => {
      const row = await revokeApiKey(app.db, req.params.id)
      if (!row) throw notFound('api_key', req.params.id)
      return toDto(row)
    },
  )
}
