import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Actor } from '../access/access.domain.ts'
import type { Role } from '../access/access.schema.ts'
import { actorForSecret } from '../access/api-keys.service.ts'
import { AppError, forbidden } from '../shared/errors.ts'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor
  }
  interface FastifyContextConfig {
    /** Roles allowed on the route; finer rules (own store, own channel) are checked by the services. */
    roles?: Role[]
  }
}

/** Every /api route needs an API key (`Authorization: Bearer …` or `X-Api-Key`) of an allowed role. */
export function registerAuth(app: FastifyInstance) {
  app.decorateRequest('actor', null as unknown as Actor)
  app.addHook('preHandler', async (req: FastifyRequest) => {
    const roles = req.routeOptions.config.roles
    if (!roles) return
    const secret = secretOf(req)
    if (!secret) {
      throw new AppError(401, 'unauthenticated', 'Send an API key as "Authorization: Bearer <key>".')
    }
    const actor = await actorForSecret(app.db, secret)
    if (!actor) throw new AppError(401, 'unauthenticated', 'This API key is unknown or revoked.')
    if (!roles.includes(actor.role)) {
      throw forbidden(`A ${actor.role} key may not ${req.method} ${req.routeOptions.url}.`)
    }
    req.actor = actor
  })
}

function secretOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization
  if (header?.startsWith('Bearer ')) return header.slice(7).trim()
  const key = req.headers['x-api-key']
  return typeof key === 'string' ? key.trim() : undefined
}
