// Runs npm scripts side by side (`node scripts/parallel.mjs build:web demo:snapshot`): install's last
// steps are independent, and one mostly waits on the disk while the other computes. Output streams as
// it comes; the exit code is the first failure's.
import { spawn } from 'node:child_process'

const names = process.argv.slice(2)
const codes = await Promise.all(
  names.map(
    (name) =>
      new Promise((resolve) => {
        const child = spawn('npm', ['run', '--silent', name], { stdio: 'inherit' })
        child.on('close', (code) => resolve(code ?? 1))
        child.on('error', () => resolve(1))
      }),
  ),
)
process.exit(codes.find((c) => c !== 0) ?? 0)
