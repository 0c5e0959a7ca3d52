import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Db } from '../db/database.ts'

export type RefKind = 'location' | 'channel'
/** A kind, or a kind and the values that are not references (`store=none` in a report). */
type RefSpec = RefKind | { kind: RefKind; keep: string[] }

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Fields that name a location or a channel, by id or by code, e.g.
     * `{ 'body.store_id': 'location', 'body.lines.*.pickup_location_id': 'location' }`: the handler sees
     * ids only, and an unknown code is a 400 naming the field.
     */
    refs?: Record<string, RefSpec>
  }
}

/** Turns a code (or an id) of one kind into its id, or throws a 400 naming the field. */
export interface RefResolver {
  id(db: Db, ref: string, field: string): Promise<string>
}

/**
 * People name stores and channels by code (`STO-NICE-MASSENA`, `WEB`), programs by id: routes take
 * either and turn codes into ids at the boundary, before the handler. Ids cost nothing (no look-up).
 */
export function registerRefs(app: FastifyInstance, resolvers: Record<RefKind, RefResolver>) {
  app.addHook('preHandler', async (req: FastifyRequest) => {
    const refs = req.routeOptions.config.refs
    if (!refs) return
    for (const [path, spec] of Object.entries(refs)) {
      const { kind, keep } = typeof spec === 'string' ? { kind: spec, keep: [] } : spec
      const [part, ...steps] = path.split('.') as ['body' | 'query' | 'params', ...string[]]
      // Field names as the error handler reports them: `lines/0/pickup_location_id`, `querystring/store`.
      const at = part === 'query' ? ['querystring'] : part === 'params' ? ['params'] : []
      await rewrite(req[part], steps, at, async (value, field) =>
        keep.includes(value) ? value : resolvers[kind].id(app.db, value, field),
      )
    }
  })
}

/** Replaces the strings at `steps` (`*` for every item of an array) by what `resolve` makes of them. */
async function rewrite(
  container: unknown,
  steps: string[],
  at: string[],
  resolve: (value: string, field: string) => Promise<string>,
): Promise<void> {
  if (container === null || typeof container !== 'object') return
  const [step, ...rest] = steps as [string, ...string[]]
  if (step === '*') {
    if (!Array.isArray(container)) return
    for (const [i, item] of container.entries()) await rewrite(item, rest, [...at, String(i)], resolve)
    return
  }
  const record = container as Record<string, unknown>
  const value = record[step]
  if (rest.length > 0) return rewrite(value, rest, [...at, step], resolve)
  // An empty value is left to the route's own rules (often: no filter).
  if (typeof value === 'string' && value !== '') record[step] = await resolve(value, [...at, step].join('/'))
}
