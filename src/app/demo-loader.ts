import { fork } from 'node:child_process'
import type { DemoSummary, ProgressListener } from '../demo/demo-keys.ts'
import { compiledModule } from '../shared/compiled.ts'
import { AppError } from '../shared/errors.ts'

type Message =
  | { kind: 'progress'; step: string; done: number; total: number }
  | { kind: 'done'; summary: DemoSummary }
  | { kind: 'failed'; error: { status?: number; code?: string; message: string } }

/**
 * Loads the demo retailer from a child process with its own connection (or its own opening of the
 * embedded data directory, which the caller must have closed). Loading builds hundreds of thousands
 * of rows and reads the French geography: done in the server's process, it stayed ~200 MB larger
 * for its whole life (a worker thread was not enough: the allocator keeps what the thread freed).
 */
export function seedDemoInChild(
  target: { databaseUrl?: string; dataDir?: string; tillSales?: number; now?: string },
  onProgress: ProgressListener = () => {},
): Promise<DemoSummary> {
  // The compiled loader when there is one to run; else the source, through tsx in the child too.
  const source = new URL('./demo-loader.child.ts', import.meta.url)
  const compiled = compiledModule(source)
  const child = fork(compiled ?? source, [], {
    env: { ...process.env, PASSERELLE_SEED_TARGET: JSON.stringify(target) },
    execArgv: compiled ? [] : ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  return new Promise((resolve, reject) => {
    let outcome: { summary?: DemoSummary; error?: Error } = {}
    child.on('message', (m: Message) => {
      if (m.kind === 'progress') onProgress(m.step, m.done, m.total)
      else if (m.kind === 'done') outcome = { summary: m.summary }
      else
        outcome = {
          error:
            m.error.code && m.error.status
              ? new AppError(m.error.status, m.error.code, m.error.message)
              : new Error(m.error.message),
        }
    })
    child.on('error', (err) => {
      outcome.error ??= err
    })
    // Settle on exit, not on the message: the child has closed its connection by then.
    child.on('exit', (code, signal) => {
      if (outcome.summary) resolve(outcome.summary)
      else reject(outcome.error ?? new Error(`the demo loader stopped (${signal ?? `code ${code}`})`))
    })
  })
}
