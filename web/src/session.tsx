import { createContext, useContext } from 'react'
import { type Api, ApiError, apiClient, type Channel, type Location, type Me, ok } from './api/client'

/** Who is signed in, with what their key is bound to. */
export interface Session {
  key: string
  api: Api
  me: Me
  /** The store of a store_staff key. */
  store: Location | null
  /** The channel sales are made in: a store key's store channel, or the key's own channel. */
  channel: Channel | null
}

const KEY = 'passerelle.key'

export const storedKey = () => sessionStorage.getItem(KEY)
export const forgetKey = () => {
  sessionStorage.removeItem(KEY)
  sessionStorage.removeItem(KEPT)
}

const KEPT = 'passerelle.session'

/**
 * Checks a key with GET /me and loads what the screens need; keeps it for this tab only. When the
 * server cannot be reached, a key this tab already signed in with opens the workspace as it was (an
 * offline till reloaded); the server checks the key again with the next call that reaches it.
 */
export async function signIn(key: string): Promise<Session> {
  const api = apiClient(key)
  let me: Me
  try {
    me = await ok(api.GET('/api/v1/me'))
  } catch (err) {
    const kept = keptSession(key)
    if (err instanceof ApiError && err.status === 0 && kept) return { key, api, ...kept }
    throw err
  }
  const store = me.location_id
    ? await ok(api.GET('/api/v1/locations/{ref}', { params: { path: { ref: me.location_id } } }))
    : null
  let channel: Channel | null = null
  if (me.channel_id) {
    channel = await ok(api.GET('/api/v1/channels/{ref}', { params: { path: { ref: me.channel_id } } }))
  } else if (me.role === 'store_staff') {
    const channels = await ok(api.GET('/api/v1/channels', { params: { query: { limit: 100 } } }))
    channel = channels.data.find((c) => c.kind === 'store') ?? null
  }
  sessionStorage.setItem(KEY, key)
  sessionStorage.setItem(KEPT, JSON.stringify({ key, me, store, channel }))
  return { key, api, me, store, channel }
}

function keptSession(key: string): Pick<Session, 'me' | 'store' | 'channel'> | null {
  try {
    const kept = JSON.parse(sessionStorage.getItem(KEPT) ?? 'null') as
      | (Omit<Session, 'api'> & { key: string })
      | null
    return kept && kept.key === key ? { me: kept.me, store: kept.store, channel: kept.channel } : null
  } catch {
    return null
  }
}

export const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside a signed-in workspace')
  return session
}
