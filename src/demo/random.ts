/**
 * A small seeded PRNG (sfc32 seeded through splitmix32) so the demo retailer is the same on every
 * machine and every Node version: Math.random cannot be seeded.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Whole number in [min, max], both included. */
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** Index drawn with the given relative weights. */
  weightedIndex(weights: readonly number[]): number
  weighted<T>(items: readonly T[], weights: readonly number[]): T
  shuffle<T>(items: readonly T[]): T[]
  /** `count` distinct items, in their original order. */
  sample<T>(items: readonly T[], count: number): T[]
  /** An independent stream: changing how much one part draws does not change the others. */
  fork(label: string): Random
}

export function createRandom(seed: number): Random {
  const state = splitmix32(seed >>> 0)
  let a = state()
  let b = state()
  let c = state()
  let d = state()
  const next = () => {
    a >>>= 0
    b >>>= 0
    c >>>= 0
    d >>>= 0
    let t = (a + b) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    d = (d + 1) | 0
    t = (t + d) | 0
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  for (let i = 0; i < 12; i++) next()

  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)]!
    },
    weightedIndex: (weights) => {
      let total = 0
      for (const w of weights) total += w
      let r = next() * total
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i]!
        if (r < 0) return i
      }
      return weights.length - 1
    },
    weighted: (items, weights) => items[random.weightedIndex(weights)]!,
    shuffle: (items) => {
      const out = [...items]
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[out[i], out[j]] = [out[j]!, out[i]!]
      }
      return out
    },
    sample: (items, count) => {
      const chosen = new Set(random.shuffle(items.map((_, i) => i)).slice(0, count))
      return items.filter((_, i) => chosen.has(i))
    },
    fork: (label) => createRandom((seed ^ hashString(label)) >>> 0),
  }
  return random
}

/** Draws indices in O(log n) from fixed weights; for the hot loops of the order history. */
export function weightedSampler(weights: readonly number[]): (random: Random) => number {
  const cumulative: number[] = []
  let total = 0
  for (const w of weights) {
    total += w
    cumulative.push(total)
  }
  return (random) => {
    const r = random.next() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! > r) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}

function splitmix32(seed: number) {
  let s = seed
  return () => {
    s = (s + 0x9e3779b9) | 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** FNV-1a, enough to derive a stream seed from a label. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
