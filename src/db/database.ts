import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { type SQL, sql } from 'drizzle-orm'
import { drizzle as drizzlePg, NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgTransaction } from 'drizzle-orm/pg-core'
import pg from 'pg'
import { advisoryLocks } from './advisory-lock.ts'
import { type ChangeListener, listenToChanges } from './changes.ts'
import { acquireDataDirLock, type DataDirLock } from './lock.ts'
import { oneQueryAtATime } from './one-query-at-a-time.ts'
import { rows } from './rows.ts'

export { rows }
// biome-ignore lint/suspicious/noExplicitAny: the two drivers' result kinds differ; queries below only read `.rows`
export type Db = PgDatabase<any>
// biome-ignore lint/suspicious/noExplicitAny: see Db
export type Tx = PgTransaction<any, any, any>
/** Anything that runs a query: the database or an open transaction. */
export type Executor = Db | Tx

/**
 * A use case written on a transaction (`…In(tx, …)`, so that other use cases can run it inside
 * theirs), run in a transaction of its own: what a route calls, `cancelOrder = inTransaction(cancelOrderIn)`.
 */
export const inTransaction =
  <A extends unknown[], R>(work: (tx: Tx, ...args: A) => Promise<R>) =>
  (db: Db, ...args: A): Promise<R> =>
    db.transaction((tx) => work(tx, ...args))

export type DatabaseKind = 'pglite' | 'postgres'

export interface Database {
  kind: DatabaseKind
  db: Db
  /** Where the data lives, for messages: the data directory or the server URL without password. */
  location: string
  /**
   * PostgreSQL only: the server's URL, for work that opens connections of its own (the fiscal verifier's
   * threads). It may carry a password: never log it (`location` is the one to show).
   */
  url?: string
  /**
   * Calls `listener` when PostgreSQL closes one of the pool's connections (restart, failover,
   * pg_terminate_backend, a proxy's idle timeout); returns how to stop listening. The pool drops the
   * connection and opens a new one on demand. The embedded database has no connection to lose.
   */
  onConnectionLost?(listener: (err: Error) => void): () => void
  /**
   * PostgreSQL only (several server processes may share it): takes the session advisory lock of `name`
   * on this database's lock connection and returns how to release it, or undefined when another session
   * (another server process) holds it.
   */
  tryLock?(name: string): Promise<(() => Promise<void>) | undefined>
  /**
   * PostgreSQL only: calls `onTopic` with each change another process (or this one) announced with
   * `announceChange` (src/db/changes.ts), on a connection of its own, until the listener is closed.
   */
  watchChanges?(onTopic: (topic: string) => void): ChangeListener
  close(): Promise<void>
}

export interface OpenOptions {
  databaseUrl?: string
  dataDir?: string
  /** In-memory PGlite, optionally loaded from a dump (tests). */
  memory?: boolean
  loadDataDir?: Blob
  poolSize?: number
}

// int8 (count, sum) as JS numbers: every count and money sum here fits in 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10))

// An order holds a connection for two statements: with fewer connections than concurrent requests,
// requests queue in the pool while PostgreSQL has cores to spare (measured: 10 → 20 connections took
// 16 concurrent clients from ~700 to ~800 orders/s).
const DEFAULT_POOL_SIZE = 20

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? DEFAULT_POOL_SIZE)
  return openPglite(options)
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize })
  const listeners = new Set<(err: Error) => void>()
  watchConnections(pool, (err) => {
    for (const listener of listeners) listener(err)
  })
  // Fail fast with the real reason (wrong host, unknown database) instead of at the first request.
  const client = await pool.connect()
  client.release()
  const db = drizzlePg({ client: pool }) as unknown as Db
  const locks = advisoryLocks(url)
  return {
    kind: 'postgres',
    db,
    location: redactUrl(url),
    url,
    onConnectionLost(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    tryLock: (name) => locks.tryLock(name),
    watchChanges: (onTopic) => listenToChanges(url, onTopic),
    close: async () => {
      await locks.close()
      await pool.end()
    },
  }
}

/**
 * A connection PostgreSQL closes is reported as an 'error' event, by the pool for an idle connection
 * and by the client for one in use; unheard, either ends the process. Heard here, the pool discards the
 * connection (an idle one at once, one in use when released, since it is no longer queryable) and the
 * request that was using it fails with a connection error, which the API answers with a 503.
 */
function watchConnections(pool: pg.Pool, lost: (err: Error) => void) {
  // Every pool 'error' is first an 'error' of its client, reported below.
  pool.on('error', () => {})
  pool.on('connect', (client) => {
    let reported = false
    client.on('error', (err) => {
      // A cut connection may say so twice (PostgreSQL's message, then the socket closing).
      if (!reported) lost(err)
      reported = true
    })
  })
}

/**
 * drizzle 0.45 sends a transaction's `begin` before its guard: when the connection dies right then,
 * the client is never given back, and the pool is one connection short for good (after twenty such
 * cuts every request waits forever). The same steps, with `begin` inside the guard, the first error
 * kept when the rollback fails too, and a broken connection handed back as broken so the pool drops it.
 */
type PoolSession = { client: pg.Pool | pg.PoolClient; dialect: unknown; schema: unknown; options: unknown }
const drizzleTransaction = NodePgSession.prototype.transaction
NodePgSession.prototype.transaction = async function transaction<T>(
  this: PoolSession,
  body: (tx: never) => Promise<T>,
  config?: unknown,
): Promise<T> {
  if (!(this.client instanceof pg.Pool) || config !== undefined) {
    return drizzleTransaction.call(this as never, body as never, config as never) as Promise<T>
  }
  const client = await this.client.connect()
  const restore = oneQueryAtATime(client)
  const Session = NodePgSession as unknown as new (...args: unknown[]) => unknown
  const Transaction = NodePgTransaction as unknown as new (...args: unknown[]) => Tx
  const session = new Session(client, this.dialect, this.schema, this.options)
  const tx = new Transaction(this.dialect, session, this.schema)
  let broken: Error | undefined
  try {
    await tx.execute(sql`begin`)
    const result = await body(tx as never)
    await tx.execute(sql`commit`)
    return result
  } catch (err) {
    await tx.execute(sql`rollback`).catch((rollbackErr: Error) => {
      broken = rollbackErr
    })
    throw err
  } finally {
    restore()
    client.release(broken)
  }
} as typeof drizzleTransaction

async function openPglite(options: OpenOptions): Promise<Database> {
  // Loaded only here: a server on PostgreSQL never needs the embedded engine.
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
  ])
  let lock: DataDirLock | undefined
  let client: PGlite
  let location = 'memory'
  if (options.memory || !options.dataDir) {
    client = new PGlite({ loadDataDir: options.loadDataDir })
  } else {
    mkdirSync(options.dataDir, { recursive: true })
    lock = acquireDataDirLock(options.dataDir)
    location = options.dataDir
    try {
      client = new PGlite(join(options.dataDir, 'pgdata'))
    } catch (err) {
      lock.release()
      throw err
    }
  }
  await client.waitReady
  const db = drizzlePglite({ client }) as unknown as Db
  return {
    kind: 'pglite',
    db,
    location,
    close: async () => {
      await client.close()
      lock?.release()
    },
  }
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'postgres'
  }
}

/**
 * Runs raw SQL and returns its rows as one JSON document built by the database (`json_agg`): for reads of
 * tens of thousands of rows of numbers and text, where decoding row after row costs the embedded
 * database most of the read (a replenishment run's 20,000 policies and stock levels: about 0.6 s of its
 * 0.7 on PGlite). Values come as JSON has them: numbers, strings, booleans, null (no Date, no bigint).
 */
export async function rowsAsJson<T>(q: Executor, statement: SQL): Promise<T[]> {
  const [r] = await rows<{ rows: T[] | string }>(
    q,
    sql`SELECT coalesce(json_agg(t), '[]'::json) AS rows FROM (${statement}) t`,
  )
  const list = r?.rows ?? []
  return typeof list === 'string' ? (JSON.parse(list) as T[]) : list
}

/** PostgreSQL when a database URL is configured, else the embedded database in the data directory (locked). */
export function openConfiguredDatabase(config: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ databaseUrl: config.databaseUrl })
    : openDatabase({ dataDir: resolve(config.dataDir) })
}
