import { useCallback, useEffect, useState } from 'react'
import { ApiError, type GetResult, ok } from '../api/client'
import { useSession } from '../session'

/** A register (caisse) of the legal till, with its open session if any. */
export type Register = GetResult<'/api/v1/fiscal/stores/{id}/registers'>[number]
/** The X report of an open session, or the Z of a closed one. */
export type SessionReport = GetResult<'/api/v1/fiscal/sessions/{id}/report'>

const key = (storeId: string) => `passerelle.fiscal-register.${storeId}`

/** The register this device sells on, as chosen on it (kept per browser, per store). */
export function chosenRegister(storeId: string, storage: Storage = localStorage): string | null {
  return storage.getItem(key(storeId))
}

export function chooseRegister(storeId: string, registerId: string, storage: Storage = localStorage) {
  storage.setItem(key(storeId), registerId)
}

const listKey = (storeId: string) => `passerelle.fiscal-registers.${storeId}`

/**
 * The store's registers as last read from the server: a till reloaded while the server or the network
 * is gone still knows its register, so its offline sales join that register's chain when replayed.
 */
function keptRegisters(storeId: string): Register[] | null {
  try {
    const kept = localStorage.getItem(listKey(storeId))
    return kept ? (JSON.parse(kept) as Register[]) : null
  } catch {
    return null
  }
}

/**
 * The registers of the signed-in store and the one this device uses: the one chosen here, or the
 * store's only register. A store without registers sells as before (`registers` is empty).
 */
export function useStoreRegisters() {
  const { api, store } = useSession()
  const [registers, setRegisters] = useState<Register[] | null>(() =>
    store ? keptRegisters(store.id) : null,
  )
  const [chosen, setChosen] = useState<string | null>(() => (store ? chosenRegister(store.id) : null))
  const [error, setError] = useState<unknown>(null)

  const reload = useCallback(async () => {
    if (!store) return
    try {
      const list = await ok(
        api.GET('/api/v1/fiscal/stores/{id}/registers', { params: { path: { id: store.id } } }),
      )
      setRegisters(list)
      localStorage.setItem(listKey(store.id), JSON.stringify(list))
      setError(null)
    } catch (err) {
      setError(err)
    }
  }, [api, store])

  useEffect(() => {
    void reload()
  }, [reload])

  const register =
    registers?.find((r) => r.id === chosen) ?? (registers?.length === 1 ? (registers[0] ?? null) : null)

  return {
    registers,
    register,
    error,
    reload,
    choose(id: string) {
      if (!store) return
      chooseRegister(store.id, id)
      setChosen(id)
    },
  }
}

export type StoreRegisters = ReturnType<typeof useStoreRegisters>

/**
 * Opens a printable report (X or Z, 80 mm receipt or A4) in a new tab: the page asks the API with the
 * signed-in key, so the tab is opened at once (within the click) and filled when the report arrives.
 */
export async function openPrintable(
  key: string,
  sessionId: string,
  format: '80mm' | 'a4',
  lang: 'fr' | 'en',
) {
  const tab = window.open('', '_blank')
  const res = await fetch(
    `/api/v1/fiscal/sessions/${encodeURIComponent(sessionId)}/report.html?format=${format}&lang=${lang}`,
    { headers: { authorization: `Bearer ${key}` } },
  )
  const html = await res.text()
  if (!res.ok) {
    tab?.close()
    let error: { code?: string; message?: string } = {}
    try {
      error = (JSON.parse(html) as { error?: typeof error }).error ?? {}
    } catch {}
    throw new ApiError(res.status, error.code ?? 'http_error', error.message ?? res.statusText)
  }
  if (!tab) return
  tab.document.open()
  tab.document.write(html)
  tab.document.close()
}
