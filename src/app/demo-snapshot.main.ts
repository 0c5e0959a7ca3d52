import { existsSync } from 'node:fs'
import { relative } from 'node:path'
import { whyNotUsable } from '../demo/snapshot.domain.ts'
import { currentStamp, demoSnapshotFile, readDescription } from '../demo/snapshot.ts'
import { buildDemoSnapshot, sizeMb } from '../demo/snapshot-build.ts'
// The composition first: the demo's business orders go through the order path, which needs its ports.
import './ports.ts'

/**
 * `npm run demo:snapshot` (run by `npm install` through `prepare`): makes the demo database a first
 * `npm start` unpacks. It only saves time, so a failure warns and lets the install succeed (the first
 * start then generates the demo). PASSERELLE_DEMO_SNAPSHOT=off skips it (e.g. a PostgreSQL-only image).
 */
const HOURS_KEPT = 12
const shown = relative(process.cwd(), demoSnapshotFile) || demoSnapshotFile

if (process.env.PASSERELLE_DEMO_SNAPSHOT === 'off') {
  process.stderr.write('passerelle: demo snapshot skipped (PASSERELLE_DEMO_SNAPSHOT=off)\n')
} else if (!process.argv.includes('--force') && (await stillGood())) {
  process.stderr.write(`passerelle: demo snapshot ${shown} is recent, kept (--force makes a new one)\n`)
} else {
  const startedAt = Date.now()
  process.stderr.write('passerelle: generating the demo database snapshot for a fast first start…\n')
  try {
    const made = await buildDemoSnapshot()
    process.stderr.write(
      `passerelle: demo snapshot ${shown} (${sizeMb(demoSnapshotFile)} MB, ${made.summary.orders} orders) ` +
        `made in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`,
    )
  } catch (err) {
    process.stderr.write(
      `passerelle: warning: the demo snapshot could not be made (${err instanceof Error ? err.message : err}); ` +
        'the first start will generate the demo instead (about half a minute)\n',
    )
  }
}

/** An install repeated the same day keeps a snapshot that fits this version. */
async function stillGood(): Promise<boolean> {
  if (!existsSync(demoSnapshotFile)) return false
  try {
    const d = await readDescription(demoSnapshotFile)
    const fresh = Date.now() - Date.parse(d.madeAt) < HOURS_KEPT * 3_600_000
    return fresh && whyNotUsable(d, currentStamp(), new Date()) === undefined
  } catch {
    return false
  }
}
