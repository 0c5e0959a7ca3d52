import { spawn } from 'node:child_process'
import pg from 'pg'

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env } })
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    child.stderr.on('data', (d) => {
      out += d
    })
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} exited ${code}: ${out}`)),
    )
  })
}

/**
 * TPC-B from pgbench on the same server, in a scratch database, so the order throughput can be read
 * against what this machine's PostgreSQL does at all.
 */
export async function pgbenchTpcb(databaseUrl: string, durationS: number, clients = 16): Promise<number> {
  const name = `passerelle_pgbench_${process.pid}`
  const admin = new pg.Client({ connectionString: databaseUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name}`)
  await admin.query(`CREATE DATABASE ${name}`)
  try {
    const u = new URL(databaseUrl)
    const env = {
      PGHOST: u.hostname,
      PGPORT: u.port || '5432',
      PGUSER: decodeURIComponent(u.username) || process.env.USER || 'postgres',
      PGPASSWORD: decodeURIComponent(u.password),
      PGDATABASE: name,
    }
    await run('pgbench', ['-i', '-s', '10', '-q'], env)
    const out = await run('pgbench', ['-c', String(clients), '-j', '2', '-T', String(durationS)], env)
    const match = /tps = ([\d.]+) \(without initial connection time\)/.exec(out) ?? /tps = ([\d.]+)/.exec(out)
    if (!match) throw new Error(`could not read pgbench output: ${out}`)
    return Math.round(Number(match[1]))
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  }
}
