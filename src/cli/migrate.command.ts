import type { Command } from 'commander'
import { loadConfig } from '../shared/config.ts'
import { migrate, openConfiguredDatabase } from './database.ts'
import { configFlags, databaseOptions } from './options.ts'

export function migrateCommand(program: Command) {
  databaseOptions(program.command('migrate').description('Apply the pending database migrations, then exit'))
    .addHelpText(
      'after',
      `
Migrations also run on every start; run this to upgrade the schema ahead of a deployment.

Examples:
  $ passerelle migrate
  $ DATABASE_URL=postgres://passerelle@db:5432/passerelle passerelle migrate`,
    )
    .action(async (opts: Record<string, string | undefined>) => {
      const config = loadConfig(configFlags(opts))
      const database = await openConfiguredDatabase(config)
      try {
        await migrate(database)
        process.stderr.write(`Database is up to date (${database.kind}: ${database.location}).\n`)
      } finally {
        await database.close()
      }
    })
}
