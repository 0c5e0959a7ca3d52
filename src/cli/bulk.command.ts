import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Presets, SingleBar } from 'cli-progress'
import { type Command, Option } from 'commander'
import type { Entity, FileFormat, ImportReport } from '../bulk/index.ts'
import { fail } from '../shared/common.errors.ts'
import { loadConfig } from '../shared/config.ts'
import { migrate, openConfiguredDatabase } from './database.ts'
import { configFlags, databaseOptions } from './options.ts'

/**
 * What a file may hold: the bulk capability's entities, listed here so that building the command line
 * (every command, `--help` included) does not load the capability, which the commands below import
 * when they run (bulk.command.test.ts keeps the two lists equal).
 */
export const entityNames = ['products', 'prices', 'stock', 'customers'] as const satisfies readonly Entity[]

const formatOption = () =>
  new Option(
    '--format <format>',
    'csv or jsonl (JSON Lines); by default from the file name, else csv',
  ).choices(['csv', 'jsonl'])

/** The format of a file by its name: .jsonl and .ndjson are JSON Lines, anything else CSV. */
const formatOfName = (file: string): FileFormat => (/\.(jsonl|ndjson)$/i.test(file) ? 'jsonl' : 'csv')

export function bulkCommands(program: Command) {
  databaseOptions(
    program
      .command('import')
      .description('Import a CSV or JSON Lines file of products, prices, stock counts or customers')
      .addArgument(program.createArgument('<entity>', 'what the file holds').choices(entityNames))
      .argument('<file>', 'the file (columns: docs/bulk.md)')
      .option('--dry-run', 'check every row against the data, apply nothing, print the same report')
      .addOption(formatOption()),
  )
    .addHelpText(
      'after',
      `
The file is read as it goes, 500 rows per transaction; each row is applied whole or refused whole,
and importing the same file again changes nothing. Progress goes to stderr, the report (JSON) to
stdout. Exit code: 0 when every row was applied or already so, 2 when some rows were refused.

Examples:
  $ passerelle import products catalogue-ete.csv --dry-run
  $ passerelle import prices tarif-web.csv
  $ passerelle import stock inventaire-lyon.csv
  $ passerelle import customers clients.jsonl`,
    )
    .action(
      async (
        entity: Entity,
        file: string,
        opts: Record<string, string | undefined> & { dryRun?: boolean; format?: FileFormat },
      ) => {
        const config = loadConfig(configFlags(opts))
        if (!existsSync(file) || !statSync(file).isFile()) {
          throw fail(
            'invalid_input',
            `No file ${file}: give the path of the CSV or JSON Lines file to import.`,
          )
        }
        const size = statSync(file).size
        const database = await openConfiguredDatabase(config)
        const progress = importProgress(size)
        try {
          await migrate(database)
          const { importFile } = await import('../bulk/index.ts')
          const report = await importFile(database.db, entity, createReadStream(file), {
            format: opts.format ?? formatOfName(file),
            dryRun: opts.dryRun ?? false,
            actor: 'system',
            onProgress: progress.update,
          })
          progress.stop()
          process.stderr.write(summary(report))
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
          if (report.refused_rows > 0) process.exitCode = 2
        } finally {
          progress.stop()
          await database.close()
        }
      },
    )

  databaseOptions(
    program
      .command('export')
      .description('Export every product, price, stock level or customer as CSV or JSON Lines')
      .addArgument(program.createArgument('<entity>', 'what to export').choices(entityNames))
      .addOption(formatOption())
      .option('--out <file>', 'write to this file (by default, stdout)'),
  )
    .addHelpText(
      'after',
      `
The file has the columns the import reads: importing it back changes nothing.

Examples:
  $ passerelle export products --out produits.csv
  $ passerelle export stock --format jsonl > stock.jsonl`,
    )
    .action(
      async (
        entity: Entity,
        opts: Record<string, string | undefined> & { format?: FileFormat; out?: string },
      ) => {
        const config = loadConfig(configFlags(opts))
        const format = opts.format ?? (opts.out ? formatOfName(opts.out) : 'csv')
        const database = await openConfiguredDatabase(config)
        let lines = 0
        const counter = new Transform({
          transform(chunk: Buffer | string, _enc, done) {
            for (const c of chunk.toString()) if (c === '\n') lines++
            if (process.stderr.isTTY)
              process.stderr.write(`\r  exporting ${entity}: ${lines.toLocaleString('en')} lines`)
            done(null, chunk)
          },
        })
        try {
          await migrate(database)
          const { exportFile } = await import('../bulk/index.ts')
          await pipeline(
            exportFile(database.db, entity, format),
            counter,
            opts.out ? createWriteStream(opts.out) : process.stdout,
          )
          const rows = format === 'csv' ? Math.max(lines - 1, 0) : lines
          process.stderr.write(
            `${process.stderr.isTTY ? '\n' : ''}Exported ${rows.toLocaleString('en')} ${entity} rows${opts.out ? ` to ${opts.out}` : ''}.\n`,
          )
        } finally {
          await database.close()
        }
      },
    )
}

/** A bar by bytes read in a terminal (with the rows so far), a line per 10,000 rows otherwise. */
function importProgress(size: number) {
  if (!process.stderr.isTTY) {
    let shown = 0
    return {
      update: (r: ImportReport) => {
        if (r.rows - shown >= 10_000) {
          shown = r.rows
          process.stderr.write(
            `  ${r.rows.toLocaleString('en')} rows: ${r.applied} applied, ${r.unchanged} unchanged, ${r.refused_rows} refused\n`,
          )
        }
      },
      stop: () => {},
    }
  }
  const bar = new SingleBar(
    {
      format:
        '  importing |{bar}| {percentage}% · {rows} rows: {applied} applied, {unchanged} unchanged, {refused} refused',
      stream: process.stderr,
      hideCursor: true,
      barsize: 30,
    },
    Presets.shades_classic,
  )
  bar.start(Math.max(size, 1), 0, { rows: 0, applied: 0, unchanged: 0, refused: 0 })
  let running = true
  return {
    update: (r: ImportReport, bytes: number) =>
      bar.update(Math.min(bytes, size), {
        rows: r.rows,
        applied: r.applied,
        unchanged: r.unchanged,
        refused: r.refused_rows,
      }),
    stop: () => {
      if (running) bar.stop()
      running = false
    },
  }
}

function summary(r: ImportReport): string {
  const head = `${r.dry_run ? 'Dry run (nothing applied): ' : ''}${r.rows} ${r.entity} rows: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.refused_rows} refused.\n`
  const shown = r.refused
    .slice(0, 20)
    .map((x) => `  line ${x.line}${x.column ? `, ${x.column}` : ''}: ${x.reason} (${x.code})\n`)
  const more = r.refused.length + r.refused_not_listed - shown.length
  return head + shown.join('') + (more > 0 ? `  … and ${more} more refusals in the report.\n` : '')
}
