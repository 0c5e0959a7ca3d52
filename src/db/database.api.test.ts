import { sql } from 'drizzle-orm'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openTestDatabase, testDbKind } from '../testing/harness.ts'
import { advisoryLocks } from './advisory-lock.ts'
import { type Database, openDatabase, rows } from './database.ts'

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  ])

/**
 * For each statement sent from now on, whether its connection was already running or queueing another:
 * node-postgres queues it then, deprecated (pg 9 refuses it). `restore` stops the recording.
 */
function recordBusyConnections() {
  const busy: boolean[] = []
  const original = pg.Client.prototype.query
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const internals = this as unknown as { _activeQuery: unknown; _queryQueue: unknown[] }
    busy.push(internals._activeQuery != null || internals._queryQueue.length > 0)
    return (original as (...a: unknown[]) => unknown).apply(this, args)
  } as typeof original
  return {
    busy,
    restore: () => {
      pg.Client.prototype.query = original
    },
  }
}

// PostgreSQL only: the embedded database has no pool of connections to lose.
describe.skipIf(testDbKind() !== 'postgres')('a pool of one PostgreSQL connection', () => {
  let t: Awaited<ReturnType<typeof openTestDatabase>>
  let database: Database

  beforeAll(async () => {
    t = await openTestDatabase()
    database = await openDatabase({ databaseUrl: t.url!, poolSize: 1 })
  })
  afterAll(async () => {
    vi.restoreAllMocks()
    await database?.close()
    await t?.drop()
  })

  it('keeps answering after a transaction whose connection died as it began', async () => {
    const query = pg.Client.prototype.query
    const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
      this: pg.Client,
      ...args
    ) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text
      if (text === 'begin') {
        spy.mockRestore()
        return Promise.reject(new Error('Connection terminated unexpectedly')) as never
      }
      return (query as (...a: unknown[]) => unknown).apply(this, args) as never
    })
    await expect(database.db.transaction(async (tx) => tx.execute(sql`SELECT 1`))).rejects.toThrow(/begin/)
    // The only connection must be back in the pool (or replaced), not held by the failed transaction.
    const [row] = await within(5_000, rows<{ n: number }>(database.db, sql`SELECT 2 AS n`))
    expect(row!.n).toBe(2)
  })

  it('keeps answering after a transaction whose connection was killed mid-way', async () => {
    await expect(
      database.db.transaction(async (tx) => tx.execute(sql`SELECT pg_terminate_backend(pg_backend_pid())`)),
    ).rejects.toThrow()
    const [row] = await within(5_000, rows<{ n: number }>(database.db, sql`SELECT 3 AS n`))
    expect(row!.n).toBe(3)
  })

  it('sends a transaction’s statements one at a time, in order, even when its code sends them together', async () => {
    // node-postgres queues a statement sent while its connection runs another, deprecated (pg 9 refuses
    // it): a transaction's connection must never be asked that.
    const sent: number[] = []
    const { busy, restore } = recordBusyConnections()
    try {
      const answers = await database.db.transaction(async (tx) =>
        Promise.all(
          [1, 2, 3, 4, 5].map(async (n) => {
            const [r] = await rows<{ n: number }>(tx, sql`SELECT ${n}::int AS n, pg_sleep(0.01)`)
            sent.push(r!.n)
            return r!.n
          }),
        ),
      )
      expect(answers).toEqual([1, 2, 3, 4, 5])
      expect(sent).toEqual([1, 2, 3, 4, 5])
    } finally {
      restore()
    }
    // begin, the five statements, commit: none sent while another was running.
    expect(busy).toHaveLength(7)
    expect(busy.every((b) => !b)).toBe(true)
  })

  it('takes and releases the locks of jobs asking together one statement at a time on its session', async () => {
    // A runner's jobs start their passes together, each asking for its lock on the one session connection
    // locks live on: node-postgres must never be asked to queue them (deprecated, refused by pg 9).
    const locks = advisoryLocks(t.url!)
    const { busy, restore } = recordBusyConnections()
    try {
      const names = ['a', 'b', 'c', 'd', 'e'].map((n) => `test.lock.${n}.${process.pid}`)
      const releases = await Promise.all(names.map((name) => locks.tryLock(name)))
      expect(releases.every((r) => r !== undefined)).toBe(true)
      // Held: another session cannot take them until they are released.
      const other = advisoryLocks(t.url!)
      expect(await other.tryLock(names[0]!)).toBeUndefined()
      await Promise.all(releases.map((release) => release!()))
      const again = await other.tryLock(names[0]!)
      expect(again).toBeDefined()
      await again!()
      await other.close()
    } finally {
      restore()
      await locks.close()
    }
    expect(busy.filter((b) => b)).toEqual([])
    expect(busy.length).toBeGreaterThanOrEqual(10)
  })
})
