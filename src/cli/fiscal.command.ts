import type { Command } from 'commander'
import { openConfiguredDatabase } from '../app/server.ts'
import { migrate } from '../db/migrate.ts'
import { verifyChains } from '../fiscal/index.ts'
import { loadConfig } from '../shared/config.ts'
import { configFlags, databaseOptions } from './options.ts'

export function fiscalCommands(program: Command) {
  const fiscal = program.command('fiscal').description('The legal till: check its inalterable records')
  databaseOptions(
    fiscal
      .command('verify')
      .description(
        "Walk every register's chains of tickets, journal and closings, and the closings' signatures; name the first broken record",
      )
      .option('--register <id>', 'only this register (id or code)'),
  )
    .addHelpText(
      'after',
      `
Exits 0 when every chain holds, 3 when a record is broken (each broken chain's first record is named).

Examples:
  $ passerelle fiscal verify
  $ passerelle fiscal verify --register reg_01JD… --database-url postgres://user@localhost:5432/passerelle`,
    )
    .action(async (opts: Record<string, string | undefined>) => {
      const config = loadConfig(configFlags(opts))
      const database = await openConfiguredDatabase(config)
      try {
        await migrate(database)
        const result = await verifyChains(database.db, opts.register)
        for (const b of result.broken) {
          process.stdout.write(`BROKEN ${b.chain} register ${b.register_id} record ${b.seq}: ${b.reason}\n`)
        }
        process.stdout.write(
          result.ok
            ? `OK: ${result.records} records on ${result.registers} registers, every chain and signature holds.\n`
            : `${result.broken.length} broken chain(s) among ${result.registers} registers (${result.records} records read).\n`,
        )
        if (!result.ok) process.exitCode = 3
      } finally {
        await database.close()
      }
    })
}
