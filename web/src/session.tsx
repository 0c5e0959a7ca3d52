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
  try {
    return await checkedSession(key, api)
  } catch (err) {
    // Unreachable at any of the three calls (the server stopped between them, too): the kept session.
    const kept = keptSession(key)
    if (err instanceof ApiError && err.status === 0 && kept) return { key, api, ...kept }
    throw err
  }
}

async function checkedSession(key: string, api: Session['api']): Promise<Session> {
  const me: Me = await ok(api.GET('/api/v1/me'))
  const channelOf = async (): Promise<Channel | null> => {
    if (me.channel_id)
      return ok(api.GET('/api/v1/channels/{ref}', { params: { path: { ref: me.channel_id } } }))
    if (me.role !== 'store_staff') return null
    const channels = await ok(api.GET('/api/v1/channels', { params: { query: { limit: 100 } } }))
    return channels.data.find((c) => c.kind === 'store') ?? null
  }
  const [store, channel] = await Promise.all([
    me.location_id
      ? ok(api.GET('/api/v1/locations/{ref}', { params: { path: { ref: me.location_id } } }))
      : null,
    channelOf(),
  ])
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

/**
 * The session this tab last signed in with, to open the workspace at once on a reload (the first
 * screen does not wait for three calls); App checks it again with `signIn` behind it.
 */
export function restoredSession(): Session | null {
  const key = storedKey()
  const kept = key ? keptSession(key) : null
  return key && kept ? { key, api: apiClient(key), ...kept } : null
}

/** Whether two sessions show the same person, store and channel (the newer one need not re-render). */
export function sameSession(a: Session, b: Session): boolean {
  const shown = (x: Session) => JSON.stringify([x.key, x.me, x.store, x.channel])
  return shown(a) === shown(b)
}

export const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside a signed-in workspace')
  return session
}
