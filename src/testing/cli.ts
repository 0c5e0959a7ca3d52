import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { compiledModule } from '../shared/compiled.ts'

/**
 * How a child process runs a module of `src` (given by its file URL): the build's when it is newer than
 * the sources (src/shared/compiled.ts), else the TypeScript through tsx, so that a build older than the
 * sources is never what is tested.
 */
export function nodeArgsFor(source: URL): string[] {
  const compiled = compiledModule(source)
  return compiled ? [fileURLToPath(compiled)] : ['--import', 'tsx', fileURLToPath(source)]
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
