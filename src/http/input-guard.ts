import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify'
import { invalidInput } from '../shared/errors.ts'

/**
 * Bounds of a request integer that declares none: PostgreSQL's `integer`, the type of nearly every
 * integer column. A route whose field maps to a `bigint` column declares its own bounds.
 */
export const INT_MIN = -2_147_483_648
export const INT_MAX = 2_147_483_647
/** Bounds of a request number that declares none: far above any price, rate or distance, and exact in JS. */
export const NUMBER_LIMIT = 1e15

/**
 * Input the database cannot store is refused at the door, for every route, with a 400 naming the field:
 * - a NUL character (`\u0000`) in any string, key, path id or query value (PostgreSQL text refuses it);
 * - an integer or number beyond what its column holds (1e308, 2^63): request schemas without bounds get
 *   the bounds above when their route is registered, so the OpenAPI document shows them too.
 */
export function registerInputGuards(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    if (!route.schema) return
    const schema = route.schema as FastifySchema
    route.schema = {
      ...schema,
      ...(schema.body ? { body: bounded(schema.body) } : {}),
      ...(schema.querystring ? { querystring: bounded(schema.querystring) } : {}),
      ...(schema.params ? { params: bounded(schema.params) } : {}),
    }
  })
  app.addHook('preValidation', async (req: FastifyRequest) => {
    const found = nulIn(req.params, 'params') ?? nulIn(req.query, 'querystring') ?? nulIn(req.body, 'body')
    if (found) {
      throw invalidInput(found, 'must not contain a NUL character (\\u0000); remove it and send again')
    }
  })
}

/** A copy of a request schema where every integer and number without bounds gets them. */
export function bounded(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(bounded)
  if (!schema || typeof schema !== 'object') return schema
  const node = schema as Record<string, unknown>
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    // Literal values (enum, const, default, examples) are data, not schemas.
    copy[key] =
      key === 'enum' || key === 'const' || key === 'default' || key === 'examples' ? value : bounded(value)
  }
  const types = Array.isArray(node.type) ? node.type : [node.type]
  const limit = types.includes('integer')
    ? [INT_MIN, INT_MAX]
    : types.includes('number')
      ? [-NUMBER_LIMIT, NUMBER_LIMIT]
      : null
  if (limit) {
    if (node.minimum === undefined && node.exclusiveMinimum === undefined) copy.minimum = limit[0]
    if (node.maximum === undefined && node.exclusiveMaximum === undefined) copy.maximum = limit[1]
  }
  return copy
}

/**
 * Where the first NUL character is in a parsed part of the request (`body/lines/0/sku`), or undefined.
 * Walks without recursion: a deeply nested body must not exhaust the stack.
 */
export function nulIn(value: unknown, root: string): string | undefined {
  const stack: [unknown, string][] = [[value, root]]
  while (stack.length > 0) {
    const [v, path] = stack.pop()!
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}/${i}`])
    } else if (v && typeof v === 'object') {
      const keys = Object.keys(v)
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!
        if (key.includes('\u0000')) return `${path}/${key.replaceAll('\u0000', '\\u0000')}`
        stack.push([(v as Record<string, unknown>)[key], `${path}/${key}`])
      }
    }
  }
  return undefined
}
