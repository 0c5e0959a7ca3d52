import { createRequire } from 'node:module'

/**
 * Fastify compiles a validator and a serializer for every route schema before it listens: for the
 * ~250 routes here that was 1.5–3 s of Ajv and fast-json-stringify at each start, and ~20 MB of
 * functions for routes a given server may never serve (a store's server uses a few dozen). These are
 * Fastify's own compilers (the copies it depends on, with the same options), but each function is
 * compiled when its route first needs it (a few milliseconds, once).
 */
type Compile = (...args: unknown[]) => unknown
type Builder = (...args: unknown[]) => Compile

const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'))
const defaultValidator = (fromFastify('@fastify/ajv-compiler') as () => Builder)()
const defaultSerializer = (fromFastify('@fastify/fast-json-stringify-compiler') as () => Builder)()

export function lazyCompilers() {
  return { buildValidator: lazily(defaultValidator), buildSerializer: lazily(defaultSerializer) }
}

function lazily(build: Builder): Builder {
  return (...setup) => {
    const compiler = build(...setup)
    return (...route) => {
      let compiled: Compile | undefined
      return stand(() => {
        compiled ??= compiler(...route) as Compile
        return compiled
      })
    }
  }
}

/**
 * A stand-in for a compiled function: Fastify reads `errors` after a failed validation, and passes
 * Ajv's root-data context when `schemaEnv` is set, so both are forwarded.
 */
function stand(get: () => Compile): Compile {
  const fn = (...args: unknown[]) => {
    const compiled = get()
    const result = compiled(...args)
    Object.assign(fn, { errors: (compiled as { errors?: unknown }).errors })
    return result
  }
  Object.defineProperty(fn, 'schemaEnv', { get: () => (get() as { schemaEnv?: unknown }).schemaEnv })
  return fn
}
