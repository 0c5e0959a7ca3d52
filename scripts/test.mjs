// `npm test`: the static checks (scripts/checks.mjs) and Vitest side by side. The checks are mostly the
// TypeScript compiler on one core while Vitest's first seconds wait on database set-up, so overlapping
// them costs less than running them one after the other. Vitest's output streams as it goes; the checks'
// summary is printed when they end. A failed check stops the run at once (exit 1); otherwise the exit
// code is Vitest's.
import { spawn } from 'node:child_process'

const args = process.argv.slice(2)
const checks = spawn(process.execPath, ['scripts/checks.mjs'], { stdio: ['ignore', 'pipe', 'pipe'] })
const tests = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...args], {
  stdio: 'inherit',
})

let checksOut = ''
checks.stdout.on('data', (d) => {
  checksOut += d
})
checks.stderr.on('data', (d) => {
  checksOut += d
})

const checksDone = new Promise((resolve) => checks.on('close', (code) => resolve(code ?? 1)))
const testsDone = new Promise((resolve) => tests.on('close', (code) => resolve(code ?? 1)))

const checksCode = await checksDone
process.stdout.write(`\nStatic checks:\n${checksOut}`)
if (checksCode !== 0) {
  process.stdout.write('\nA static check failed: the tests are stopped.\n')
  tests.kill('SIGTERM')
  await testsDone
  process.exit(1)
}
process.exit(await testsDone)
