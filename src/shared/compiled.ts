import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

// This file's folder's parent: src/ when this process runs the sources, dist/ when it runs the build.
const root = fileURLToPath(new URL('..', import.meta.url))
const fromSource = import.meta.url.endsWith('.ts')
const dist = fileURLToPath(new URL('../../dist/', import.meta.url))

/**
 * The newest modification time of the files under `dir` with this ending, left out what the build leaves
 * out (tsconfig.build.json: tests, fixtures, src/testing).
 */
function newest(dir: string, ending: string): number {
  let at = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (path !== join(root, 'testing')) at = Math.max(at, newest(path, ending))
    } else if (entry.name.endsWith(ending) && !/\.(test|fixture)\./.test(entry.name)) {
      at = Math.max(at, statSync(path).mtimeMs)
    }
  }
  return at
}

let buildIsFresh: boolean | undefined
/**
 * Whether the build was written after the last change to the sources (the install builds it). The build
 * rewrites only the files whose output changed, so its newest file is compared. Looked at once a process.
 */
function freshBuild(): boolean {
  buildIsFresh ??= existsSync(join(dist, 'cli', 'main.js')) && newest(dist, '.js') >= newest(root, '.ts')
  return buildIsFresh
}

/**
 * The compiled module to run for a module of this tree given by its source's URL, in a child process or
 * a thread: the `.js` beside it when this process runs the build; the build's when this process runs the
 * sources (through tsx: tests, development) and the build is newer than every source, as a start from
 * the build costs a second of CPU where the sources through tsx cost three or four; else undefined, and
 * the source is run through tsx, so that a build older than the sources never runs.
 */
export function compiledModule(source: URL): URL | undefined {
  if (!fromSource) return new URL(source.href.replace(/\.ts$/, '.js'))
  const path = fileURLToPath(source)
  if (!path.startsWith(root) || !freshBuild()) return undefined
  const compiled = join(dist, path.slice(root.length).replace(/\.ts$/, '.js'))
  return existsSync(compiled) ? pathToFileURL(compiled) : undefined
}
