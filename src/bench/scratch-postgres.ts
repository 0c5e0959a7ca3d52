import pg from 'pg'

/**
 * A database of its own on the PostgreSQL server of `databaseUrl` (left over from a killed run: dropped
 * first), empty or a copy of `template` (which nobody may be connected to), with its URL and how to drop it.
 */
export async function scratchPostgres(databaseUrl: string, name: string, opts: { template?: string } = {}) {
  const run = async (statements: string[]) => {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    try {
      for (const s of statements) await client.query(s)
    } finally {
      await client.end()
    }
  }
  await run([
    `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`,
    `CREATE DATABASE ${name}${opts.template ? ` TEMPLATE ${opts.template}` : ''}`,
  ])
  const u = new URL(databaseUrl)
  u.pathname = `/${name}`
  return { url: u.toString(), drop: () => run([`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]) }
}
