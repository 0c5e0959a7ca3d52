// Whether the workspace's build (web/dist) is older than what it is made from: its sources, the rules it
// shares with the server (src/**/*.domain.ts, bundled into the till's offline pricing and the screens),
// its build settings and the locked dependencies. `npm start` rebuilds it then (prestart), and the
// browser tests serve the install's build only when it is not.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The newest modification time of the files under `path` that `keep` accepts (a file or a folder). */
function newest(path, keep) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return keep(path) ? stat.mtimeMs : 0
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name), keep)))
}

export function webBuildIsFresh(root) {
  // The build's last file: its service worker is written once every asset is.
  const stamp = join(root, 'web', 'dist', 'sw.js')
  if (!existsSync(stamp)) return false
  const web = ['src', 'pwa', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json'].map((p) =>
    newest(join(root, 'web', p), () => true),
  )
  const shared = newest(join(root, 'src'), (p) => p.endsWith('.domain.ts'))
  const lock = newest(join(root, 'package-lock.json'), () => true)
  return Math.max(...web, shared, lock) <= statSync(stamp).mtimeMs
}
