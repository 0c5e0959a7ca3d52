import { readFileSync, writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import type { Archive } from '../fiscal/index.ts'
import { loadConfig } from '../shared/config.ts'
import { migrate, openConfiguredDatabase } from './database.ts'
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
        const { verifyChains } = await import('../fiscal/index.ts')
        const result = await verifyChains(database.db, opts.register, { databaseUrl: database.url })
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

  databaseOptions(
    fiscal
      .command('archive')
      .description(
        "Write a month's archive: every register's tickets, journal and closings of the month, the chain heads, signed",
      )
      .requiredOption('--period <YYYY-MM>', 'the month to archive')
      .option('--out <file>', 'where to write it (default: fiscal-archive-<period>.json)'),
  )
    .addHelpText(
      'after',
      `
The archive is JSON, self-contained: check it anywhere with verify-archive, without the database.

Examples:
  $ passerelle fiscal archive --period 2026-11
  $ passerelle fiscal verify-archive fiscal-archive-2026-11.json`,
    )
    .action(async (opts: Record<string, string | undefined> & { period: string }) => {
      const config = loadConfig(configFlags(opts))
      const database = await openConfiguredDatabase(config)
      try {
        await migrate(database)
        const { archivePeriod } = await import('../fiscal/index.ts')
        const archive = await archivePeriod(database.db, opts.period, 'cli')
        const out = opts.out ?? `fiscal-archive-${opts.period}.json`
        writeFileSync(out, `${JSON.stringify(archive, null, 1)}\n`)
        const records = archive.registers.reduce(
          (n, r) => n + Object.values(r.chains).reduce((m, c) => m + c.records.length, 0),
          0,
        )
        process.stdout.write(
          `Wrote ${out}: ${records} records of ${archive.registers.length} registers, hash ${archive.archive_hash}.\n`,
        )
      } finally {
        await database.close()
      }
    })

  fiscal
    .command('verify-archive')
    .description("Check an archive file's signature, chains and closings' signatures, without the database")
    .argument('<file>', 'the archive (JSON)')
    .action(async (file: string) => {
      const { verifyArchive } = await import('../fiscal/index.ts')
      const result = verifyArchive(JSON.parse(readFileSync(file, 'utf8')) as Archive)
      for (const b of result.broken) {
        process.stdout.write(
          `BROKEN ${b.chain ? `${b.chain} register ${b.register_id} record ${b.seq}` : 'archive'}: ${b.reason}\n`,
        )
      }
      process.stdout.write(
        result.ok
          ? `OK: ${result.records} records, the archive's signature and every chain hold.\n`
          : `${result.broken.length} problem(s) in ${file}.\n`,
      )
      if (!result.ok) process.exitCode = 3
    })
}
