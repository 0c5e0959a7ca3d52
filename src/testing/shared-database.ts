import { sql } from 'drizzle-orm'
import { expect } from 'vitest'
import { type Database, type Db, type Executor, rows } from '../db/database.ts'
import { openTestDatabase, type TestDbKind, testDbKind } from './test-database.ts'

/**
 * The test files a worker runs one after the other take turns on one database instead of each opening
 * its own: opening one costs about a second on PGlite (loading the migrated dump into a new engine) and
 * half a second on PostgreSQL (cloning the template, the pool, the drop), while putting one back as
 * migrated costs a few tens of milliseconds. `TRUNCATE` is no cheaper than a clone (it makes new files
 * for each of the ~80 tables: over a second on PostgreSQL), so the rows are deleted instead.
 *
 * Before each file the database is brought back to what the migrations left: every row deleted, the
 * migrations' own rows put back, the sequences restarted. Each file gets a new Drizzle handle on it, so
 * that no cache kept per handle (channels, locations, keys, promotions…) outlives the file. A file whose
 * tests changed the schema or left a transaction, a lock or a session behind, or that asks for a second
 * database while holding this one, gets a fresh database instead, as every file did before. Tables a file
 * created in the public schema are dropped, and the temporary schemas a session gets on its first
 * temporary table are not counted as a change.
 */
interface Shared {
  kind: TestDbKind
  database: Database
  url?: string
  drop(): Promise<void>
  migrated: Migrated
  /** The test file using it, or undefined while no file does. */
  holder?: string
}

/** What the migrations left: the tables, the rows they wrote, where the sequences stood, the schema. */
interface Migrated {
  tables: string[]
  seeds: Array<{ table: string; rows: unknown[] }>
  sequences: Array<{ name: string; value: number; called: boolean }>
  schema: string
}

let shared: Shared | undefined

export async function leaseDatabase(): Promise<{
  database: Database
  url?: string
  release(): Promise<void>
}> {
  const file = expect.getState().testPath ?? 'unknown'
  // Test files of a worker run one at a time: a holder that is another file has finished (without
  // closing its app); the same file holding it asks for a second database.
  if (shared?.holder === file) return ownDatabase()
  let s = shared
  if (s && (s.kind !== testDbKind() || !(await restored(s)))) {
    shared = undefined
    await s.drop().catch(() => {})
    s = undefined
  }
  if (!s) {
    const opened = await openTestDatabase()
    s = { kind: testDbKind(), ...opened, migrated: await migratedState(opened.database.db) }
    shared = s
  }
  const held = s
  held.holder = file
  const database: Database = {
    ...held.database,
    db: await newHandle(held.database),
    // A test that closes its database closes this one: the next file opens another.
    close: async () => {
      if (shared === held) shared = undefined
      await held.drop()
    },
  }
  return {
    database,
    url: held.url,
    release: async () => {
      if (held.holder === file) held.holder = undefined
    },
  }
}

async function ownDatabase() {
  const { database, url, drop } = await openTestDatabase()
  return { database, url, release: drop }
}

/** A Drizzle handle of its own on the same connection (PGlite engine or PostgreSQL pool). */
async function newHandle(database: Database): Promise<Db> {
  const client = (database.db as unknown as { $client: never }).$client
  if (database.kind === 'pglite') {
    const { drizzle } = await import('drizzle-orm/pglite')
    return drizzle({ client }) as unknown as Db
  }
  const { drizzle } = await import('drizzle-orm/node-postgres')
  return drizzle({ client }) as unknown as Db
}

async function migratedState(db: Db): Promise<Migrated> {
  const tables = (
    await rows<{ name: string }>(
      db,
      sql`SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    )
  ).map((r) => r.name)
  const seeds: Migrated['seeds'] = []
  for (const table of await written(db, tables)) {
    const [r] = await rows<{ rows: unknown[] }>(
      db,
      sql.raw(`SELECT coalesce(json_agg(t), '[]') AS rows FROM ${table} t`),
    )
    seeds.push({ table, rows: r!.rows })
  }
  const sequences = await rows<Migrated['sequences'][number]>(
    db,
    sql`SELECT format('%I.%I', schemaname, sequencename) AS name,
               coalesce(last_value, start_value)::float8 AS value, last_value IS NOT NULL AS called
        FROM pg_sequences WHERE schemaname = 'public'`,
  )
  return { tables, seeds, sequences, schema: await schemaOf(db) }
}

/** The tables holding at least one row, in one statement. */
async function written(q: Executor, tables: string[]): Promise<string[]> {
  const found = await rows<{ name: string }>(
    q,
    sql.raw(
      tables
        .map((t) => `SELECT '${t.replaceAll("'", "''")}' AS name WHERE EXISTS (SELECT FROM ${t})`)
        .join(' UNION ALL '),
    ),
  )
  return found.map((r) => r.name)
}

/**
 * The public schema's tables, columns, constraints, indexes, triggers and functions, and the
 * database's settings, hashed: a test that changed any of them leaves a database that is not
 * the migrated one.
 */
async function schemaOf(q: Executor): Promise<string> {
  const [r] = await rows<{ schema: string }>(
    q,
    sql`SELECT md5(concat_ws('|',
          -- A session's temporary schemas appear on its first temporary table and stay: not a change.
          (SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_namespace
             WHERE NOT starts_with(nspname, 'pg_temp_') AND NOT starts_with(nspname, 'pg_toast_temp_')),
          (SELECT string_agg(c.relname || ':' || c.relkind::text || ':' || a.attname || ':' ||
                             format_type(a.atttypid, a.atttypmod) || ':' || a.attnotnull::text || ':' ||
                             coalesce(pg_get_expr(d.adbin, d.adrelid), ''), ',' ORDER BY c.relname, a.attnum)
             FROM pg_class c
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
             WHERE c.relnamespace = 'public'::regnamespace),
          (SELECT string_agg(c.relname, ',' ORDER BY c.relname) FROM pg_class c
             WHERE c.relnamespace = 'public'::regnamespace),
          (SELECT string_agg(conname || pg_get_constraintdef(oid), ',' ORDER BY conname) FROM pg_constraint
             WHERE connamespace = 'public'::regnamespace),
          (SELECT string_agg(tgname || tgenabled::text, ',' ORDER BY tgname) FROM pg_trigger
             WHERE tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)),
          (SELECT string_agg(proname || md5(prosrc), ',' ORDER BY proname) FROM pg_proc
             WHERE pronamespace = 'public'::regnamespace),
          (SELECT string_agg(array_to_string(setconfig, ','), ';') FROM pg_db_role_setting)
        )) AS schema`,
  )
  return r!.schema
}

/** Puts the database back as migrated; false when it cannot be (then the file gets a fresh one). */
async function restored(s: Shared): Promise<boolean> {
  const { db } = s.database
  const m = s.migrated
  // A PostgreSQL connection still checked out of the pool: a file's query or transaction never ended.
  const pool = (db as unknown as { $client: { totalCount?: number; idleCount?: number } }).$client
  if (pool.totalCount !== undefined && pool.totalCount !== pool.idleCount) return false
  try {
    const [busy] = await rows<{ sessions: number; locks: number }>(
      db,
      sql`SELECT (SELECT count(*) FROM pg_stat_activity
                  WHERE datname = current_database() AND pid <> pg_backend_pid()
                    AND backend_type = 'client backend' AND state <> 'idle')::int AS sessions,
                 (SELECT count(*) FROM pg_locks
                  WHERE locktype = 'advisory'
                    AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))::int AS locks`,
    )
    if (busy!.sessions > 0 || busy!.locks > 0) return false
    // Tables a file made for itself (a consumer's own projection) go: the next file must not see them.
    const made = (
      await rows<{ name: string }>(
        db,
        sql`SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public'`,
      )
    ).filter((t) => !m.tables.includes(t.name))
    for (const t of made) await db.execute(sql.raw(`DROP TABLE ${t.name} CASCADE`))
    if ((await schemaOf(db)) !== m.schema) return false
    await db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL lock_timeout = '5s'`)
      // Foreign keys are not checked while the rows go: no order to respect, and nothing is left.
      await tx.execute(sql`SET LOCAL session_replication_role = replica`)
      const tables = new Set([...(await written(tx, m.tables)), ...m.seeds.map((x) => x.table)])
      if (tables.size > 0) {
        const deletes = [...tables].map((t, i) => `d${i} AS (DELETE FROM ${t})`)
        await tx.execute(sql.raw(`WITH ${deletes.join(', ')} SELECT 1`))
      }
      for (const seed of m.seeds) {
        await tx.execute(
          sql`INSERT INTO ${sql.raw(seed.table)}
              SELECT * FROM json_populate_recordset(NULL::${sql.raw(seed.table)}, ${JSON.stringify(seed.rows)})`,
        )
      }
    })
    if (m.sequences.length > 0) {
      await db.execute(
        sql`SELECT setval(s.name::regclass, s.value, s.called)
            FROM json_to_recordset(${JSON.stringify(m.sequences)}) AS s(name text, value bigint, called boolean)`,
      )
    }
    return true
  } catch {
    return false
  }
}
