import { readFileSync } from 'node:fs'
import { Command } from 'commander'
import { benchCommand } from './bench.command.ts'
import { bulkCommands } from './bulk.command.ts'
import { fiscalCommands } from './fiscal.command.ts'
import { keysCommand } from './keys.command.ts'
import { migrateCommand } from './migrate.command.ts'
import { seedCommand } from './seed.command.ts'
import { serveCommand } from './serve.command.ts'
import { workerCommand } from './worker.command.ts'

/** The subcommands, each in its own file, each adding itself to the program. */
export const commands: Array<(program: Command) => void> = [
  serveCommand,
  workerCommand,
  migrateCommand,
  seedCommand,
  keysCommand,
  bulkCommands,
  fiscalCommands,
  benchCommand,
]

export function buildProgram(): Command {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
  const program = new Command('passerelle')
    .description(
      'Passerelle: one customer, one stock, one coherent offer across every channel of a retail brand.',
    )
    .version(version)
    .showHelpAfterError()
    .addHelpText(
      'after',
      `
Configuration comes from the environment (PORT, HOST, DATABASE_URL, PASSERELLE_DATA_DIR, LOG_LEVEL,
PASSERELLE_SWEEP_INTERVAL); flags override it.

Examples:
  $ passerelle serve                      start on http://127.0.0.1:3000 with the embedded database
  $ passerelle serve --port 8080 --database-url postgres://user@localhost:5432/passerelle
  $ passerelle worker --database-url postgres://user@localhost:5432/passerelle
  $ passerelle migrate --database-url postgres://user@localhost:5432/passerelle
  $ passerelle seed --demo --data-dir ./demo-data
  $ passerelle keys create --role admin --name "Back office"
  $ passerelle keys revoke-demo           before serving a demo database on a public address
  $ passerelle import products produits.csv --dry-run
  $ passerelle export customers --format jsonl --out clients.jsonl
  $ passerelle fiscal verify              check the till's chained records and closings`,
    )
  for (const register of commands) register(program)
  return program
}
