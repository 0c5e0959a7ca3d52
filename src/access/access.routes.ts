import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders, toPage } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import { notFound } from '../shared/errors.ts'
import {
  ApiKey,
  ApiKeyPage,
  ApiKeyParams,
  CreateApiKeyBody,
  CreateApiKeyResponse,
  ListApiKeysQuery,
  Me,
} from './access.contract.ts'
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.ts'

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
        body: CreateApiKeyBody,
        response: {
          201: CreateApiKeyResponse,
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
        querystring: ListApiKeysQuery,
        response: { 200: ApiKeyPage, ...errorResponses },
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
        params: ApiKeyParams,
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
