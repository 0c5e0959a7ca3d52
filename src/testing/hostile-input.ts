/**
 * Hostile requests for every operation of an OpenAPI document: each one carries at least one value
 * the API must refuse (a NUL character, a number no column holds, a wrong type, unreadable JSON, a
 * foreign content type), so none may write anything; `probes` are harmless but odd values (invalid
 * ids and cursors, SQL quotes, very long strings) sent to read-only operations.
 */

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI schemas are walked as plain JSON
type Schema = Record<string, any>

export interface Operation {
  method: string
  path: string
  params: { name: string; in: 'path' | 'query' | 'header'; schema: Schema; required?: boolean }[]
  body?: Schema
}

export interface HostileRequest {
  method: string
  url: string
  headers: Record<string, string>
  payload?: string
  /** Why the request is hostile, for the failure message. */
  what: string
  /** The API must refuse it (4xx); otherwise it must only not fail (< 500). */
  mustRefuse: boolean
}

export function operations(doc: Schema): Operation[] {
  const ops: Operation[] = []
  for (const [path, item] of Object.entries(doc.paths as Schema)) {
    for (const [method, op] of Object.entries(item as Schema)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue
      const body = (op as Schema).requestBody?.content?.['application/json']?.schema
      ops.push({ method: method.toUpperCase(), path, params: (op as Schema).parameters ?? [], body })
    }
  }
  return ops
}

const NUL = 'a\u0000b'
/** Values no column holds, whatever the field: JSON numbers written as such. */
const HUGE = ['1e308', '-1e308', '9223372036854775808', '-9223372036854775809']

const mustRefuseByType: Record<string, unknown[]> = {
  string: [NUL, '\u0000', { nested: NUL }, [[NUL]]],
  integer: [1e308, -1e308, 2 ** 63, -(2 ** 63), 1.5, 'abc', { n: 1 }],
  number: [1e308, -1e308, 'abc', { n: 1 }],
  boolean: ['maybe', { b: true }],
  array: [{ not: 'an array' }, [NUL]],
  object: ['not an object', 42, [NUL]],
}

const oddStrings = [
  "' OR '1'='1",
  '9'.repeat(300),
  '1e308',
  '-1',
  '../../etc/passwd',
  '\u202e\ud83d\ude00',
  'ord_zzzzzzzzzzzzzzzzzzzzzzzzzz',
  '2025-13-45T99:99:99Z',
  'eyJpZCI6MX0=',
]

/** A plausible value for a schema (the rest of a request around the one hostile value). */
export function sample(schema: Schema | undefined, depth = 0): unknown {
  if (!schema || depth > 8) return 'x'
  if (schema.const !== undefined) return schema.const
  if (Array.isArray(schema.enum)) return schema.enum[0]
  const union = schema.anyOf ?? schema.oneOf
  if (Array.isArray(union)) {
    const first = union.find((s: Schema) => s.type !== 'null') ?? union[0]
    return sample(first, depth + 1)
  }
  if (Array.isArray(schema.allOf)) return sample(schema.allOf[0], depth + 1)
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [k, s] of Object.entries((schema.properties ?? {}) as Schema)) out[k] = sample(s, depth + 1)
      return out
    }
    case 'array':
      return schema.prefixItems
        ? schema.prefixItems.map((s: Schema) => sample(s, depth + 1))
        : Array.isArray(schema.items)
          ? schema.items.map((s: Schema) => sample(s, depth + 1))
          : [sample(schema.items, depth + 1)]
    case 'integer':
    case 'number':
      return schema.minimum ?? schema.maximum ?? 1
    case 'boolean':
      return true
    default:
      return sampleString(schema)
  }
}

function sampleString(schema: Schema): string {
  if (schema.format === 'date-time') return '2025-01-15T10:00:00Z'
  if (schema.format === 'date') return '2025-01-15'
  if (schema.format === 'email') return 'a@example.com'
  if (schema.pattern) {
    const re = new RegExp(schema.pattern)
    const found = [
      'x',
      'X',
      'FR',
      'AB-1',
      '2025-01',
      '2025-01-15',
      '12345678',
      '08:00',
      'a@example.com',
    ].find((c) => re.test(c))
    if (found) return found
  }
  return 'x'.repeat(Math.max(1, schema.minLength ?? 1))
}

/** Every leaf of a sample with its path and schema, to put one hostile value at a time. */
function leaves(schema: Schema | undefined, path: (string | number)[] = [], depth = 0) {
  const out: { path: (string | number)[]; schema: Schema }[] = []
  if (!schema || depth > 8) return out
  const union = schema.anyOf ?? schema.oneOf
  if (Array.isArray(union)) {
    return leaves(union.find((s: Schema) => s.type !== 'null') ?? union[0], path, depth + 1)
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type
  out.push({ path, schema: { ...schema, type } })
  if (type === 'object') {
    for (const [k, s] of Object.entries((schema.properties ?? {}) as Schema)) {
      out.push(...leaves(s, [...path, k], depth + 1))
    }
  } else if (type === 'array' && schema.items && !Array.isArray(schema.items)) {
    out.push(...leaves(schema.items, [...path, 0], depth + 1))
  }
  return out
}

function withValue(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value
  const copy = structuredClone(base) as Record<string | number, unknown>
  let cur = copy
  for (const key of path.slice(0, -1)) cur = cur[key] as Record<string | number, unknown>
  cur[path.at(-1)!] = value
  return copy
}

const encode = (v: unknown) => encodeURIComponent(String(v))

export function hostileRequests(op: Operation, authorization: string): HostileRequest[] {
  const out: HostileRequest[] = []
  const pathParams = op.params.filter((p) => p.in === 'path')
  const queryParams = op.params.filter((p) => p.in === 'query')
  const readOnly = op.method === 'GET'
  const json: Record<string, string> = { authorization, 'content-type': 'application/json' }
  const baseBody = op.body ? JSON.stringify(sample(op.body)) : undefined
  const url = (path: Record<string, string> = {}, query = '') =>
    op.path.replace(/\{([^}]+)\}/g, (_, name: string) => path[name] ?? 'x') + (query ? `?${query}` : '')
  const send = (what: string, mustRefuse: boolean, u: string, payload = baseBody, headers = json) => {
    out.push({ method: op.method, url: u, headers, payload, what, mustRefuse })
  }

  for (const p of pathParams) {
    for (const v of ['\u0000', NUL]) send(`path ${p.name} with NUL`, true, url({ [p.name]: encode(v) }))
    if (readOnly)
      for (const v of oddStrings) send(`path ${p.name} = ${v}`, false, url({ [p.name]: encode(v) }))
  }
  for (const q of queryParams) {
    const type = q.schema.type === 'array' ? (q.schema.items?.type ?? 'string') : (q.schema.type ?? 'string')
    const refused: string[] =
      type === 'integer' || type === 'number'
        ? [...HUGE, 'abc', ...(type === 'integer' ? ['1.5'] : [])]
        : type === 'boolean'
          ? ['maybe']
          : []
    for (const v of ['\u0000', NUL, ...refused])
      send(`query ${q.name} = ${JSON.stringify(v)}`, true, url({}, `${q.name}=${encode(v)}`))
    if (readOnly && (type === 'string' || q.schema.enum || q.schema.anyOf)) {
      for (const v of oddStrings) send(`query ${q.name} = ${v}`, false, url({}, `${q.name}=${encode(v)}`))
    }
  }
  if (op.params.some((p) => p.name === 'idempotency-key')) {
    send('idempotency key too long', true, url(), baseBody, { ...json, 'idempotency-key': 'k'.repeat(201) })
  }

  // The body: one hostile value at a time in an otherwise plausible body, then whole-body attacks.
  if (!readOnly) {
    const base = op.body ? sample(op.body) : {}
    for (const leaf of leaves(op.body)) {
      for (const v of mustRefuseByType[leaf.schema.type ?? 'string'] ?? mustRefuseByType.string!) {
        send(
          `body/${leaf.path.join('/')} = ${JSON.stringify(v)}`,
          true,
          url(),
          JSON.stringify(withValue(base, leaf.path, v)),
        )
      }
    }
    if (base && typeof base === 'object' && !Array.isArray(base)) {
      send('unknown field with NUL', true, url(), JSON.stringify({ ...base, 'zz\u0000': NUL }))
    }
    for (const huge of HUGE) {
      if (base && typeof base === 'object' && !Array.isArray(base)) {
        // Numbers written in full in the JSON text, as a client library would send them.
        const text = JSON.stringify(base)
        const leafNumbers = leaves(op.body).filter(
          (l) => l.schema.type === 'integer' || l.schema.type === 'number',
        )
        for (const l of leafNumbers) {
          const marked = JSON.stringify(withValue(base, l.path, '__HUGE__')).replace('"__HUGE__"', huge)
          if (marked !== text) send(`body/${l.path.join('/')} = ${huge}`, true, url(), marked)
        }
      }
    }
    send('invalid JSON', true, url(), '{"half": ')
    send('JSON with a NUL escape', true, url(), '{"x": "\\u0000"}')
    send('deeply nested JSON', true, url(), `${'['.repeat(50_000)}${']'.repeat(50_000)}`)
    send('wrong content type', true, url(), 'name=x', {
      authorization,
      'content-type': 'application/x-www-form-urlencoded',
    })
    send('plain text body', true, url(), 'hello', { authorization, 'content-type': 'text/plain' })
  }
  return out
}
