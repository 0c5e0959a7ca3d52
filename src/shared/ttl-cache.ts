/**
 * Reference data (channels, locations) is read on every order and availability check but changes
 * a few times a day: keep it for a few seconds instead of a round trip per request. Writes made by
 * this process call `clear()`, so only other processes see a change late, by at most `ttlMs`.
 */
export function ttlCache<T>(load: () => Promise<T>, ttlMs: number) {
  let value: T | undefined
  let loadedAt = 0
  let pending: Promise<T> | undefined
  return {
    async get(): Promise<T> {
      if (value !== undefined && Date.now() - loadedAt < ttlMs) return value
      pending ??= load().then(
        (v) => {
          value = v
          loadedAt = Date.now()
          pending = undefined
          return v
        },
        (err) => {
          pending = undefined
          throw err
        },
      )
      return pending
    },
    clear() {
      value = undefined
      loadedAt = 0
    },
  }
}
