import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

// The sources under test, not a build that may be older.
const main = fileURLToPath(new URL('../cli/main.ts', import.meta.url))

/**
 * Runs the `passerelle` command line in a child process and collects what it printed. The test
 * environment's DATABASE_URL is not passed on: the command gets its database from its arguments only.
 */
export function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
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
