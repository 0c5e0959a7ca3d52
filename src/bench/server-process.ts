import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const bin = fileURLToPath(new URL('../../bin/passerelle.js', import.meta.url))

export interface ServerProcess {
  url: string
  pid: number
  /** From the spawn of the process to its first answer on /health. */
  readyMs: number
  rssMb(): number
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

/** The real server, as users start it, in its own process so the load generator does not share its CPU time. */
export async function startServerProcess(
  env: { databaseUrl?: string; dataDir?: string },
  onLine: (line: string) => void,
  /** false: `serve --no-jobs`, an API process beside a `passerelle worker` (startWorkerProcess). */
  jobs = true,
): Promise<ServerProcess> {
  const port = await freePort()
  // e.g. BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=prof' to profile the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const args = [
    ...nodeArgs,
    bin,
    'serve',
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    '--log-level',
    'warn',
    // The bench measures the demo retailer, which PostgreSQL only gets when asked.
    '--demo',
    ...(jobs ? [] : ['--no-jobs']),
  ]
  if (env.databaseUrl) args.push('--database-url', env.databaseUrl)
  if (env.dataDir) args.push('--data-dir', env.dataDir)
  const spawnedAt = performance.now()
  const child = spawnPasserelle(args, env, onLine)
  const url = `http://127.0.0.1:${port}`
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`server exited with code ${code} before it was ready`))),
  )
  const deadline = Date.now() + 10 * 60_000
  const ready = (async () => {
    while (Date.now() < deadline) {
      try {
        const res = await fetch(`${url}/health`)
        if (res.ok) return
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error('server did not become ready within 10 minutes')
  })()
  await Promise.race([ready, exited])
  return {
    url,
    pid: child.pid!,
    readyMs: performance.now() - spawnedAt,
    rssMb: () => rssMb(child),
    stop: () => stop(child),
  }
}

function spawnPasserelle(
  args: string[],
  env: { databaseUrl?: string },
  onLine: (line: string) => void,
): ChildProcess {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, DATABASE_URL: env.databaseUrl ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const forward = (d: Buffer) => {
    for (const line of d.toString().split('\n')) if (line.trim()) onLine(line)
  }
  child.stdout!.on('data', forward)
  child.stderr!.on('data', forward)
  return child
}

function rssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return Math.round(kb / 1024)
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

export interface WorkerProcess {
  pid: number
  rssMb(): number
  stop(): Promise<void>
}

/** `passerelle worker` on a PostgreSQL database: the relay and the jobs, beside `serve --no-jobs` processes. */
export async function startWorkerProcess(
  databaseUrl: string,
  onLine: (line: string) => void,
): Promise<WorkerProcess> {
  let started: () => void = () => {}
  const running = new Promise<void>((resolve) => {
    started = resolve
  })
  const child = spawnPasserelle(
    [bin, 'worker', '--database-url', databaseUrl, '--log-level', 'warn'],
    { databaseUrl },
    (line) => {
      if (/worker running/.test(line)) started()
      onLine(line)
    },
  )
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`worker exited with code ${code} before it ran its jobs`))),
  )
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('worker did not start within 2 minutes')), 120_000).unref(),
  )
  await Promise.race([running, exited, timeout])
  return { pid: child.pid!, rssMb: () => rssMb(child), stop: () => stop(child) }
}
