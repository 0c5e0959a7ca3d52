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
  return {
    buildValidator: lazily('validator', defaultValidator),
    buildSerializer: lazily('serializer', defaultSerializer),
  }
}

/**
 * Functions compiled in this process, by what they were compiled from: the shared schemas and options
 * the compiler was built with, and the route's schema and part (a validator or serializer depends on
 * nothing else; Fastify passes the method and URL for error messages only). A second app built in the
 * same process (a restarted server, each test file) reuses them instead of compiling its routes again.
 */
const compiledInProcess = new Map<string, Compile>()
const jsonOf = new WeakMap<object, string>()

function keyOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'undefined'
  let json = jsonOf.get(value)
  if (json === undefined) {
    json = JSON.stringify(value)
    jsonOf.set(value, json)
  }
  return json
}

function lazily(kind: string, build: Builder): Builder {
  return (...setup) => {
    let compiler: Compile | undefined
    const setupKey = `${kind}|${setup.map(keyOf).join('|')}`
    return (...route) => {
      const { schema, method: _method, url: _url, ...part } = route[0] as Record<string, unknown>
      const key = `${setupKey}|${keyOf(schema)}|${JSON.stringify(part)}`
      let compiled: Compile | undefined
      return stand(() => {
        compiled ??= compiledInProcess.get(key)
        if (!compiled) {
          compiler ??= build(...setup)
          compiled = compiler(...route) as Compile
          compiledInProcess.set(key, compiled)
        }
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
