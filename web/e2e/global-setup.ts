import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { webBuildIsFresh } from '../../scripts/web-build.mjs'
import './provided.ts'

const webDir = fileURLToPath(new URL('..', import.meta.url))
const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * The install's build of the workspace (`npm ci` runs `npm run build:web`) when it was made after every
 * file it is made from (scripts/web-build.mjs).
 */
export function freshInstalledBuild(): string | undefined {
  return webBuildIsFresh(root) ? join(webDir, 'dist') : undefined
}

/**
 * Every browser test file serves one build of the workspace: the install's when it is up to date, else
 * one made here once for the run (3–4 s of CPU); the files differ in what they drive, not in what they serve.
 */
export default async function setup(project: TestProject) {
  const demo = await unpackedDemo()
  if (demo) project.provide('demoDataDir', demo)
  const dropDemo = () => {
    if (demo) rmSync(dirname(demo), { recursive: true, force: true })
  }
  const installed = freshInstalledBuild()
  if (installed) {
    project.provide('webBuild', installed)
    return dropDemo
  }
  const { build } = await import('vite')
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-web-'))
  await build({ root: webDir, logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } })
  project.provide('webBuild', dir)
  return () => {
    rmSync(dir, { recursive: true, force: true })
    dropDemo()
  }
}

/**
 * The install's demo snapshot unpacked once for the run, as a first start unpacks it: each browser test
 * file copies the directory (0.4 CPU-s) instead of unpacking the archive again (1.4). Undefined when the
 * snapshot does not fit this version: each file then gets its demo as a first start would.
 */
async function unpackedDemo(): Promise<string | undefined> {
  const { loadDemoSnapshot } = await import('../../src/demo/snapshot.ts')
  const dir = join(mkdtempSync(join(tmpdir(), 'passerelle-e2e-demo-')), 'data')
  if ('summary' in (await loadDemoSnapshot(dir))) return dir
  rmSync(dirname(dir), { recursive: true, force: true })
  return undefined
}
