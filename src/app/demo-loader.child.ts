import { type Database, openDatabase } from '../db/database.ts'
import { migrate } from '../db/migrate.ts'
import { seedDemo } from '../demo/seed.ts'
import { AppError } from '../shared/errors.ts'
// The composition first: the demo's business orders go through the order path, which needs its ports.
import './ports.ts'

/**
 * Child-process entry that loads the demo (see demo-loader.ts): its generators, the French
 * geography and the rows it builds live and die with this process, not the server. It migrates the
 * database first: a new embedded data directory is created here (the engine's initdb, the migrations),
 * not by the server, which opens it once the demo is in.
 */
const target = JSON.parse(process.env.PASSERELLE_SEED_TARGET ?? '{}') as {
  databaseUrl?: string
  dataDir?: string
  tillSales?: number
  /** The moment the history runs up to (ISO 8601); default now. */
  now?: string
}
const send = (message: unknown) => new Promise<void>((resolve) => process.send!(message, () => resolve()))
let database: Database | undefined
let outcome: unknown
try {
  database = await openDatabase(
    target.databaseUrl ? { databaseUrl: target.databaseUrl, poolSize: 1 } : { dataDir: target.dataDir },
  )
  await migrate(database)
  const summary = await seedDemo(database.db, {
    tillSales: target.tillSales,
    ...(target.now ? { now: new Date(target.now) } : {}),
    onProgress: (step, done, total) => process.send!({ kind: 'progress', step, done, total }),
  })
  outcome = { kind: 'done', summary }
} catch (err) {
  outcome = {
    kind: 'failed',
    error:
      err instanceof AppError
        ? { status: err.status, code: err.code, message: err.message }
        : { message: err instanceof Error ? (err.stack ?? err.message) : String(err) },
  }
} finally {
  await database?.close()
}
await send(outcome)
process.disconnect()
