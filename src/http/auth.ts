import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Db } from '../db/database.ts'
import type { Actor, Role } from '../shared/actor.ts'
import { fail } from '../shared/common.errors.ts'
import { type AppError, forbidden } from '../shared/errors.ts'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor
  }
  interface FastifyContextConfig {
    /** Roles allowed on the route; finer rules (own store, own channel) are checked by the services. */
    roles?: Role[]
  }
}

export interface RateLimits {
  /**
   * Requests per minute and client address that carry no valid API key: pages of the workspace, /docs,
   * /health, unknown routes and failed authentications (0: no limit). Requests with a valid key are
   * never counted, so tills, web shops and benchmarks behind one address are not throttled.
   */
  anonymousPerMinute: number
  /** Failed authentications (no key, unknown or revoked key) per minute and client address (0: no limit). */
  failedAuthPerMinute: number
}

/** How a request's API key becomes who is calling: the access capability's answer, given at composition. */
export interface KeyResolver {
  /** The actor of an active key, or null for an unknown or revoked one. */
  actorForSecret(db: Db, secret: string): Promise<Actor | null>
  /** Whether this process has seen the key authenticate (no database look-up). */
  isKnownSecret(secret: string): boolean
}

export const defaultRateLimits: RateLimits = { anonymousPerMinute: 1000, failedAuthPerMinute: 20 }

const MINUTE_MS = 60_000

/**
 * Every /api route needs an API key (`Authorization: Bearer …` or `X-Api-Key`) of an allowed role.
 * The key is checked when the request arrives, before its body is read or validated: an anonymous
 * caller learns nothing about the schemas and cannot make the server parse a large body.
 *
 * An address that sent `failedAuthPerMinute` failed authentications gets 429 (with Retry-After)
 * for the rest of the minute, without a database look-up, for any key this process has not seen
 * authenticate: guessing stops, while a till whose key already works keeps working beside a
 * misconfigured neighbour sharing its address.
 */
export async function registerAuth(
  app: FastifyInstance,
  keys: KeyResolver,
  limits: RateLimits = defaultRateLimits,
) {
  await app.register(rateLimit, { global: false })
  const failures =
    limits.failedAuthPerMinute > 0
      ? app.createRateLimit({ max: limits.failedAuthPerMinute, timeWindow: MINUTE_MS })
      : null
  const anonymous =
    limits.anonymousPerMinute > 0
      ? app.createRateLimit({ max: limits.anonymousPerMinute, timeWindow: MINUTE_MS })
      : null

  /** Counts a request without a valid key; throws 429 once the address is over its limit. */
  const countAnonymous = async (req: FastifyRequest) => {
    if (!anonymous) return
    const state = await anonymous(req)
    if (!state.isAllowed && state.isExceeded) {
      throw tooManyRequests('Too many requests without an API key from this address', state.ttlInSeconds)
    }
  }
  const failed = async (req: FastifyRequest, error: AppError): Promise<never> => {
    if (failures) await failures(req)
    await countAnonymous(req)
    throw error
  }

  app.decorateRequest('actor', null as unknown as Actor)
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const roles = req.routeOptions.config.roles
    if (!roles) return countAnonymous(req)
    const secret = secretOf(req)
    if (failures) {
      const state = await failures(req, { increment: false })
      if (!state.isAllowed && state.remaining === 0 && !(secret && keys.isKnownSecret(secret))) {
        throw tooManyRequests('Too many failed authentications from this address', state.ttlInSeconds)
      }
    }
    if (!secret) {
      return failed(req, fail('unauthenticated', 'Send an API key as "Authorization: Bearer <key>".'))
    }
    const actor = await keys.actorForSecret(app.db, secret)
    if (!actor) {
      return failed(req, fail('unauthenticated', 'This API key is unknown or revoked.'))
    }
    if (!roles.includes(actor.role)) {
      throw forbidden(`A ${actor.role} key may not ${req.method} ${req.routeOptions.url}.`)
    }
    req.actor = actor
  })
}

function tooManyRequests(what: string, retryAfterS: number): AppError {
  const seconds = Math.max(1, retryAfterS)
  return fail('too_many_requests', `${what}; retry in ${seconds} s.`, {
    retry_after_s: seconds,
  })
}

function secretOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined
  const key = req.headers['x-api-key']
  return typeof key === 'string' && key.trim() !== '' ? key.trim() : undefined
}
