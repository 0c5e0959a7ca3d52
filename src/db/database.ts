import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import type { SQL } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgTransaction } from 'drizzle-orm/pg-core'
import pg from 'pg'
import { acquireDataDirLock, type DataDirLock } from './lock.ts'
import * as schema from './schema.ts'

export type Schema = typeof schema
// biome-ignore lint/suspicious/noExplicitAny: the two drivers' result kinds differ; queries below only read `.rows`
export type Db = PgDatabase<any, Schema>
// biome-ignore lint/suspicious/noExplicitAny: see Db
export type Tx = PgTransaction<any, Schema, any>
/** Anything that runs a query: the database or an open transaction. */
export type Executor = Db | Tx

export type DatabaseKind = 'pglite' | 'postgres'

export interface Database {
  kind: DatabaseKind
  db: Db
  /** Where the data lives, for messages: the data directory or the server URL without password. */
  location: string
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
  // Fail fast with the real reason (wrong host, unknown database) instead of at the first request.
  const client = await pool.connect()
  client.release()
  const db = drizzlePg({ client: pool, schema }) as unknown as Db
  return {
    kind: 'postgres',
    db,
    location: redactUrl(url),
    close: () => pool.end(),
  }
}

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
  const db = drizzlePglite({ client, schema }) as unknown as Db
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

/** Runs raw SQL and returns its rows, whatever the driver. */
export async function rows<T>(q: Executor, statement: SQL): Promise<T[]> {
  const result = (await q.execute(statement)) as unknown as { rows: T[] }
  return result.rows
}
