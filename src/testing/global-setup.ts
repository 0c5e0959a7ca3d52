import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../db/database.ts'
import { migrate, migrationsFolder } from '../db/migrate.ts'
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
export default async function setup(project: TestProject) {
  if (project.name !== 'postgres') return pgliteDump()
  const name = templateName()
  project.provide('postgresTemplate', name)
  const url = databaseUrl()
  await createTemplate(url, name)
  return () => adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('the postgres test project needs DATABASE_URL')
  return url
}

async function pgliteDump() {
  const database = await openDatabase({ memory: true })
  await migrate(database)
  const client = (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client
  const dump = await client.dumpDataDir('none')
  mkdirSync(dirname(migratedDumpPath), { recursive: true })
  // Write then rename: concurrent test runs never read a half-written dump.
  const tmp = `${migratedDumpPath}.${process.pid}`
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()))
  renameSync(tmp, migratedDumpPath)
  await database.close()
}

function templateName(): string {
  const hash = createHash('sha256')
  for (const f of readdirSync(migrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    hash.update(f).update(readFileSync(join(migrationsFolder, f)))
  }
  return `passerelle_tpl_${hash.digest('hex').slice(0, 12)}_${process.pid}`
}

async function createTemplate(url: string, name: string) {
  await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await adminQuery(url, `CREATE DATABASE ${name}`)
  const u = new URL(url)
  u.pathname = `/${name}`
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 1 })
  await migrate(database)
  await database.close()
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
