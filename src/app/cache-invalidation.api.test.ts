import { type ChildProcess, spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { passerelleCommand } from '../testing/cli.ts'
import { as, startTestApp, type TestContext, testDbKind, unique } from '../testing/harness.ts'

/*
 * Two server processes on one PostgreSQL database: this one (the test's app) and an API process
 * started with `serve --no-jobs` in a child. Each caches API keys (30 s), so without the change
 * notices the child would keep accepting a key revoked here for up to half a minute.
 */
const onPostgres = testDbKind() === 'postgres'

function serveInChild(databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...passerelleCommand, 'serve', '--no-jobs', '--port', '0', '--log-level', 'warn'],
      { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`no server within 60 s: ${out} ${err}`)), 60_000)
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0]
      if (url) {
        clearTimeout(timer)
        resolve({ child, url })
      }
    })
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString()
    })
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)))
  })
}

async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < ms) {
    if (await check()) return Date.now() - started
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`not seen within ${ms} ms`)
}

describe.skipIf(!onPostgres)('two server processes on one database', () => {
  let t: TestContext
  let other: { child: ChildProcess; url: string }

  beforeAll(async () => {
    t = await startTestApp()
    other = await serveInChild(t.databaseUrl!)
  }, 90_000)
  afterAll(async () => {
    other?.child.kill('SIGTERM')
    await t?.close()
  })

  it('a key revoked through one is refused by the other within a second, though it had cached it', async () => {
    const created = await as(t.app, t.admin).post('/api/v1/api-keys', { name: unique('till'), role: 'admin' })
    expect(created.statusCode).toBe(201)
    const { id, secret } = created.json()
    const call = () =>
      fetch(`${other.url}/api/v1/channels`, { headers: { authorization: `Bearer ${secret}` } })
    // The other process authenticates the key, which caches it for 30 s.
    expect((await call()).status).toBe(200)
    expect((await call()).status).toBe(200)

    expect((await as(t.app, t.admin).delete(`/api/v1/api-keys/${id}`)).statusCode).toBeLessThan(300)
    const ms = await within(1_000, async () => (await call()).status === 401)
    expect(ms).toBeLessThan(1_000)
  })
})
