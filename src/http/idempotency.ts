import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { type Executor, rows, type Tx } from '../db/database.ts'
import { prepared } from '../db/prepared.ts'
import { cte, type Fragment, fragment, param } from '../db/statement.ts'
import { fail } from '../shared/common.errors.ts'

export interface IdempotencyClaim {
  apiKeyId: string
  key: string
  route: string
  requestHash: string
}

/** The Idempotency-Key of a request, with what identifies the request it was first used for. */
export function idempotencyClaim(req: FastifyRequest): IdempotencyClaim | null {
  const key = req.headers['idempotency-key']
  if (typeof key !== 'string' || key === '') return null
  return {
    apiKeyId: req.actor.keyId,
    key,
    route: `${req.method} ${req.routeOptions.url}`,
    requestHash: createHash('sha256')
      .update(JSON.stringify([req.params, req.body]))
      .digest('hex'),
  }
}

/** Whether a first request already used this key (whatever it was). */
export async function claimed(db: Executor, claim: IdempotencyClaim): Promise<boolean> {
  const found = await rows(
    db,
    sql`SELECT 1 FROM idempotency_key WHERE api_key_id = ${claim.apiKeyId} AND key = ${claim.key}`,
  )
  return found.length > 0
}

const claim = {
  apiKeyId: param('idempotency_api_key_id'),
  key: param('idempotency_key'),
  route: param('idempotency_route'),
  requestHash: param('idempotency_request_hash'),
  response: param('idempotency_response_json'),
}

/**
 * A create's own statement claiming its Idempotency-Key with the response it answers (201), when
 * `when` holds and the request has a key; a key already claimed by a first request claims nothing.
 * `claimedOrNone` is true when the request has no key or this statement claimed it: false means a
 * replay. Its values come from `keyClaimValues`.
 */
export function claimKeyCte<W extends string>(when: Fragment<W>) {
  const insert = cte(
    'idempotency_claim',
    fragment`
      INSERT INTO idempotency_key (api_key_id, key, route, request_hash, status_code, response_body)
      SELECT ${claim.apiKeyId}::text, ${claim.key}::text, ${claim.route}::text, ${claim.requestHash}::text,
             201, ${claim.response}::jsonb
      WHERE ${claim.key}::text IS NOT NULL AND ${when}
      ON CONFLICT DO NOTHING
      RETURNING 1 AS claimed`,
  )
  const claimedOrNone = fragment`(${claim.key}::text IS NULL OR EXISTS (SELECT 1 FROM ${insert}))`
  return { cte: insert, claimedOrNone }
}

/** The values of `claimKeyCte`'s parameters: all null without a key. */
export function keyClaimValues(c: (IdempotencyClaim & { response: unknown }) | null) {
  return {
    idempotency_api_key_id: c?.apiKeyId ?? null,
    idempotency_key: c?.key ?? null,
    idempotency_route: c?.route ?? null,
    idempotency_request_hash: c?.requestHash ?? null,
    idempotency_response_json: c ? JSON.stringify(c.response) : null,
  }
}

/** What a create whose own statement claims its Idempotency-Key (`claimKeyCte`) gives back. */
export type Claimed<T> = { replay: true } | { replay: false; body: T }

/**
 * Runs such a create. A retry of a create that went through may now be refused (its own units are
 * gone): when the key is already claimed, the stored first response wins over any refusal.
 */
export async function replayOnRefusal<T>(
  db: Executor,
  claim: IdempotencyClaim | null,
  create: () => Promise<Claimed<T>>,
): Promise<Claimed<T>> {
  try {
    return await create()
  } catch (err) {
    if (claim && (await claimed(db, claim))) return { replay: true }
    throw err
  }
}

/** Answers such a create: 201 with its body, or the stored first response to a retry. */
export async function claimedCreate<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  create: (claim: IdempotencyClaim | null) => Promise<Claimed<T>>,
): Promise<T> {
  const claim = idempotencyClaim(req)
  const outcome = await create(claim)
  if (outcome.replay) return replay(req, reply, claim!)
  reply.status(201)
  return outcome.body
}

/** Answers a retried request with the stored first response, or refuses a key reused for another request. */
export async function replay<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  claim: IdempotencyClaim,
): Promise<T> {
  const [stored] = await rows<{ route: string; request_hash: string; status_code: number; response_body: T }>(
    req.server.db,
    sql`SELECT route, request_hash, status_code, response_body FROM idempotency_key
        WHERE api_key_id = ${claim.apiKeyId} AND key = ${claim.key}`,
  )
  if (!stored || stored.route !== claim.route || stored.request_hash !== claim.requestHash) {
    throw fail(
      'idempotency_key_reused',
      'This Idempotency-Key was already used for a different request; use a new key for a new request.',
    )
  }
  reply.status(stored.status_code).header('idempotent-replayed', 'true')
  return stored.response_body
}

/**
 * Runs a create in one transaction. With an `Idempotency-Key`, the key is inserted first in the
 * same transaction: a concurrent retry blocks on it until the first commits, then replays the
 * stored response; a failed first attempt rolls the key back with everything else, so the retry
 * runs afresh. Nothing is ever created twice.
 */
export async function idempotentCreate<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  work: (tx: Tx) => Promise<T>,
  status = 201,
): Promise<T> {
  const claim = idempotencyClaim(req)
  const db = req.server.db
  if (!claim) {
    const body = await db.transaction(work)
    reply.status(status)
    return body
  }
  const outcome = await db.transaction(async (tx) => {
    const inserted = await prepared<{ ok: number }>(
      tx,
      'idempotency_claim',
      `INSERT INTO idempotency_key (api_key_id, key, route, request_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1 AS ok`,
      [claim.apiKeyId, claim.key, claim.route, claim.requestHash],
    )
    if (inserted.length === 0) return { replay: true as const }
    const body = await work(tx)
    await prepared(
      tx,
      'idempotency_store',
      `UPDATE idempotency_key SET status_code = $3, response_body = $4::jsonb, updated_at = now()
       WHERE api_key_id = $1 AND key = $2`,
      [claim.apiKeyId, claim.key, status, JSON.stringify(body)],
    )
    return { replay: false as const, body }
  })
  if (outcome.replay) return replay(req, reply, claim)
  reply.status(status)
  return outcome.body
}
