import { type Command, InvalidArgumentError } from 'commander'
import { DEFAULT_DEMO_SEED } from '../demo/demo-keys.ts'
import { fail } from '../shared/common.errors.ts'
import { loadConfig } from '../shared/config.ts'
import { migrate, openConfiguredDatabase } from './database.ts'
import { configFlags, databaseOptions } from './options.ts'
import { progressOnStderr } from './progress.ts'

export function seedCommand(program: Command) {
  databaseOptions(
    program
      .command('seed')
      .description('Load the demo retailer Maison Passerelle into an empty database')
      .option('--demo', 'the demo retailer (the only data set so far)')
      .option(
        '--seed <n>',
        `number that decides the generated data (default ${DEFAULT_DEMO_SEED})`,
        wholeNumber,
      ),
  )
    .addHelpText(
      'after',
      `
The demo is a French home & lifestyle retailer: 2 warehouses, 20 stores, 6 channels, 2,000 variants,
400 customers and 24 months of orders, with demo API keys whose secrets are fixed (pk_demo_admin…).
The same seed gives the same products, SKUs and EANs on every machine.

Examples:
  $ passerelle seed --demo
  $ passerelle seed --demo --seed 7 --data-dir ./demo-7`,
    )
    .action(async (opts: Record<string, string | undefined> & { demo?: boolean; seed?: number }) => {
      if (!opts.demo) {
        throw fail('invalid_input', 'Say what to load: `passerelle seed --demo` loads the demo retailer.')
      }
      const config = loadConfig(configFlags(opts))
      // The generators and their data files load only for this command, never in a serving process; the
      // composition first (src/app/ports.ts): the demo's business orders go through the order path.
      const [{ seedDemo }] = await Promise.all([import('../demo/seed.ts'), import('../app/ports.ts')])
      const database = await openConfiguredDatabase(config)
      const progress = progressOnStderr()
      try {
        await migrate(database)
        const startedAt = Date.now()
        const summary = await seedDemo(database.db, { seed: opts.seed, onProgress: progress.onProgress })
        progress.stop()
        process.stderr.write(
          `Loaded Maison Passerelle (seed ${summary.seed}) in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ` +
            `${summary.locations} locations, ${summary.channels} channels, ${summary.products} products, ` +
            `${summary.variants} variants, ${summary.customers} customers, ${summary.orders} orders.\n` +
            'Demo API keys (public, for trying only; a server on an address other than 127.0.0.1 refuses ' +
            'to start until `passerelle keys revoke-demo` revokes them):\n' +
            summary.keys.map((k) => `  ${k.secret.padEnd(20)} ${k.role}\n`).join(''),
        )
      } finally {
        progress.stop()
        await database.close()
      }
    })
}

function wholeNumber(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError('expected a whole number.')
  return Number(value)
}
