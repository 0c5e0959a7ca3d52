import { createHash } from 'node:crypto'
import pg from 'pg'
import { oneQueryAtATime } from './one-query-at-a-time.ts'

/** The 64-bit advisory lock key of a name: the same in every process, whatever the server. */
export function advisoryKey(name: string): bigint {
  return createHash('sha256').update(name).digest().readBigInt64BE(0)
}

export interface AdvisoryLocks {
  /**
   * Takes the session advisory lock of `name`, or answers undefined at once when another session holds
   * it. The returned function releases it.
   */
  tryLock(name: string): Promise<(() => Promise<void>) | undefined>
  close(): Promise<void>
}

/**
 * Session advisory locks on one connection of their own, outside the pool: a session lock is released
 * only by the session that took it, and a job holding a pooled connection for its lock while waiting
 * for another for its work could wait forever on a small pool. The connection opens on first use; when
 * it is lost, its locks go with it (PostgreSQL releases them) and the next call opens a new one.
 */
export function advisoryLocks(url: string): AdvisoryLocks {
  let session: Promise<pg.Client> | undefined
  const open = () => {
    const client = new pg.Client({ connectionString: url })
    // The jobs of a runner ask for their locks together, on this one session.
    oneQueryAtATime(client)
    const opened = client.connect().then(
      () => client,
      (err) => {
        if (session === opened) session = undefined
        throw err
      },
    )
    // A lost connection is reported here; unheard, it would end the process.
    client.on('error', () => {
      if (session === opened) session = undefined
    })
    session = opened
    return opened
  }
  const drop = (client: pg.Client, opened: Promise<pg.Client>) => {
    if (session === opened) session = undefined
    client.end().catch(() => {})
  }
  return {
    async tryLock(name) {
      const opened = session ?? open()
      const client = await opened
      const key = advisoryKey(name).toString()
      let held: boolean
      try {
        const { rows } = await client.query<{ ok: boolean }>(
          'SELECT pg_try_advisory_lock($1::bigint) AS ok',
          [key],
        )
        held = rows[0]?.ok === true
      } catch (err) {
        drop(client, opened)
        throw err
      }
      if (!held) return undefined
      return async () => {
        // Unlocking fails only with the connection, which took the lock with it.
        await client.query('SELECT pg_advisory_unlock($1::bigint)', [key]).catch(() => drop(client, opened))
      }
    },
    async close() {
      const opened = session
      session = undefined
      const client = await opened?.catch(() => undefined)
      await client?.end()
    },
  }
}
