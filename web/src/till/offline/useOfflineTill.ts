import { useEffect, useState } from 'react'
import type { Api, Channel, Location } from '../../api/client'
import { catalogueScope, FRESH_MS, loadCatalogue, type OfflineCatalogue, refreshCatalogue } from './catalogue'
import { type OfflineSale, onQueueChange, queued, replay, unreachable } from './queue'

// Whether the server answers, as the till last found out: shared by every screen of the tab.
let online = true
const flips = new EventTarget()

function setOnline(next: boolean) {
  if (online === next) return
  online = next
  flips.dispatchEvent(new Event('change'))
}

/** Any call that got no answer says the server is out of reach; the till turns offline. */
export function reportNetwork(err: unknown) {
  if (unreachable(err)) setOnline(false)
}

/** How often a till out of reach asks the server whether it is back. */
const PROBE_MS = 1500

export interface OfflineTill {
  online: boolean
  catalogue: OfflineCatalogue | null
  /** The slice is being fetched. */
  refreshing: boolean
  /** This register's offline sales, oldest first (sent and refused ones included). */
  sales: OfflineSale[]
  /** Waiting sales are being sent. */
  replaying: boolean
}

/**
 * The till's offline side: the store's catalogue slice (loaded from the browser, fetched again when
 * older than a quarter of an hour), whether the server answers (asked again every 1.5 s while it does
 * not), and this register's offline sales, sent as soon as it answers.
 */
export function useOfflineTill(
  api: Api,
  store: Location | null,
  channel: Channel | null,
  register: string,
  enabled: boolean,
): OfflineTill {
  const [isOnline, setIsOnline] = useState(online)
  const [catalogue, setCatalogue] = useState<OfflineCatalogue | null>(null)
  const [refreshing, setRefreshing] = useState(false)
  const [sales, setSales] = useState<OfflineSale[]>([])
  const [replaying, setReplaying] = useState(false)
  const storeId = store?.id ?? null

  useEffect(() => {
    const listener = () => setIsOnline(online)
    flips.addEventListener('change', listener)
    return () => flips.removeEventListener('change', listener)
  }, [])

  // The kept slice first (a till opened offline sells at once), then a fresh one when it is old.
  useEffect(() => {
    if (!enabled || !storeId || !channel) return
    let current = true
    const refresh = () => {
      if (!online) return
      setRefreshing(true)
      refreshCatalogue(api, storeId, channel)
        .then((fresh) => current && setCatalogue(fresh), reportNetwork)
        .finally(() => current && setRefreshing(false))
    }
    loadCatalogue(catalogueScope(storeId, channel.id))
      .catch(() => undefined)
      .then((kept) => {
        if (!current) return
        if (kept) setCatalogue(kept)
        if (!kept || Date.now() - new Date(kept.fetchedAt).getTime() > FRESH_MS) refresh()
      })
    const timer = setInterval(refresh, FRESH_MS)
    return () => {
      current = false
      clearInterval(timer)
    }
  }, [api, enabled, storeId, channel])

  useEffect(() => {
    if (!enabled) return
    let current = true
    const load = () =>
      queued(register).then(
        (list) => current && setSales(list),
        () => undefined,
      )
    void load()
    const stop = onQueueChange(load)
    return () => {
      current = false
      stop()
    }
  }, [enabled, register])

  // Out of reach: ask /health until it answers.
  useEffect(() => {
    if (!enabled || isOnline) return
    const timer = setInterval(() => {
      fetch('/health', { cache: 'no-store' }).then(
        (res) => res.ok && setOnline(true),
        () => undefined,
      )
    }, PROBE_MS)
    return () => clearInterval(timer)
  }, [enabled, isOnline])

  const waiting = sales.filter((s) => s.state === 'pending').length
  useEffect(() => {
    if (!enabled || !isOnline || waiting === 0) return
    setReplaying(true)
    replay(api, register)
      .then((outcome) => {
        if (outcome === 'unreachable') setOnline(false)
      })
      .finally(() => setReplaying(false))
  }, [api, enabled, isOnline, waiting, register])

  return { online: isOnline, catalogue, refreshing, sales, replaying }
}

/** Tells the till the server is out of reach now (a sale that got no answer). */
export const markOffline = () => setOnline(false)
