import { describe, expect, it } from 'vitest'
import type { AppError } from '../shared/errors.ts'
import { assertDemoKeysNotExposed, demoWanted, isLoopbackHost } from './start-policy.ts'

describe('what a server decides before it listens', () => {
  it('loads the demo into an empty embedded database by default, into PostgreSQL only when asked', () => {
    expect(demoWanted('pglite', undefined)).toBe(true)
    expect(demoWanted('pglite', false)).toBe(false)
    expect(demoWanted('postgres', undefined)).toBe(false)
    expect(demoWanted('postgres', true)).toBe(true)
  })

  it('counts 127.0.0.0/8, ::1 and localhost as this machine only', () => {
    for (const host of [
      '127.0.0.1',
      '127.1.2.3',
      '::1',
      '[::1]',
      'localhost',
      'LOCALHOST',
      '::ffff:127.0.0.1',
    ])
      expect(isLoopbackHost(host), host).toBe(true)
    for (const host of [
      '0.0.0.0',
      '::',
      '192.168.1.10',
      '10.0.0.1',
      'passerelle.example.fr',
      '::2',
      '128.0.0.1',
    ])
      expect(isLoopbackHost(host), host).toBe(false)
  })

  it('refuses a public address while demo keys work, and says how to revoke them', () => {
    expect(() => assertDemoKeysNotExposed('127.0.0.1', ['pk_demo_admin'])).not.toThrow()
    expect(() => assertDemoKeysNotExposed('0.0.0.0', [])).not.toThrow()
    const refusal = (() => {
      try {
        assertDemoKeysNotExposed('0.0.0.0', ['pk_demo_admin', 'pk_demo_store'])
      } catch (err) {
        return err as AppError
      }
    })()
    expect(refusal?.code).toBe('demo_keys_active')
    expect(refusal?.message).toContain('pk_demo_admin, pk_demo_store')
    expect(refusal?.message).toContain('passerelle keys revoke-demo')
  })

  it('refuses to load the demo into a database served on a public address, suggesting --no-demo', () => {
    expect(() => assertDemoKeysNotExposed('0.0.0.0', ['pk_demo_admin'], true)).toThrow(/--no-demo/)
    expect(() => assertDemoKeysNotExposed('localhost', ['pk_demo_admin'], true)).not.toThrow()
  })
})
