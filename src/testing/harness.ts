import { randomBytes } from 'node:crypto'
import { createApiKey } from '../access/index.ts'
import { type App, buildApp } from '../app/app.ts'
import type { Database } from '../db/database.ts'
import { leaseDatabase } from './shared-database.ts'

export { openTestDatabase, type TestDbKind, testDbKind } from './test-database.ts'

export interface TestContext {
  app: App
  database: Database
  /** Secret of an admin key. */
  admin: string
  /** The PostgreSQL URL of the test database (none on the embedded one). */
  databaseUrl?: string
  close(): Promise<void>
}

export async function startTestApp(): Promise<TestContext> {
  const { database, url, release } = await leaseDatabase()
  try {
    const app = await buildApp({ database })
    const { secret } = await createApiKey(database.db, { name: 'test admin', role: 'admin' })
    return {
      app,
      database,
      admin: secret,
      databaseUrl: url,
      close: async () => {
        await app.close()
        await release()
      },
    }
  } catch (err) {
    await release()
    throw err
  }
}

type Payload = Record<string, unknown> | unknown[]

/** A tiny HTTP client over `app.inject` authenticated with one key: `as(t.app, secret).post(url, body)`. */
export function as(app: App, secret: string | null) {
  const headers = (extra?: Record<string, string>) => ({
    ...(secret ? { authorization: `Bearer ${secret}` } : {}),
    ...extra,
  })
  return {
    get: (url: string, extra?: Record<string, string>) =>
      app.inject({ method: 'GET', url, headers: headers(extra) }),
    post: (url: string, payload?: Payload, extra?: Record<string, string>) =>
      app.inject({ method: 'POST', url, payload: payload ?? {}, headers: headers(extra) }),
    put: (url: string, payload?: Payload, extra?: Record<string, string>) =>
      app.inject({ method: 'PUT', url, payload: payload ?? {}, headers: headers(extra) }),
    patch: (url: string, payload?: Payload, extra?: Record<string, string>) =>
      app.inject({ method: 'PATCH', url, payload: payload ?? {}, headers: headers(extra) }),
    delete: (url: string, extra?: Record<string, string>) =>
      app.inject({ method: 'DELETE', url, headers: headers(extra) }),
  }
}

/** A unique suffix so tests sharing one database never collide on codes and SKUs. */
export function unique(prefix = ''): string {
  return `${prefix}${randomBytes(4).toString('hex')}`.toUpperCase()
}
