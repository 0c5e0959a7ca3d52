import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { startupError } from '../shared/common.errors.ts'

export interface DataDirLock {
  release(): void
}

/**
 * PGlite has no server to arbitrate writers: two processes on one data directory silently lose
 * writes. A lock file holding the owner's pid refuses the second process; a lock left by a process
 * that died is taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, 'passerelle.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      let released = false
      const release = () => {
        if (released) return
        released = true
        rmSync(path, { force: true })
      }
      process.once('exit', release)
      return { release }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const owner = Number(readFileSync(path, 'utf8').trim())
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw startupError(
          'data_dir_locked',
          `The embedded database in ${dataDir} is already used by process ${owner}. ` +
            'Stop that process, or start this one with another PASSERELLE_DATA_DIR (or a DATABASE_URL).',
        )
      }
      rmSync(path, { force: true })
    }
  }
  throw startupError('data_dir_locked', `Could not lock ${dataDir}.`)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
