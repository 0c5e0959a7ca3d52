import { type Command, Option } from 'commander'
import { demoKeys } from '../demo/demo-keys.ts'
import { roles } from '../shared/actor.ts'
import { loadConfig } from '../shared/config.ts'
import { migrate, openConfiguredDatabase } from './database.ts'
import { configFlags, databaseOptions } from './options.ts'

const demoSecrets = demoKeys.map((k) => k.secret)

export function keysCommand(program: Command) {
  const keys = program.command('keys').description('Manage API keys')
  databaseOptions(
    keys
      .command('create')
      .description('Create an API key and print its secret (shown this once only)')
      .addOption(new Option('--role <role>', 'what the key may do').choices(roles).makeOptionMandatory())
      .requiredOption('--name <name>', 'who or what uses the key, e.g. "Caisse 2 Lyon Part-Dieu"')
      .option('--location <id>', 'store a store_staff key is bound to (id or code)')
      .option('--channel <id>', 'channel a channel or call_centre key is bound to (id or code)')
      .option('--franchisee <id>', 'franchisee a franchisee key is bound to (id or code)')
      .option(
        '--manager',
        'a store manager (store_staff): may override a refused return, issue goodwill credit',
      ),
  )
    .addHelpText(
      'after',
      `
The secret goes to stdout alone, so it can be captured: KEY=$(passerelle keys create …).

Examples:
  $ passerelle keys create --role admin --name "Back office"
  $ passerelle keys create --role store_staff --name "Caisse Lyon" --location STO-LYON-PART-DIEU
  $ passerelle keys create --role store_staff --name "Responsable Lyon" --location STO-LYON-PART-DIEU --manager
  $ passerelle keys create --role channel --name "Site web" --channel WEB
  $ passerelle keys create --role franchisee --name "Franchisé Nice" --franchisee FR-RIVIERA`,
    )
    .action(
      async (
        opts: Record<string, string | undefined> & {
          role: (typeof roles)[number]
          name: string
          manager?: boolean
        },
      ) => {
        const config = loadConfig(configFlags(opts))
        const database = await openConfiguredDatabase(config)
        try {
          await migrate(database)
          const { createApiKey } = await import('../access/index.ts')
          const { key, secret } = await createApiKey(database.db, {
            name: opts.name,
            role: opts.role,
            locationId: opts.location ?? null,
            channelId: opts.channel ?? null,
            franchiseeId: opts.franchisee ?? null,
            ...(opts.manager ? { manager: true } : {}),
          })
          process.stderr.write(
            `Created ${key.role} key "${key.name}" (${key.id}). Keep the secret now: it is not shown again.\n`,
          )
          process.stdout.write(`${secret}\n`)
        } finally {
          await database.close()
        }
      },
    )

  databaseOptions(
    keys
      .command('revoke-demo')
      .description('Revoke the demo API keys (pk_demo_…): their secrets are public, in the README'),
  )
    .addHelpText(
      'after',
      `
Run it before serving a database with the demo on an address others can reach: the server refuses
to listen on anything but 127.0.0.1, ::1 or localhost while a demo key works. Stop the server first
when it uses the embedded database (one process at a time).

Examples:
  $ passerelle keys revoke-demo
  $ passerelle keys revoke-demo --database-url postgres://passerelle@db:5432/passerelle`,
    )
    .action(async (opts: Record<string, string | undefined>) => {
      const config = loadConfig(configFlags(opts))
      const database = await openConfiguredDatabase(config)
      try {
        await migrate(database)
        const access = await import('../access/index.ts')
        const revoked = new Set(
          (await access.revokeKeysWithSecrets(database.db, demoSecrets)).map((k) => k.secretHash),
        )
        const secrets = demoSecrets.filter((secret) => revoked.has(access.hashSecret(secret)))
        process.stderr.write(
          secrets.length === 0
            ? 'No demo key works in this database: nothing to revoke.\n'
            : `Revoked ${secrets.length} demo keys (${secrets.join(', ')}). ` +
                'Create your own with `passerelle keys create --role admin --name "Back office"`.\n',
        )
      } finally {
        await database.close()
      }
    })
}
