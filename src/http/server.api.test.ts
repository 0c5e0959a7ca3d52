import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../shared/config.ts'
import { testDbKind } from '../testing/harness.ts'
import { type RunningServer, startServer } from './server.ts'

// The sources under test, not a build that may be older.
const main = fileURLToPath(new URL('../cli/main.ts', import.meta.url))

/** Runs the CLI in a child process, without any DATABASE_URL from the test environment. */
function cli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, DATABASE_URL: '' }
    const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
    })
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, stderr }))
  })
}

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

  it('refuses a second process on the same data directory with the lock message', async () => {
    const second = await cli(['serve', '--data-dir', dir, '--port', '0', '--log-level', 'silent'])
    expect(second.code).toBe(1)
    expect(second.stderr).toContain(`already used by process ${process.pid}`)
    expect(second.stderr).not.toMatch(/\n\s+at /)
  })

  it('releases the data directory when stopped', async () => {
    expect(existsSync(join(dir, 'passerelle.lock'))).toBe(true)
    await server.stop()
    expect(existsSync(join(dir, 'passerelle.lock'))).toBe(false)
  })
})

describe('the command line', () => {
  it('stops on an invalid setting with the message and no stack trace', async () => {
    const run = await cli(['serve', '--port', 'eighty'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('PORT / --port must be a whole number')
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })
})
