import { useEffect, useState } from 'react'
import { type Channel, ok } from './api/client'
import { useSession } from './session'

let cache: { key: string; list: Promise<Channel[]> } | null = null

/**
 * The sales channels (a handful: read once per session), to show their names rather than their codes:
 * by channel code and id, and by the code of their price list.
 */
export function useChannels() {
  const { api, key } = useSession()
  const [channels, setChannels] = useState<Channel[]>([])
  useEffect(() => {
    if (cache?.key !== key) {
      cache = {
        key,
        list: ok(api.GET('/api/v1/channels', { params: { query: { limit: 100 } } })).then((p) => p.data),
      }
    }
    cache.list.then(setChannels, () => {})
  }, [api, key])
  return {
    name: (codeOrId: string) =>
      channels.find((c) => c.code === codeOrId || c.id === codeOrId)?.name ?? codeOrId,
    priceList: (code: string) => channels.find((c) => c.price_list.code === code)?.name,
  }
}
