import { invalidInput } from '../shared/errors.ts'

/**
 * What a subscriber asks for: an event type (`order.placed`), a family (`order.*`) or everything (`*`).
 * Pure rules, shared by webhooks, consumers and the API's validation.
 */
export function matches(pattern: string, type: string): boolean {
  if (pattern === '*') return true
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1))
  return pattern === type
}

export function matchesAny(patterns: readonly string[], type: string): boolean {
  return patterns.some((p) => matches(p, type))
}

/** Whether a pattern names something in the catalogue: a known type, a known family, or `*`. */
export function knownPattern(pattern: string, types: readonly string[]): boolean {
  if (pattern === '*') return true
  if (pattern.endsWith('.*')) return types.some((t) => matches(pattern, t))
  return types.includes(pattern)
}

/** Known patterns, each once; an unknown one is refused with the way to the catalogue. */
export function checkPatterns(
  field: string,
  patterns: readonly string[],
  types: readonly string[],
): string[] {
  for (const p of patterns) {
    if (!knownPattern(p, types)) {
      throw invalidInput(
        field,
        `"${p}" is no event type nor family (order.placed, order.*, *): the catalogue is at /asyncapi.json`,
        { value: p },
      )
    }
  }
  return [...new Set(patterns)]
}
