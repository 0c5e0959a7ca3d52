import { invalidInput } from './errors.ts'
import type { IdPrefix } from './ids.ts'
import { ttlCache } from './ttl-cache.ts'

export interface CodedRow {
  id: string
  code: string
}

/**
 * Request bodies name locations, channels, price lists and franchisees by id (`loc_01J…`) or by the
 * code people use (`STO-NICE-MASSENA`). An id passes through untouched, without a round trip: the
 * order path must not pay one. A code is looked up in the map of every code (a few hundred rows at
 * most), read once and kept a few seconds; a code missing from it reads the map again (created a moment
 * ago, maybe by another server) before it is called unknown.
 */
export function codeResolver<Q extends object>(
  entity: string,
  prefix: IdPrefix,
  load: (q: Q) => Promise<CodedRow[]>,
  ttlMs = 5_000,
) {
  const caches = new WeakMap<
    object,
    ReturnType<typeof ttlCache<{ ids: Set<string>; byCode: Map<string, string> }>>
  >()
  const index = async (q: Q, fresh: boolean) => {
    let cache = caches.get(q)
    if (!cache) {
      cache = ttlCache(async () => {
        const list = await load(q)
        return { ids: new Set(list.map((r) => r.id)), byCode: new Map(list.map((r) => [r.code, r.id])) }
      }, ttlMs)
      caches.set(q, cache)
    }
    if (fresh) cache.clear()
    return cache.get()
  }
  const looksLikeId = (ref: string) => ref.startsWith(`${prefix}_`)
  const unknown = (ref: string, field: string) =>
    looksLikeId(ref)
      ? invalidInput(field, `no ${entity} with id ${ref}`, { value: ref })
      : invalidInput(
          field,
          `unknown ${entity} code ${ref}: give the id (${prefix}_…) or the code of a ${entity}`,
          {
            value: ref,
          },
        )

  /** The id of `ref` from the map, read again once when `ref` is not in it; undefined if unknown. */
  const lookUp = async (q: Q, ref: string) => {
    for (const fresh of [false, true]) {
      const { ids, byCode } = await index(q, fresh)
      if (ids.has(ref)) return ref
      const id = byCode.get(ref)
      if (id !== undefined) return id
    }
    return undefined
  }

  return {
    /**
     * The id named by `ref` (an id, or a code), for a request the caller checks further anyway: an id is
     * returned as given, unchecked and without a round trip; an unknown code is a 400 naming `field`.
     */
    async id(q: Q, ref: string, field: string): Promise<string> {
      if (looksLikeId(ref)) return ref
      const id = await lookUp(q, ref)
      if (id === undefined) throw unknown(ref, field)
      return id
    },
    /** The same for a binding stored for later (an API key's store): ids are checked to exist too. */
    async existingId(q: Q, ref: string, field: string): Promise<string> {
      const id = await lookUp(q, ref)
      if (id === undefined) throw unknown(ref, field)
      return id
    },
    /** `id` for a value that may be absent. */
    async optionalId(q: Q, ref: string | undefined, field: string): Promise<string | undefined> {
      return ref === undefined ? undefined : this.id(q, ref, field)
    },
  }
}
