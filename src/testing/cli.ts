import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const src = fileURLToPath(new URL('..', import.meta.url))
const dist = fileURLToPath(new URL('../../dist', import.meta.url))
const built = join(dist, 'cli', 'main.js')

/**
 * The newest modification time of the files under `dir` with this ending, left out what the build leaves
 * out (tsconfig.build.json: tests, fixtures, src/testing).
 */
function newest(dir: string, ending: string): number {
  let at = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (path !== join(src, 'testing')) at = Math.max(at, newest(path, ending))
    } else if (entry.name.endsWith(ending) && !/\.(test|fixture)\./.test(entry.name)) {
      at = Math.max(at, statSync(path).mtimeMs)
    }
  }
  return at
}

/** Whether the build was written after the last change to the sources (CI builds at install). */
const buildIsFresh = existsSync(built) && newest(dist, '.js') >= newest(src, '.ts')

/**
 * How a child process runs a module of `src` (given by its file URL): from the build when it is fresh (a
 * start from the build takes a second where the sources through tsx take three or four of CPU), else the
 * TypeScript through tsx, so that a build older than the sources is never what is tested. The build
 * rewrites only the files whose output changed, so its newest file is compared.
 */
export function nodeArgsFor(source: URL): string[] {
  const path = fileURLToPath(source)
  const compiled = join(dist, path.slice(src.length).replace(/\.ts$/, '.js'))
  if (buildIsFresh && existsSync(compiled)) return [compiled]
  return ['--import', 'tsx', path]
}

/** The `passerelle` command line as tests run it: the build when fresh, else the sources. */
export const passerelleCommand: readonly string[] = nodeArgsFor(new URL('../cli/main.ts', import.meta.url))

/**
 * Runs the `passerelle` command line in a child process and collects what it printed. The test
 * environment's DATABASE_URL is not passed on: the command gets its database from its arguments only.
 */
export function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...passerelleCommand, ...args], {
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
    })
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
    })
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}
