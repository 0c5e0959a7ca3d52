import { Worker } from 'node:worker_threads'
import { compiledModule } from './compiled.ts'

/**
 * A worker thread running a module of this tree, given the URL of its TypeScript source: the compiled
 * module when there is one to run (src/shared/compiled.ts), else the `.ts` through tsx (tests and a
 * checkout whose build is older than its sources).
 */
export function startThread(source: URL, workerData: unknown): Worker {
  const compiled = compiledModule(source)
  if (compiled) return new Worker(compiled, { workerData })
  const tsx = import.meta.resolve('tsx/esm/api')
  return new Worker(
    `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source.href)}) })`,
    { eval: true, workerData },
  )
}
