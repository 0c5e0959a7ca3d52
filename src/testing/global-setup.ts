import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { openDatabase } from '../db/database.ts'
import { migrate } from '../db/migrate.ts'
import { migratedDumpPath } from './paths.ts'

/**
 * Creating a PGlite database costs seconds; loading a dump costs well under one. Migrate once,
 * dump, and let every test file start from a copy of the dump.
 */
export default async function setup() {
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
