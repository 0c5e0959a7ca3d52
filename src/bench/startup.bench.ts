import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { scratchPostgres } from './scratch-postgres.ts'
import { startServerProcess } from './server-process.ts'

const bin = fileURLToPath(new URL('../../bin/passerelle.js', import.meta.url))
const log = (msg: string) => process.stderr.write(`${msg}\n`)
const seconds = (ms: number) => Math.round(ms / 100) / 10
const LATER_STARTS = 3
const IDLE_S = 5

/**
 * What a user waits for and what a server costs at rest, each measured from the spawn of
 * `passerelle serve` to its first answer on /health:
 * - first_start_s: a new embedded data directory, as after `npm install` (from the demo snapshot
 *   when there is one; first_start_demo says which);
 * - later_start_s: the same directory started again (median of 3);
 * - idle_rss_mb: a server on PostgreSQL with the demo loaded, after 5 s at rest (DATABASE_URL only).
 */
export async function startupSection(databaseUrl?: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {}
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-startup-'))
  try {
    let demo = 'generated'
    const first = await startServerProcess({ dataDir: dir }, (line) => {
      if (line.includes('from its snapshot')) demo = 'snapshot'
    })
    await first.stop()
    out.first_start_s = seconds(first.readyMs)
    out.first_start_demo = demo
    const later: number[] = []
    for (let i = 0; i < LATER_STARTS; i++) {
      const server = await startServerProcess({ dataDir: dir }, () => {})
      await server.stop()
      later.push(server.readyMs)
    }
    out.later_start_s = seconds(later.sort((a, b) => a - b)[Math.floor(LATER_STARTS / 2)]!)
    log(`bench: first start ${out.first_start_s} s (${demo}), later start ${out.later_start_s} s`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  if (!databaseUrl) {
    log('bench: idle RSS on PostgreSQL skipped: set DATABASE_URL')
    return out
  }
  const scratch = await scratchPostgres(databaseUrl, `passerelle_bench_startup_${process.pid}`)
  try {
    log('bench: loading the demo into a scratch PostgreSQL database for the idle RSS…')
    await seedDemo(scratch.url)
    const server = await startServerProcess({ databaseUrl: scratch.url }, () => {})
    try {
      await new Promise((r) => setTimeout(r, IDLE_S * 1000))
      out.idle_rss_mb = server.rssMb()
    } finally {
      await server.stop()
    }
  } finally {
    await scratch.drop()
  }
  return out
}

function seedDemo(databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'seed', '--demo', '--database-url', databaseUrl], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString()
    })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`passerelle seed --demo failed: ${stderr.slice(-500)}`)),
    )
  })
}
