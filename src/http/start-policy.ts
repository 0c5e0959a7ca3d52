import { isIP } from 'node:net'
import type { DatabaseKind } from '../db/database.ts'
import { startupError } from '../shared/common.errors.ts'

// What a server decides before it listens: pure rules over its configuration and its database.

/**
 * The demo retailer goes into an empty embedded database unless refused (`npm start` shows a working
 * retailer), and into an empty PostgreSQL database only when asked: PostgreSQL means production,
 * where the demo's published keys would open the whole API to anyone.
 */
export function demoWanted(kind: DatabaseKind, requested: boolean | undefined): boolean {
  return requested ?? kind === 'pglite'
}

/** 127.0.0.0/8, ::1 and localhost: only this machine can connect. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
  if (h === 'localhost' || h.endsWith('.localhost')) return true
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h
  if (isIP(v4) === 4) return v4.startsWith('127.')
  return isIP(h) === 6 && /^(0{0,4}:){1,7}0{0,3}1$|^::1$/.test(h)
}

/**
 * The demo keys' secrets are printed in the README: a server others can reach must not accept them.
 * Throws `demo_keys_active` when these demo keys work (or are about to be loaded with the demo:
 * `loading`) and `host` is not this machine only.
 */
export function assertDemoKeysNotExposed(host: string, demoSecrets: string[], loading = false): void {
  if (demoSecrets.length === 0 || isLoopbackHost(host)) return
  const keys = demoSecrets.join(', ')
  throw startupError(
    'demo_keys_active',
    loading
      ? `Refusing to listen on ${host}: this empty database would get the demo retailer and its public ` +
          `API keys (${keys}), which anyone reaching this address could use. Start with --no-demo, or ` +
          'load the demo on 127.0.0.1 and revoke its keys (`passerelle keys revoke-demo`) before serving it here.'
      : `Refusing to listen on ${host}: the demo API keys (${keys}) are public and still work in this ` +
          'database, so anyone reaching this address could use them. Revoke them with ' +
          '`passerelle keys revoke-demo` (same DATABASE_URL or --data-dir, server stopped) or ' +
          '`DELETE /api/v1/api-keys/{id}` for each from a server on 127.0.0.1, create your own key with ' +
          '`passerelle keys create --role admin --name "Back office"`, then start again; or listen on 127.0.0.1.',
    { host, demo_keys: demoSecrets },
  )
}
