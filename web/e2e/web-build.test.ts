import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { webBuildIsFresh } from '../../scripts/web-build.mjs'

let root: string
/** Writes a file of the tree, dated `at` seconds after 2026-01-01. */
function file(path: string, at: number) {
  const full = join(root, path)
  mkdirSync(dirname(full), { recursive: true })
  writeFileSync(full, '')
  const t = new Date(Date.UTC(2026, 0, 1) + at * 1000)
  utimesSync(full, t, t)
}

function tree() {
  root = mkdtempSync(join(tmpdir(), 'web-build-'))
  file('web/src/main.tsx', 10)
  file('web/index.html', 10)
  file('src/shared/money.domain.ts', 10)
  file('src/orders/orders.service.ts', 10)
  file('package-lock.json', 10)
  file('web/dist/sw.js', 20)
}

afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('the workspace build `npm start` and the browser tests serve', () => {
  it('is fresh when it was made after its sources, and after the server-only code changed', () => {
    tree()
    expect(webBuildIsFresh(root)).toBe(true)
    file('src/orders/orders.service.ts', 30)
    expect(webBuildIsFresh(root)).toBe(true)
  })

  it('is stale when a screen, a rule it bundles from the server, or the locked dependencies changed', () => {
    for (const changed of ['web/src/main.tsx', 'src/shared/money.domain.ts', 'package-lock.json']) {
      tree()
      file(changed, 30)
      expect(webBuildIsFresh(root), changed).toBe(false)
      rmSync(root, { recursive: true, force: true })
    }
    tree()
  })

  it('is missing until its service worker, written last, is there', () => {
    tree()
    rmSync(join(root, 'web/dist/sw.js'))
    expect(webBuildIsFresh(root)).toBe(false)
  })
})
