import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startServer } from '../app/server.ts'
import { rows } from '../db/database.ts'
import { loadConfig } from '../shared/config.ts'
import { testDbKind } from '../testing/harness.ts'
import { type SnapshotDescription, whyNotUsable } from './snapshot.domain.ts'
import { currentStamp, demoSnapshotFile, readDescription } from './snapshot.ts'
import { writeArchive } from './snapshot-archive.ts'
import { buildDemoSnapshot } from './snapshot-build.ts'

/** Starts a server on a new embedded data directory and records what it reports. */
async function firstStart(dataDir: string, demoSnapshot: string) {
  const progress = new Set<string>()
  const printed: string[] = []
  const stderr: string[] = []
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr.push(String(chunk))
    return true
  })
  try {
    const config = loadConfig({ port: '0', host: '127.0.0.1', dataDir, logLevel: 'silent' }, {})
    const server = await startServer(config, {
      handleSignals: false,
      demoSnapshot,
      // Generated when the snapshot does not fit: a smaller history does (the whole one is made at install).
      demoTillSales: 300,
      onProgress: (step) => progress.add(step),
      print: (line) => printed.push(line),
    })
    return { server, progress, printed: printed.join('\n'), stderr: stderr.join('') }
  } finally {
    spy.mockRestore()
  }
}

// The embedded database only: a PostgreSQL database never starts from a snapshot.
describe.skipIf(testDbKind() === 'postgres')('the first start of the embedded database', () => {
  let dir: string
  let snapshot: string
  let made: SnapshotDescription

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'passerelle-snapshot-'))
    // The snapshot the install made, as a first start finds it, when it fits this version; else one made
    // here, with a smaller history than the real demo's (what is checked is where the data comes from).
    const installed = existsSync(demoSnapshotFile) ? await readDescription(demoSnapshotFile) : undefined
    if (installed && whyNotUsable(installed, currentStamp(), new Date()) === undefined) {
      snapshot = demoSnapshotFile
      made = installed
    } else {
      snapshot = join(dir, 'demo-pgdata.tar.gz')
      made = await buildDemoSnapshot({ file: snapshot, tillSales: 300 })
    }
  }, 600_000)
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('starts from the demo snapshot made at install instead of generating the demo', async () => {
    const { server, progress, printed } = await firstStart(join(dir, 'from-snapshot'), snapshot)
    try {
      expect([...progress]).toEqual([])
      expect(printed).toContain(`Maison Passerelle loaded from its snapshot of ${made.madeAt.slice(0, 10)}`)
      const locations = await fetch(`${server.url}/api/v1/locations?limit=200`, {
        headers: { authorization: 'Bearer pk_demo_admin' },
      })
      expect(locations.status).toBe(200)
      expect(((await locations.json()) as { data: unknown[] }).data).toHaveLength(22)
      const [n] = await rows<{ orders: number }>(
        server.database.db,
        sql`SELECT count(*)::int AS orders FROM orders`,
      )
      expect(n!.orders).toBe(made.summary.orders)
    } finally {
      await server.stop()
    }
  })

  it('generates the demo when the snapshot was made for another version of the schema', async () => {
    const older = join(dir, 'older.tar.gz')
    const empty = join(dir, 'empty')
    mkdirSync(empty)
    await writeArchive(empty, older, { ...made, schema: 'an-older-schema' })
    const { server, progress, printed, stderr } = await firstStart(join(dir, 'generated'), older)
    try {
      expect(stderr).toContain('another version of the database schema')
      expect(progress.has('generate')).toBe(true)
      expect(printed).toMatch(/Maison Passerelle loaded: 22 locations/)
      const keys = await fetch(`${server.url}/api/v1/api-keys`, {
        headers: { authorization: 'Bearer pk_demo_admin' },
      })
      expect(keys.status).toBe(200)
    } finally {
      await server.stop()
    }
  }, 600_000)
})
