// The database as the commands use it, loaded when a command runs: building the command line (every
// command, `--help` included, and before `serve` starts) loads no database driver nor migrator.
import type { Database } from '../db/database.ts'

export async function openConfiguredDatabase(config: {
  databaseUrl?: string
  dataDir: string
}): Promise<Database> {
  const { openConfiguredDatabase: open } = await import('../db/database.ts')
  return open(config)
}

export async function migrate(database: Database): Promise<void> {
  const { migrate: run } = await import('../db/migrate.ts')
  return run(database)
}
