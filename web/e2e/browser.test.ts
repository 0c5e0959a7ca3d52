import { describe, expect, it } from 'vitest'
import { browserFound, browserTestsPlan, inCi } from './browser.ts'

describe('whether the browser tests run', () => {
  it('runs them wherever Chromium is installed, in CI or not', () => {
    expect(browserTestsPlan(true, false)).toBe('run')
    expect(browserTestsPlan(true, true)).toBe('run')
  })

  it('skips them on a developer machine without Chromium, and fails a CI run without it', () => {
    expect(browserTestsPlan(false, false)).toBe('skip')
    expect(browserTestsPlan(false, true)).toBe('fail')
  })

  it('reads CI=true as CI, and an unset, empty, false or 0 CI as a developer machine', () => {
    expect(inCi({ CI: 'true' })).toBe(true)
    expect(inCi({ CI: '1' })).toBe(true)
    expect(inCi({})).toBe(false)
    expect(inCi({ CI: '' })).toBe(false)
    expect(inCi({ CI: 'false' })).toBe(false)
    expect(inCi({ CI: '0' })).toBe(false)
  })

  it('finds a browser only where an executable file is', () => {
    expect(browserFound(process.execPath)).toBe(true)
    expect(browserFound('/nonexistent/chromium')).toBe(false)
  })
})
