import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrationsFolder } from '../db/migrate.ts'
import { type DemoSummary, demoKeys } from './demo-keys.ts'
import { type SnapshotDescription, whyNotUsable } from './snapshot.domain.ts'
import { readArchive } from './snapshot-archive.ts'

/**
 * The demo database made once at install time (`npm install` runs `npm run demo:snapshot`): a first
 * start of the embedded database unpacks it in about a second instead of generating the demo for half
 * a minute. Git-ignored, rebuilt by every install.
 */
export const demoSnapshotFile = fileURLToPath(new URL('../../.cache/demo-pgdata.tar.gz', import.meta.url))

// The demo's own sources, from the built code (dist/demo) as from the sources (src/demo).
const demoSources = fileURLToPath(new URL('../../src/demo/', import.meta.url))

/** A hash of the demo's own code: a snapshot made before a change to it is not loaded. */
function demoCode(): string | null {
  if (!existsSync(demoSources)) return null
  const hash = createHash('sha256')
  const files = readdirSync(demoSources)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
  for (const f of files) hash.update(f).update(readFileSync(join(demoSources, f)))
  return hash.digest('hex').slice(0, 16)
}

/**
 * The schema (every migration), the engine version and the demo's code a snapshot must have been made
 * with.
 */
export function currentStamp(): { schema: string; engine: string; demo: string | null } {
  const hash = createHash('sha256')
  const files = readdirSync(migrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .sort()
  for (const f of files) hash.update(f).update(readFileSync(join(migrationsFolder, f)))
  hash.update(readFileSync(join(migrationsFolder, 'meta', '_journal.json')))
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite')
  const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as {
    version: string
  }
  return { schema: hash.digest('hex').slice(0, 16), engine: pkg.version, demo: demoCode() }
}

/** The description a snapshot starts with, without unpacking it. */
export async function readDescription(file: string): Promise<SnapshotDescription> {
  return (await readArchive<SnapshotDescription>(file, dirname(file), () => false)).description
}

export type SnapshotOutcome = { summary: DemoSummary } | { skipped: string }

/**
 * Unpacks the demo snapshot as the embedded database of a data directory that has none yet, when the
 * snapshot fits this version and is recent. Says why not otherwise (then the demo is generated).
 */
export async function loadDemoSnapshot(
  dataDir: string,
  file: string = demoSnapshotFile,
  now = new Date(),
): Promise<SnapshotOutcome> {
  if (!existsSync(file)) return { skipped: 'there is no demo snapshot (`npm run demo:snapshot` makes one)' }
  const target = join(dataDir, 'pgdata')
  if (existsSync(target) && readdirSync(target).length > 0) return { skipped: `${target} is not empty` }
  mkdirSync(dataDir, { recursive: true })
  // Unpacked aside and renamed: a start stopped half-way leaves no half database behind.
  const work = join(dataDir, `.pgdata-unpacking-${process.pid}`)
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work)
  try {
    const current = currentStamp()
    let refusal: string | undefined
    const { description, accepted } = await readArchive<SnapshotDescription>(file, work, (d) => {
      refusal = whyNotUsable(d, current, now)
      return refusal === undefined
    })
    if (!accepted) return { skipped: `the demo snapshot does not fit: ${refusal}` }
    rmSync(target, { recursive: true, force: true })
    renameSync(work, target)
    return {
      summary: { ...description.summary, seed: description.seed, keys: demoKeys, madeAt: description.madeAt },
    }
  } catch (err) {
    return { skipped: `the demo snapshot could not be read (${err instanceof Error ? err.message : err})` }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
