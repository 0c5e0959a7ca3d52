// `npm start` builds first (prestart), but a TypeScript build with nothing to do still costs 3–7 s
// before the server even starts: build only when a source or the compiler settings changed since. The
// same for the workspace: built again when its sources are newer than web/dist, not only when it is missing.
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { webBuildIsFresh } from './web-build.mjs'

const stamp = 'dist/.tsbuildinfo'
const mtime = (path) => statSync(path).mtimeMs

function newest(dir) {
  let latest = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name)
    if (e.isDirectory()) latest = Math.max(latest, newest(path))
    else if (e.name.endsWith('.ts') || e.name.endsWith('.json')) latest = Math.max(latest, mtime(path))
  }
  return latest
}

const changed = Math.max(
  newest('src'),
  mtime('tsconfig.json'),
  mtime('tsconfig.build.json'),
  mtime('package.json'),
)
if (!existsSync(stamp) || changed > mtime(stamp)) {
  execSync('npm run build --silent', { stdio: 'inherit' })
  // tsc leaves its build info alone when the output is already up to date.
  const now = new Date()
  utimesSync(stamp, now, now)
}

if (!webBuildIsFresh(process.cwd())) execSync('npm run build:web --silent', { stdio: 'inherit' })
