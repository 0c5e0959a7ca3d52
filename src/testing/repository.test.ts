import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' })
const inGit = (() => {
  try {
    return git('rev-parse', '--is-inside-work-tree').trim() === 'true'
  } catch {
    return false
  }
})()

// A source archive without its git history has nothing to check.
describe.skipIf(!inGit)('the repository', () => {
  it('carries no scratch files of a benchmark or a test run at its root', () => {
    const scratch = git('ls-files')
      .split('\n')
      .filter((f) => /^\.tmp/.test(f))
    expect(scratch).toEqual([])
  })

  it('ignores the scratch files a benchmark or a test run leaves at its root', () => {
    for (const path of ['.tmp-bench-pg.err', '.tmp-bench-pg.txt', '.tmp/pglite-migrated.tar']) {
      expect(git('check-ignore', '--no-index', path).trim(), path).toBe(path)
    }
  })
})
