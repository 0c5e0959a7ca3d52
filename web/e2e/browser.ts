import { accessSync, constants } from 'node:fs'

// Read by vitest.config.ts before any test runs: keep this file free of heavy imports.

/**
 * Debian's Chromium built as a headless shell (package `chromium-headless-shell`, the same sources and
 * version as `chromium`): no window system, no PDF viewer, about half the CPU of the full browser run
 * headless for the same tests (measured in BENCHMARKS.md). Preferred when installed.
 */
export const headlessShellPath = '/usr/lib/chromium/chromium-headless-shell'
const fullChromiumPath = '/usr/bin/chromium'

/** The Chromium the browser tests drive: Debian's packages, never a downloaded one. */
export const chromiumPath =
  process.env.CHROMIUM_PATH ?? (executable(headlessShellPath) ? headlessShellPath : fullChromiumPath)

export const missingBrowser =
  `Chromium not found at ${chromiumPath}: install it (Debian, Ubuntu: sudo apt-get install ` +
  'chromium-headless-shell, or chromium) or set CHROMIUM_PATH to a Chromium binary'

/**
 * Whether the browser tests run. A developer's machine without Chromium skips them so the rest of
 * `npm test` still tells something; CI must run them, so there a missing browser fails the run.
 */
export function browserTestsPlan(browserFound: boolean, ci: boolean): 'run' | 'skip' | 'fail' {
  if (browserFound) return 'run'
  return ci ? 'fail' : 'skip'
}

/** CI=true (GitHub Actions, GitLab CI and most others set it); CI=false or CI=0 do not count. */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase()
  return value !== undefined && value !== '' && value !== 'false' && value !== '0'
}

export function browserFound(path = chromiumPath): boolean {
  return executable(path)
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}
