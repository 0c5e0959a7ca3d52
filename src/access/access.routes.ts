import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders, toPage } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import {
  ApiKey,
  ApiKeyPage,
  ApiKeyParams,
  CreateApiKeyBody,
  CreateApiKeyResponse,
  ListApiKeysQuery,
  Me,
} from './access.contract.ts'
import { meView, toDto } from './access.view.ts'
import { issueApiKey, listApiKeys, revokeKey } from './api-keys.service.ts'

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
    async (req) => meView(req.actor),
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
    async (req, reply) => idempotentCreate(req, reply, (tx) => issueApiKey(tx, req.body)),
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
    async (req) => revokeKey(app.db, req.params.id),
  )
}
