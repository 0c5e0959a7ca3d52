import { useEffect, useState } from 'react'
import { type Location, ok } from './api/client'
import { useSession } from './session'

let cache: { key: string; list: Promise<Location[]> } | null = null

/** The network's locations by id (a few dozen: read once per session), to show names, not ids. */
export function useLocationNames(): Map<string, Location> {
  const { api, key } = useSession()
  const [byId, setById] = useState(new Map<string, Location>())
  useEffect(() => {
    if (cache?.key !== key) {
      cache = {
        key,
        list: ok(api.GET('/api/v1/locations', { params: { query: { limit: 200 } } })).then((p) => p.data),
      }
    }
    const { list } = cache
    list.then(
      (list) => setById(new Map(list.map((l) => [l.id, l]))),
      () => {},
    )
  }, [api, key])
  return byId
}

/** A location's name for the screen: '…' until the network's names have arrived, never its internal id. */
export function locationName(locations: Map<string, Location>, id: string): string {
  return locations.get(id)?.name ?? '…'
}
