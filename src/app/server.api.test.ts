import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scratchPostgres } from '../bench/scratch-postgres.ts'
import { rows } from '../db/database.ts'
import { loadConfig } from '../shared/config.ts'
import { runCli } from '../testing/cli.ts'
import { testDbKind } from '../testing/harness.ts'
import { startRefusal } from '../testing/server.ts'
import { type RunningServer, startServer } from './server.ts'

// The embedded database only: a PostgreSQL server arbitrates its own clients.
describe.skipIf(testDbKind() === 'postgres')('the server started on an embedded data directory', () => {
  let dir: string
  let server: RunningServer
  const printed: string[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'passerelle-server-'))
    const config = loadConfig({ port: '0', host: '127.0.0.1', dataDir: dir, logLevel: 'silent' }, {})
    server = await startServer(config, { handleSignals: false, print: (line) => printed.push(line) })
  })
  afterAll(async () => {
    await server?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('answers /health, /openapi.json and the API docs', async () => {
    const health = await fetch(`${server.url}/health`)
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok', engine: 'pglite' })
    const openapi = await fetch(`${server.url}/openapi.json`)
    expect(openapi.status).toBe(200)
    expect(((await openapi.json()) as { openapi: string }).openapi).toMatch(/^3\./)
    const docs = await fetch(`${server.url}/docs`)
    expect(docs.status).toBe(200)
    expect(await docs.text()).toContain('<html')
  })

  it('loads the demo retailer on first start and prints where to go, the database and the demo keys', async () => {
    const text = printed.join('\n')
    expect(text).toContain(`${server.url}/docs`)
    expect(text).toContain('embedded PGlite')
    expect(text).toContain('DATABASE_URL')
    expect(text).toMatch(/pk_demo_admin\s+admin/)
    expect(text).toMatch(/pk_demo_store\s+store_staff\s+store STO-PARIS-BASTILLE/)
    const keys = await fetch(`${server.url}/api/v1/api-keys`, {
      headers: { authorization: 'Bearer pk_demo_admin' },
    })
    expect(keys.status).toBe(200)
  })

  it("takes card payments through the local fake of Stripe's API, named as such, without an account", async () => {
    expect(printed.join('\n')).toMatch(
      /Payments +LOCAL FAKE of Stripe's API at http:\/\/127\.0\.0\.1:\d+ \(moves no money/,
    )
    const res = await fetch(`${server.url}/api/v1/payments/authorisations`, {
      method: 'POST',
      headers: { authorization: 'Bearer pk_demo_web', 'content-type': 'application/json' },
      body: JSON.stringify({ amount_cents: 4990, currency: 'EUR', payment_method: 'pm_card_visa' }),
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({
      intent_id: expect.stringMatching(/^pi_/),
      status: 'requires_capture',
    })
  })

  it('refuses a second process on the same data directory with the lock message', async () => {
    const second = await runCli(['serve', '--data-dir', dir, '--port', '0', '--log-level', 'silent'])
    expect(second.code).toBe(1)
    expect(second.stderr).toContain(`already used by process ${process.pid}`)
    expect(second.stderr).not.toMatch(/\n\s+at /)
  })

  it('releases the data directory when stopped', async () => {
    expect(existsSync(join(dir, 'passerelle.lock'))).toBe(true)
    await server.stop()
    expect(existsSync(join(dir, 'passerelle.lock'))).toBe(false)
  })

  it('refuses to listen on a public address while the demo keys work, and starts once they are revoked', async () => {
    const onEveryInterface = loadConfig({ port: '0', host: '0.0.0.0', dataDir: dir, logLevel: 'silent' }, {})
    const refused = await startRefusal(onEveryInterface)
    expect(refused?.code).toBe('demo_keys_active')
    expect(refused?.message).toContain('pk_demo_admin')
    expect(refused?.message).toContain('passerelle keys revoke-demo')
    expect(existsSync(join(dir, 'passerelle.lock'))).toBe(false)

    const revoked = await runCli(['keys', 'revoke-demo', '--data-dir', dir])
    expect(revoked.code, revoked.stderr).toBe(0)
    expect(revoked.stderr).toContain('Revoked 6 demo keys')
    expect(await startRefusal(onEveryInterface)).toBeUndefined()
  })
})

describe.skipIf(testDbKind() === 'postgres')('a first start on a public address', () => {
  it('refuses to load the demo and its public keys into an embedded database served on 0.0.0.0', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'passerelle-public-'))
    try {
      const refused = await startRefusal(
        loadConfig({ port: '0', host: '0.0.0.0', dataDir: fresh, logLevel: 'silent' }, {}),
      )
      expect(refused?.code).toBe('demo_keys_active')
      expect(refused?.message).toContain('--no-demo')
    } finally {
      rmSync(fresh, { recursive: true, force: true })
    }
  })
})

// The production set-up: an empty PostgreSQL database of its own per test. `--demo` into one is checked
// by src/demo/demo.api.test.ts, which loads the demo that way on PostgreSQL.
describe.skipIf(testDbKind() !== 'postgres')('the server started on an empty PostgreSQL database', () => {
  const scratch: Array<{ drop(): Promise<void> }> = []
  let n = 0
  const emptyDatabase = async () => {
    const db = await scratchPostgres(process.env.DATABASE_URL!, `passerelle_serve_${process.pid}_${n++}`)
    scratch.push(db)
    return db.url
  }
  const configFor = (databaseUrl: string, host = '127.0.0.1') =>
    loadConfig({ port: '0', host, databaseUrl, logLevel: 'silent' }, {})
  afterAll(async () => {
    for (const db of scratch) await db.drop()
  })

  it('starts with no demo data and no API key, and says how to create the first admin key', async () => {
    const url = await emptyDatabase()
    const printed: string[] = []
    const server = await startServer(configFor(url), { handleSignals: false, print: (l) => printed.push(l) })
    try {
      const text = printed.join('\n')
      expect(text).toContain(
        'No API key yet: create the first admin key with `passerelle keys create --role admin --name',
      )
      expect(text).not.toContain('pk_demo_')
      const [counts] = await rows<{ locations: number; keys: number }>(
        server.database.db,
        sql`SELECT (SELECT count(*) FROM location)::int AS locations, (SELECT count(*) FROM api_key)::int AS keys`,
      )
      expect(counts).toEqual({ locations: 0, keys: 0 })
      const demo = await fetch(`${server.url}/api/v1/me`, {
        headers: { authorization: 'Bearer pk_demo_admin' },
      })
      expect(demo.status).toBe(401)
    } finally {
      await server.stop()
    }
  })

  it('`passerelle keys create` on an empty database prints an admin key that works', async () => {
    const url = await emptyDatabase()
    const created = await runCli([
      'keys',
      'create',
      '--role',
      'admin',
      '--name',
      'Back office',
      '--database-url',
      url,
    ])
    expect(created.code, created.stderr).toBe(0)
    const secret = created.stdout.trim()
    expect(secret).toMatch(/^pk_admin_\S+$/)
    const printed: string[] = []
    const server = await startServer(configFor(url), { handleSignals: false, print: (l) => printed.push(l) })
    try {
      const me = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } })
      expect(me.status).toBe(200)
      expect(await me.json()).toMatchObject({ role: 'admin', name: 'Back office' })
      expect(printed.join('\n')).not.toContain('No API key yet')
    } finally {
      await server.stop()
    }
  })
})

describe('the command line', () => {
  it('stops on an invalid setting with the message and no stack trace', async () => {
    const run = await runCli(['serve', '--port', 'eighty'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('PORT / --port must be a whole number')
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })
})
