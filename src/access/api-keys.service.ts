import { createHash, randomBytes } from 'node:crypto'
import type { Static } from '@fastify/type-provider-typebox'
import { and, desc, eq, inArray, isNull, lt } from 'drizzle-orm'
import { channelRefs } from '../channels/index.ts'
import { announceChange } from '../db/changes.ts'
import type { Executor } from '../db/database.ts'
import { franchiseeRefs } from '../franchise/index.ts'
import { locationRefs } from '../network/index.ts'
import type { Actor, Role } from '../shared/actor.ts'
import { invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import type { CreateApiKeyBody } from './access.contract.ts'
import { invalidBinding } from './access.domain.ts'
import { notFound } from './access.errors.ts'
import { apiKeys } from './access.schema.ts'
import { toDto } from './access.view.ts'

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

export interface NewApiKey {
  name: string
  role: Role
  /** The store of a store_staff key, by id or code. */
  locationId?: string | null
  /** The channel of a channel or call_centre key, by id or code. */
  channelId?: string | null
  /** The franchisee of a franchisee key, by id or code. */
  franchiseeId?: string | null
  /** A store manager: may override refused rules (returns out of policy) and issue goodwill credit. */
  manager?: boolean
  /** Fixed secret (demo keys are deterministic so the README can show them); random otherwise. */
  secret?: string
}

export async function createApiKey(q: Executor, input: NewApiKey) {
  const problem = invalidBinding(input.role, input.locationId, input.channelId, input.franchiseeId)
  if (problem) throw invalidInput(problem.split(' ')[0]!, problem)
  if (input.manager && input.role !== 'store_staff') {
    throw invalidInput('manager', 'only applies to store_staff keys (head office may override anyway)')
  }
  // A key bound to something that does not exist would be refused everywhere it is meant to work.
  const locationId = input.locationId
    ? await locationRefs.existingId(q, input.locationId, 'location_id')
    : null
  const channelId = input.channelId ? await channelRefs.existingId(q, input.channelId, 'channel_id') : null
  const franchiseeId = input.franchiseeId
    ? await franchiseeRefs.existingId(q, input.franchiseeId, 'franchisee_id')
    : null
  const secret = input.secret ?? `pk_${input.role}_${randomBytes(24).toString('base64url')}`
  const id = newId('key')
  const [row] = await q
    .insert(apiKeys)
    .values({
      id,
      name: input.name,
      role: input.role,
      locationId,
      channelId,
      franchiseeId,
      manager: input.manager ?? false,
      secretHash: hashSecret(secret),
      prefix: secret.slice(0, 12),
    })
    .returning()
  return { key: row!, secret }
}

export async function listApiKeys(q: Executor, limit: number, cursor?: string) {
  return q
    .select()
    .from(apiKeys)
    .where(cursor ? lt(apiKeys.id, cursor) : undefined)
    .orderBy(desc(apiKeys.id))
    .limit(limit + 1)
}

export async function revokeApiKey(q: Executor, id: string) {
  const [row] = await q
    .update(apiKeys)
    .set({ revokedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning()
  for (const [hash, entry] of knownKeys) if (entry.actor.keyId === id) knownKeys.delete(hash)
  if (row) await announceChange(q, apiKeysTopic)
  return row
}

const CACHE_TTL_MS = 30_000
/**
 * Keys found in the database, by secret hash. Only real keys enter it (its size is bounded by the
 * number of keys), so a flood of unknown secrets costs look-ups but never pushes a real key out.
 * Unknown secrets are not cached: failed authentications are rate limited per address instead.
 */
const knownKeys = new Map<string, { actor: Actor; at: number }>()
let lookups = 0

// Entries are per database (`<database>|<secret hash>`): a process holding two databases (a tool, the
// tests) must never accept on one a key that only exists in the other.
const databaseIds = new WeakMap<object, number>()
let databasesSeen = 0
function cacheKey(q: Executor, hash: string): string {
  let id = databaseIds.get(q)
  if (id === undefined) {
    id = ++databasesSeen
    databaseIds.set(q, id)
  }
  return `${id}|${hash}`
}
function forgetSecretHash(hash: string) {
  for (const key of knownKeys.keys()) if (key.endsWith(`|${hash}`)) knownKeys.delete(key)
}

/** How many keys are cached and how many database look-ups authentication made (for tests and metrics). */
export function apiKeyCacheStats() {
  return { cachedKeys: knownKeys.size, lookups }
}

/** Whether this secret belongs to a key that authenticated in this process (even if its entry is stale). */
export function isKnownSecret(secret: string): boolean {
  const hash = `|${hashSecret(secret)}`
  for (const key of knownKeys.keys()) if (key.endsWith(hash)) return true
  return false
}

/**
 * Resolves a secret to its actor. Cached for a few seconds because every request authenticates
 * and the order path must not pay a round trip for it; revocation in this process drops the entry,
 * another process's revocation is seen within CACHE_TTL_MS.
 */
export async function actorForSecret(q: Executor, secret: string): Promise<Actor | null> {
  const secretHash = hashSecret(secret)
  const key = cacheKey(q, secretHash)
  const hit = knownKeys.get(key)
  if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.actor
  lookups++
  const [row] = await q
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.secretHash, secretHash), isNull(apiKeys.revokedAt)))
  if (!row) {
    knownKeys.delete(key)
    return null
  }
  const actor: Actor = {
    keyId: row.id,
    name: row.name,
    role: row.role,
    locationId: row.locationId,
    channelId: row.channelId,
    franchiseeId: row.franchiseeId,
    manager: row.manager,
  }
  knownKeys.set(key, { actor, at: Date.now() })
  return actor
}

/** The keys with these secrets that still work, read from the database (never from the cache). */
export async function activeKeysWithSecrets(q: Executor, secrets: string[]) {
  if (secrets.length === 0) return []
  return q
    .select()
    .from(apiKeys)
    .where(and(inArray(apiKeys.secretHash, secrets.map(hashSecret)), isNull(apiKeys.revokedAt)))
}

/** Revokes the keys with these secrets (the demo's, whose secrets are public); returns those revoked. */
export async function revokeKeysWithSecrets(q: Executor, secrets: string[]) {
  if (secrets.length === 0) return []
  const revoked = await q
    .update(apiKeys)
    .set({ revokedAt: new Date(), updatedAt: new Date() })
    .where(and(inArray(apiKeys.secretHash, secrets.map(hashSecret)), isNull(apiKeys.revokedAt)))
    .returning()
  for (const secret of secrets) forgetSecretHash(hashSecret(secret))
  if (revoked.length > 0) await announceChange(q, apiKeysTopic)
  return revoked
}

/** The change topic of API keys (src/db/changes.ts): every server process drops its cached keys on it. */
export const apiKeysTopic = 'api_keys'

/** Drops every cached key: the next request of each key reads it from the database again. */
export function forgetCachedKeys() {
  knownKeys.clear()
}

/** Whether any key works at all: a new production database has none until the first admin key. */
export async function anyActiveKey(q: Executor): Promise<boolean> {
  const [row] = await q.select({ id: apiKeys.id }).from(apiKeys).where(isNull(apiKeys.revokedAt)).limit(1)
  return row !== undefined
}

/** A key issued through the API, as it shows keys, with its secret: shown in this answer only. */
export async function issueApiKey(q: Executor, body: Static<typeof CreateApiKeyBody>) {
  const { key, secret } = await createApiKey(q, {
    name: body.name,
    role: body.role,
    locationId: body.location_id,
    channelId: body.channel_id,
    franchiseeId: body.franchisee_id,
    ...(body.manager !== undefined ? { manager: body.manager } : {}),
  })
  return { ...toDto(key), secret }
}

/** Revokes a key in force, as the API shows it afterwards (404 for an unknown or already revoked key). */
export async function revokeKey(q: Executor, id: string) {
  const row = await revokeApiKey(q, id)
  if (!row) throw notFound('api_key', id)
  return toDto(row)
}
