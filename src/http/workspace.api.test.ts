import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type App, buildApp } from '../app/app.ts'
import { openTestDatabase } from '../testing/harness.ts'

describe('the staff workspace served at /', () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>
  let dir: string
  let app: App
  let bare: App

  beforeAll(async () => {
    db = await openTestDatabase()
    dir = mkdtempSync(join(tmpdir(), 'passerelle-web-'))
    mkdirSync(join(dir, 'assets'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><body>workspace</body></html>')
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)')
    // As the build leaves them: big files with their brotli and gzip copies, the service worker.
    const big = `console.log(${JSON.stringify('x'.repeat(4000))})`
    writeFileSync(join(dir, 'assets', 'big-5678.js'), big)
    writeFileSync(join(dir, 'assets', 'big-5678.js.br'), brotliCompressSync(big))
    writeFileSync(join(dir, 'assets', 'big-5678.js.gz'), gzipSync(big))
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})')
    writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"Passerelle"}')
    app = await buildApp({ database: db.database, webRoot: dir })
    bare = await buildApp({ database: db.database, webRoot: join(dir, 'missing') })
  })
  afterAll(async () => {
    await app?.close()
    await bare?.close()
    await db?.drop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('serves the app, its hashed assets for good, and its own pages from index.html', async () => {
    const home = await app.inject({ method: 'GET', url: '/' })
    expect(home.statusCode).toBe(200)
    expect(home.body).toContain('workspace')
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1234.js' })
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['cache-control']).toContain('immutable')
    const page = await app.inject({ method: 'GET', url: '/till?x=1' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
    expect(page.headers['cache-control']).toBe('no-cache')
  })

  it('sends the build’s brotli or gzip copy of an asset, and compresses the API’s answers', async () => {
    const br = await app.inject({
      method: 'GET',
      url: '/assets/big-5678.js',
      headers: { 'accept-encoding': 'br, gzip' },
    })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['cache-control']).toContain('immutable')
    expect(brotliDecompressSync(br.rawPayload).toString()).toContain('xxxx')
    const gz = await app.inject({
      method: 'GET',
      url: '/assets/big-5678.js',
      headers: { 'accept-encoding': 'gzip' },
    })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.rawPayload).toString()).toContain('xxxx')
    const plain = await app.inject({ method: 'GET', url: '/assets/big-5678.js' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    const api = await app.inject({
      method: 'GET',
      url: '/openapi.json',
      headers: { 'accept-encoding': 'br' },
    })
    expect(api.headers['content-encoding']).toBe('br')
    expect(JSON.parse(brotliDecompressSync(api.rawPayload).toString()).openapi).toBeDefined()
  })

  it('has the service worker and the manifest revalidated, so a new build reaches the tills', async () => {
    for (const url of ['/sw.js', '/manifest.webmanifest']) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['cache-control'], url).toBe('no-cache')
    }
  })

  it('keeps the API, its documents and their 404s as they are', async () => {
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.code).toBe('route_not_found')
    expect((await app.inject({ method: 'GET', url: '/openapi.json' })).statusCode).toBe(200)
    expect((await app.inject({ method: 'POST', url: '/till' })).statusCode).toBe(404)
  })

  it('starts without a built workspace, and then / is a plain 404', async () => {
    const home = await bare.inject({ method: 'GET', url: '/' })
    expect(home.statusCode).toBe(404)
    expect(home.json().error.code).toBe('route_not_found')
    expect((await bare.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200)
  })
})
