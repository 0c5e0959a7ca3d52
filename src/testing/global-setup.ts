import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../db/database.ts'
import { migrate, migrationsFolder } from '../db/migrate.ts'
import { testDatabasePrefix } from './database-names.ts'
import { migratedDumpPath } from './paths.ts'
import './provided.ts'

/**
 * Databases are paid for once per run, not once per test file:
 * - PGlite: creating a database costs seconds, loading a dump well under one: migrate once, dump, and
 *   every test file starts from a copy of the dump;
 * - PostgreSQL: migrating a database costs a second or two per file; cloning a migrated template
 *   (`CREATE DATABASE … TEMPLATE …`) a fraction of that. The template's name carries a hash of the
 *   migrations, so a run never clones a template of other migrations; it is dropped when the run ends.
 */
/** Started once per run by the first project set up, awaited by each project that needs it. */
const run = globalThis as { passerelleTestSetup?: { dump?: Promise<void>; template?: Promise<string> } }

export default async function setup(project: TestProject) {
  run.passerelleTestSetup ??= {}
  const started = run.passerelleTestSetup
  // The PGlite dump is made in this process and the template by the PostgreSQL server: started
  // together, the two overlap instead of following each other before the first test file can start.
  started.dump ??= pgliteDump()
  const onPostgres = project.vitest.projects.some((p) => p.name === 'postgres')
  if (onPostgres) started.template ??= createTemplate(databaseUrl(), templateName())
  if (project.name !== 'postgres') return started.dump
  const name = await started.template!
  project.provide('postgresTemplate', name)
  return async () => {
    await dropTestDatabases(databaseUrl(), name)
    await adminQuery(databaseUrl(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  }
}

/**
 * The run's test databases still there when it ends: each worker's shared one (src/testing/shared-database.ts),
 * and any a test file left behind.
 */
async function dropTestDatabases(url: string, template: string) {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    const { rows } = await c.query<{ name: string }>(
      'SELECT datname AS name FROM pg_database WHERE starts_with(datname, $1)',
      [testDatabasePrefix(template)],
    )
    for (const { name } of rows) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  } finally {
    await c.end()
  }
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('the postgres test project needs DATABASE_URL')
  return url
}

async function pgliteDump() {
  // A dump of the same migrations is kept from one run to the next: migrating costs seconds.
  const stamp = `${migratedDumpPath}.${migrationsHash()}`
  if (existsSync(migratedDumpPath) && existsSync(stamp)) return
  const database = await openDatabase({ memory: true })
  await migrate(database)
  const client = (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client
  const dump = await client.dumpDataDir('none')
  mkdirSync(dirname(migratedDumpPath), { recursive: true })
  // Write then rename: concurrent test runs never read a half-written dump.
  const tmp = `${migratedDumpPath}.${process.pid}`
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()))
  renameSync(tmp, migratedDumpPath)
  for (const f of readdirSync(dirname(migratedDumpPath)))
    if (f.startsWith('pglite-migrated.tar.') && /\.[0-9a-f]{12}$/.test(f))
      rmSync(join(dirname(migratedDumpPath), f))
  writeFileSync(stamp, '')
  await database.close()
}

function migrationsHash(): string {
  const hash = createHash('sha256')
  for (const f of readdirSync(migrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    hash.update(f).update(readFileSync(join(migrationsFolder, f)))
  }
  return hash.digest('hex').slice(0, 12)
}

function templateName(): string {
  return `passerelle_tpl_${migrationsHash()}_${process.pid}`
}

async function createTemplate(url: string, name: string): Promise<string> {
  await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await adminQuery(url, `CREATE DATABASE ${name}`)
  const u = new URL(url)
  u.pathname = `/${name}`
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 1 })
  await migrate(database)
  await database.close()
  return name
}

export async function adminQuery(url: string, statement: string) {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    await c.query(statement)
  } finally {
    await c.end()
  }
}
