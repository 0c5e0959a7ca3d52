import type { Db } from '../db/database.ts'

/** Where a job may write a line; pino's logger (app.log) fits. Objects hold counts and ids, never personal data. */
export interface JobLog {
  debug(o: object, m: string): void
  info(o: object, m: string): void
  warn(o: object, m: string): void
  error(o: object, m: string): void
}

/**
 * A named background job a capability declares in its `*.jobs.ts`. The runner (src/jobs/runner.ts)
 * runs each one on its own schedule, with its own error handling, log line and metrics, and on
 * PostgreSQL in one server process at a time.
 */
export interface Job {
  /** `<capability>.<what it does>`, e.g. `orders.expire-drafts`: in logs, in GET /api/v1/jobs, and the lock key. */
  id: string
  /** Seconds from the end of one run to the start of the next; absent, the sweep interval (PASSERELLE_SWEEP_INTERVAL). */
  intervalS?: number
  /**
   * Jobs whose pass, when it changed something, starts this one's next pass at once in the same
   * process instead of at the end of its interval (the notifications consumer after the relay has
   * numbered new events). The interval stays the fallback: another process's passes never wake it.
   */
  wakeAfter?: readonly string[]
  /**
   * One pass. Returns how many things it changed (0 when there was nothing to do); the runner logs a
   * line when it is more than 0. A long pass checks `signal` to stop early when the server stops.
   */
  run(db: Db, log: JobLog, signal: AbortSignal): Promise<number>
  /**
   * Called when the runner stops, after the job's last pass: waits for work a pass started and left
   * running on its own (webhook sends in flight) and closes what the job opened (a NATS connection).
   */
  drain?(db: Db): Promise<void>
}
