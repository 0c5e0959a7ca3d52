import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import type { TestProject } from 'vitest/node'
import './provided.ts'

const webDir = fileURLToPath(new URL('..', import.meta.url))

/**
 * The workspace is built once per run (3–4 s of CPU each time) and every browser test file serves that
 * build: the files differ in what they drive, not in what they serve.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-web-'))
  await build({ root: webDir, logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } })
  project.provide('webBuild', dir)
  return () => rmSync(dir, { recursive: true, force: true })
}
