// The static checks `npm test` runs before the tests: format and lint, the import rules, and the two
// type-check programs (server, workspace). They are independent, so they run side by side: the machine's
// cores overlap them (about half the time of running them one after another on two cores). Each check's
// output is printed whole when it ends; the exit code is the first failure's. The type checks run
// TypeScript's native compiler (`tsgo`, @typescript/native-preview): the same language and settings as
// TypeScript 5.9, which stays installed for the tools that use the compiler's JavaScript API
// (openapi-typescript, dependency-cruiser), for about 2.5 times less CPU (server 62 → 26 s, workspace
// 23 → 5 s, measured with /usr/bin/time). One checker per program: tsgo's default of four type checkers
// repeats work in each and, on two cores, took 12.8 s and 24 CPU-seconds for the server where one
// checker takes 7.5 s and 9 (the checks run beside the tests, which want the CPU).
import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'

const checks = [
  ['types (server, tests, scripts)', 'npx', ['tsgo', '--noEmit', '--checkers', '1']],
  ['format and lint', 'npx', ['biome', 'check', '.']],
  ['import rules', 'npm', ['run', '--silent', 'lint:imports']],
  ['types (workspace)', 'npx', ['tsgo', '-p', 'web', '--checkers', '1']],
]

function run([name, command, args]) {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    child.stderr.on('data', (d) => {
      out += d
    })
    child.on('close', (code) => {
      const s = ((Date.now() - started) / 1000).toFixed(1)
      process.stdout.write(`${code === 0 ? '✓' : '✗'} ${name} (${s} s)\n${code === 0 ? '' : out}`)
      resolve(code ?? 1)
    })
  })
}

const slots = Math.max(2, Math.min(checks.length, availableParallelism()))
const queue = [...checks]
const codes = []
await Promise.all(
  Array.from({ length: slots }, async () => {
    while (queue.length > 0) codes.push(await run(queue.shift()))
  }),
)
process.exit(codes.find((c) => c !== 0) ?? 0)
