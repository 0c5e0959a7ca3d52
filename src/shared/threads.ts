import { Worker } from 'node:worker_threads'

/**
 * A worker thread running a module of this tree, given the URL of its TypeScript source: the compiled
 * `.js` beside it when this process runs the build, else the `.ts` through tsx (tests, a checkout
 * without a build), as this process itself runs.
 */
export function startThread(source: URL, workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL(source.href.replace(/\.ts$/, '.js')), { workerData })
  }
  const tsx = import.meta.resolve('tsx/esm/api')
  return new Worker(
    `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source.href)}) })`,
    { eval: true, workerData },
  )
}
