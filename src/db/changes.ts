import { type SQL, sql } from 'drizzle-orm'
import pg from 'pg'

/** The database or an open transaction (the `Executor` of database.ts, which imports this file). */
type Executor = { execute(query: SQL): Promise<unknown> }

/**
 * Reference data that server processes cache (API keys, channels, locations) announces its changes on
 * one PostgreSQL channel, so that every process sharing the database drops its copy at once: a revoked
 * key is refused everywhere within a moment, not after the cache's lifetime.
 *
 * The notice is sent in the writer's transaction (`pg_notify` is delivered at commit, never for a
 * rolled-back change). The embedded database has one process, whose writers clear their own caches.
 */
export const changesChannel = 'passerelle_changes'

/** Announces that `topic` (e.g. `api_keys`) changed, delivered to listeners when the transaction commits. */
export async function announceChange(q: Executor, topic: string): Promise<void> {
  await q.execute(sql`SELECT pg_notify(${changesChannel}, ${topic})`)
}

export interface ChangeListener {
  close(): Promise<void>
}

/**
 * Listens to announced changes on a connection of its own (LISTEN holds its session). A lost
 * connection is reopened after `retryMs`, and `onTopic('*')` is called once it is back: changes may
 * have been missed meanwhile, so every cache is dropped.
 */
export function listenToChanges(
  url: string,
  onTopic: (topic: string) => void,
  retryMs = 1_000,
): ChangeListener {
  let closed = false
  let client: pg.Client | undefined
  let timer: NodeJS.Timeout | undefined
  let lostBefore = false
  const connect = () => {
    if (closed) return
    const c = new pg.Client({ connectionString: url })
    client = c
    const retry = () => {
      if (closed || client !== c) return
      client = undefined
      lostBefore = true
      c.end().catch(() => {})
      timer = setTimeout(connect, retryMs)
      timer.unref()
    }
    c.on('error', retry)
    c.on('end', retry)
    c.on('notification', (n) => {
      if (n.channel === changesChannel && n.payload) onTopic(n.payload)
    })
    c.connect()
      .then(() => c.query(`LISTEN ${changesChannel}`))
      .then(() => {
        if (lostBefore) onTopic('*')
      })
      .catch(retry)
  }
  connect()
  return {
    async close() {
      closed = true
      if (timer) clearTimeout(timer)
      const c = client
      client = undefined
      await c?.end().catch(() => {})
    },
  }
}
