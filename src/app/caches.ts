import { apiKeysTopic, forgetCachedKeys } from '../access/index.ts'
import { channelsTopic, forgetCachedChannels } from '../channels/index.ts'
import type { Database } from '../db/database.ts'
import { forgetCachedLocations, locationsTopic } from '../network/index.ts'

/**
 * What each server process drops when another one announces a change (src/db/changes.ts). A key
 * revoked through one process is refused by every other within the notification's delay (a few
 * milliseconds), not after its cache's lifetime; `*` (the listener reconnected, changes may have been
 * missed) drops them all.
 */
export function watchCachedReferences(database: Database) {
  const forget: Record<string, () => void> = {
    [apiKeysTopic]: forgetCachedKeys,
    [channelsTopic]: forgetCachedChannels,
    [locationsTopic]: () => forgetCachedLocations(database.db),
  }
  return database.watchChanges?.((topic) => {
    if (topic === '*') for (const drop of Object.values(forget)) drop()
    else forget[topic]?.()
  })
}
