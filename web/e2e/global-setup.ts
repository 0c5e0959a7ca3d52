import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import './provided.ts'

const webDir = fileURLToPath(new URL('..', import.meta.url))
const root = fileURLToPath(new URL('../..', import.meta.url))

/** The newest modification time under `path` (a file or a folder). */
function newest(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
}

/**
 * The install's build of the workspace (`npm ci` runs `npm run build:web`) when it was made after every
 * file it is made from; its service worker is written last, once every asset is.
 */
export function freshInstalledBuild(): string | undefined {
  const dist = join(webDir, 'dist')
  const stamp = join(dist, 'sw.js')
  if (!existsSync(stamp)) return undefined
  const inputs = ['src', 'pwa', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json'].map((p) =>
    join(webDir, p),
  )
  const changed = Math.max(...[...inputs, join(root, 'package-lock.json')].map(newest))
  return changed <= statSync(stamp).mtimeMs ? dist : undefined
}

/**
 * Every browser test file serves one build of the workspace: the install's when it is up to date, else
 * one made here once for the run (3–4 s of CPU); the files differ in what they drive, not in what they serve.
 */
export default async function setup(project: TestProject) {
  const installed = freshInstalledBuild()
  if (installed) {
    project.provide('webBuild', installed)
    return
  }
  const { build } = await import('vite')
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-web-'))
  await build({ root: webDir, logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } })
  project.provide('webBuild', dir)
  return () => rmSync(dir, { recursive: true, force: true })
}
