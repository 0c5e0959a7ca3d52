import type { Actor } from '../shared/actor.ts'
import type { apiKeys } from './access.schema.ts'

type KeyRow = typeof apiKeys.$inferSelect

/** An API key as the API shows it: never its secret (only its first characters). */
export const toDto = (k: KeyRow) => ({
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

/** Who the calling key is and what it is bound to. */
export const meView = (actor: Actor) => ({
  key_id: actor.keyId,
  name: actor.name,
  role: actor.role,
  location_id: actor.locationId,
  channel_id: actor.channelId,
  franchisee_id: actor.franchiseeId ?? null,
  manager: actor.manager === true,
})
