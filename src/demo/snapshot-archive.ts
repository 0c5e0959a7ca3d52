import {
  closeSync,
  createReadStream,
  createWriteStream,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeSync,
} from 'node:fs'
import { join, normalize, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'

/**
 * A gzipped ustar archive of a database directory with a JSON description as its first entry: readable
 * with `tar tzf`, written and read here without a dependency. Only what a PostgreSQL data directory
 * holds: directories and regular files with short relative names.
 */
const BLOCK = 512
const CHUNK = 1 << 20
export const DESCRIPTION_ENTRY = 'passerelle-snapshot.json'

/** Writes `dir` (files for which `keep` says yes) to `file`, after the description. */
export async function writeArchive(
  dir: string,
  file: string,
  description: unknown,
  keep: (relative: string) => boolean = () => true,
): Promise<void> {
  async function* entries() {
    yield* fileEntry(DESCRIPTION_ENTRY, Buffer.from(JSON.stringify(description, null, 2)))
    for (const relative of walk(dir)) {
      if (relative.endsWith('/')) yield header(relative, 0, '5')
      else if (keep(relative)) yield* fileEntry(relative, readFileSync(join(dir, relative)))
    }
    yield Buffer.alloc(BLOCK * 2)
  }
  await pipeline(entries, createGzip({ level: 6 }), createWriteStream(file))
}

function* fileEntry(name: string, content: Buffer) {
  yield header(name, content.length, '0')
  yield content
  const pad = (BLOCK - (content.length % BLOCK)) % BLOCK
  if (pad > 0) yield Buffer.alloc(pad)
}

/** Relative names in a stable order, directories first and ending with a slash. */
function walk(root: string, prefix = ''): string[] {
  const out: string[] = []
  const list = readdirSync(join(root, prefix), { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )
  for (const e of list) {
    const relative = `${prefix}${e.name}`
    if (e.isDirectory()) out.push(`${relative}/`, ...walk(root, `${relative}/`))
    else if (e.isFile()) out.push(relative)
  }
  return out
}

function header(name: string, size: number, type: '0' | '5'): Buffer {
  if (Buffer.byteLength(name) > 99) throw new Error(`archive entry name too long: ${name}`)
  const h = Buffer.alloc(BLOCK)
  h.write(name, 0)
  h.write(octal(type === '5' ? 0o700 : 0o600, 7), 100)
  h.write(octal(0, 7), 108)
  h.write(octal(0, 7), 116)
  h.write(octal(size, 11), 124)
  h.write(octal(0, 11), 136)
  h.write('        ', 148)
  h.write(type, 156)
  h.write('ustar\u000000', 257, 'latin1')
  let sum = 0
  for (const byte of h) sum += byte
  h.write(`${octal(sum, 6)}\u0000 `, 148, 'latin1')
  return h
}

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width, '0')
}

interface Entry {
  name: string
  /** Bytes of content still to read, then of padding to skip. */
  left: number
  pad: number
  fd?: number
}

/**
 * Extracts `file` into `dir` when `accept` takes its description; stops at the description otherwise.
 */
export async function readArchive<T>(
  file: string,
  dir: string,
  accept: (description: T) => boolean,
): Promise<{ description: T; accepted: boolean }> {
  let description: T | undefined
  let pending: Buffer = Buffer.alloc(0)
  let entry: Entry | undefined
  // Large chunks: a megabyte at a time is 3× less work than zlib's 16 kB default.
  const input = createReadStream(file, { highWaterMark: CHUNK }).pipe(createGunzip({ chunkSize: CHUNK }))
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      pending = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk
      let at = 0
      while (true) {
        if (entry) {
          const available = pending.length - at
          if (entry.name === DESCRIPTION_ENTRY && entry.left > 0) {
            if (available < entry.left) break
            description = JSON.parse(pending.subarray(at, at + entry.left).toString('utf8')) as T
            if (!accept(description)) return { description, accepted: false }
            at += entry.left
            entry.left = 0
          } else if (entry.left > 0) {
            const n = Math.min(entry.left, available)
            if (entry.fd !== undefined) writeSync(entry.fd, pending, at, n)
            at += n
            entry.left -= n
            if (entry.left > 0) break
          }
          if (entry.fd !== undefined) {
            closeSync(entry.fd)
            entry.fd = undefined
          }
          const skip = Math.min(entry.pad, pending.length - at)
          at += skip
          entry.pad -= skip
          if (entry.pad > 0) break
          entry = undefined
        }
        if (pending.length - at < BLOCK) break
        const h = pending.subarray(at, at + BLOCK)
        at += BLOCK
        if (h.every((b) => b === 0)) continue
        entry = openEntry(h, dir, description === undefined)
      }
      pending = pending.subarray(at)
    }
  } finally {
    if (entry?.fd !== undefined) closeSync(entry.fd)
    input.destroy()
  }
  if (description === undefined || entry) throw new Error(`${file} is cut short`)
  return { description, accepted: true }
}

function openEntry(h: Buffer, dir: string, first: boolean): Entry {
  const field = (from: number, length: number) =>
    h
      .subarray(from, from + length)
      .toString('utf8')
      .replace(/\0.*$/s, '')
  const prefix = field(345, 155)
  const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100)
  const size = Number.parseInt(field(124, 12).trim() || '0', 8)
  const type = field(156, 1) || '0'
  const pad = (BLOCK - (size % BLOCK)) % BLOCK
  if (first !== (name === DESCRIPTION_ENTRY)) throw new Error('not a Passerelle snapshot')
  if (first) return { name, left: size, pad }
  const target = normalize(join(dir, name))
  if (!target.startsWith(normalize(dir) + sep)) throw new Error(`unsafe archive entry ${name}`)
  if (type === '5') {
    mkdirSync(target, { recursive: true })
    return { name, left: 0, pad: 0 }
  }
  // Anything else than a file (none is written here) is skipped.
  const fd = type === '0' ? openSync(target, 'w', 0o600) : undefined
  return { name, left: size, pad, fd }
}
