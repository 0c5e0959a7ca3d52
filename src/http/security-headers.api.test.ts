import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiKey } from '../access/index.ts'
import { type App, buildApp } from '../app/app.ts'
import { as, openTestDatabase } from '../testing/harness.ts'

let db: Awaited<ReturnType<typeof openTestDatabase>>
let dir: string
let app: App
let admin: string

beforeAll(async () => {
  db = await openTestDatabase()
  dir = mkdtempSync(join(tmpdir(), 'passerelle-headers-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><body>workspace</body></html>')
  app = await buildApp({ database: db.database, webRoot: dir })
  admin = (await createApiKey(db.database.db, { name: 'headers admin', role: 'admin' })).secret
})
afterAll(async () => {
  await app?.close()
  await db?.drop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

function expectSecurityHeaders(headers: Record<string, unknown>, what: string) {
  const csp = String(headers['content-security-policy'])
  expect(csp, what).toContain("frame-ancestors 'none'")
  expect(csp, what).toContain("script-src 'self'")
  expect(csp, what).toContain("object-src 'none'")
  expect(headers['x-frame-options'], what).toBe('DENY')
  expect(headers['x-content-type-options'], what).toBe('nosniff')
  expect(headers['referrer-policy'], what).toBe('no-referrer')
  expect(headers['strict-transport-security'], what).toContain('max-age=')
}

describe('security headers', () => {
  it('forbids framing and foreign scripts on the workspace, the API docs and the API', async () => {
    const pages = [
      ['workspace', await app.inject({ method: 'GET', url: '/' })],
      ['workspace page', await app.inject({ method: 'GET', url: '/till' })],
      ['docs', await app.inject({ method: 'GET', url: '/docs/' })],
      ['docs script', await app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' })],
      ['openapi', await app.inject({ method: 'GET', url: '/openapi.json' })],
      ['api', await as(app, admin).get('/api/v1/me')],
      ['refused', await as(app, null).get('/api/v1/me')],
      ['unknown', await app.inject({ method: 'GET', url: '/api/v1/nothing' })],
    ] as const
    for (const [what, res] of pages) {
      expect(res.statusCode, what).toBeLessThan(500)
      expectSecurityHeaders(res.headers, what)
    }
  })

  it('serves the API docs without inline scripts, so they run under the policy', async () => {
    const docs = await app.inject({ method: 'GET', url: '/docs/' })
    expect(docs.statusCode).toBe(200)
    expect(docs.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/)
  })
})

describe('server timeouts', () => {
  it('gives clients bounded time to send headers and requests, and closes idle connections', () => {
    expect(app.server.headersTimeout).toBe(10_000)
    expect(app.server.requestTimeout).toBe(30_000)
    expect(app.server.keepAliveTimeout).toBe(10_000)
    expect(app.server.timeout).toBe(300_000)
  })

  it('disconnects a client that sends its headers one by one (slowloris)', async () => {
    const slow = await buildApp({
      database: db.database,
      webRoot: null,
      timeouts: { headersMs: 600, requestMs: 1_000, checkIntervalMs: 100 },
    })
    try {
      await slow.listen({ host: '127.0.0.1', port: 0 })
      const { port } = slow.server.address() as AddressInfo
      const socket = connect(port, '127.0.0.1')
      let answer = ''
      socket.on('data', (d) => {
        answer += d.toString()
      })
      const started = Date.now()
      const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)))
      socket.write('GET /health HTTP/1.1\r\nHost: localhost\r\n')
      let n = 0
      const drip = setInterval(() => {
        if (!socket.destroyed) socket.write(`X-Drip-${n++}: 1\r\n`)
      }, 150)
      const after = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 4_000))])
      clearInterval(drip)
      socket.destroy()
      expect(after).toBeGreaterThan(0)
      expect(after).toBeLessThan(4_000)
      expect(answer).toMatch(/^HTTP\/1\.1 408/)
    } finally {
      await slow.close()
    }
  })
})
