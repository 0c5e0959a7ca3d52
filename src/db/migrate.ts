import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import type { NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgliteDatabase } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import type { Database } from './database.ts'

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url))

// Any constant works; it only has to be the same for every Passerelle process on a server.
const MIGRATION_LOCK = 7_305_113

/** Applies the versioned SQL migrations in order; several servers starting at once take turns. */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder })
    return
  }
  const db = database.db as unknown as NodePgDatabase
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`)
    await migratePg(tx as unknown as NodePgDatabase, { migrationsFolder })
  })
}
