import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { inject } from 'vitest'
import { type Database, openDatabase } from '../db/database.ts'
import { testDatabasePrefix } from './database-names.ts'
import { migratedDumpPath } from './paths.ts'
import './provided.ts'

export type TestDbKind = 'pglite' | 'postgres'

export function testDbKind(): TestDbKind {
  return process.env.PASSERELLE_TEST_DB === 'postgres' ? 'postgres' : 'pglite'
}

/**
 * A fresh database of its own (a copy of the migrated PGlite dump, or a new PostgreSQL database, whose
 * URL is given so a test can open more connections to it).
 */
export async function openTestDatabase(): Promise<{
  database: Database
  url?: string
  drop(): Promise<void>
}> {
  if (testDbKind() === 'pglite') {
    const dump = new Blob([readFileSync(migratedDumpPath)])
    const database = await openDatabase({ memory: true, loadDataDir: dump })
    return { database, drop: () => database.close() }
  }
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('PASSERELLE_TEST_DB=postgres needs DATABASE_URL')
  const template = inject('postgresTemplate')
  // Named after the run's template: the run's set-up drops whatever of its databases was left behind.
  const name = `${testDatabasePrefix(template)}${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await cloneTemplate(admin, template, name)
  } finally {
    await admin.end()
  }
  const u = new URL(url)
  u.pathname = `/${name}`
  // Commits do not wait for their WAL to reach the disk (the server crashing is not what these tests
  // test; a test killing a process kills Passerelle's, and what is committed stays visible): the
  // PostgreSQL project took 10 % less time and CPU. No JIT compilation either: it pays off on long
  // analytical queries, not on a test's small ones (the demo's checks: 2 CPU-seconds less).
  u.searchParams.set('options', '-c synchronous_commit=off -c jit=off')
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 12 })
  return {
    database,
    url: u.toString(),
    drop: async () => {
      await database.close()
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      // The pool's connections close asynchronously: forcing the drop while one is still saying
      // goodbye makes the server kill it, and its client reports the kill as an unhandled error.
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [
          name,
        ])
        if (rows[0].n === 0) break
        await new Promise((r) => setTimeout(r, 20))
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

/**
 * A copy of the run's migrated template. PostgreSQL refuses to copy a database while another
 * session is connected to it, which two workers cloning at once can briefly be: try again then.
 */
async function cloneTemplate(admin: pg.Client, template: string, name: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`)
      return
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt >= 50) throw err
      await new Promise((r) => setTimeout(r, 20 * attempt))
    }
  }
}
