import type { Database, Db } from '../db/database.ts'
import { loggableError } from '../db/loggable-error.ts'
import { connectionFailure } from '../db/unavailable.ts'
import type { Job, JobLog } from './job.ts'

/** What GET /api/v1/jobs shows of one job in this server process. */
export interface JobStatus {
  id: string
  intervalS: number
  running: boolean
  /** Passes started here (failed ones included), and how many of them failed. */
  runs: number
  failures: number
  /** Passes left to another server process that held the job's lock (PostgreSQL). */
  skipped: number
  lastDurationMs: number | null
  lastSuccessAt: Date | null
  lastFailureAt: Date | null
}

export interface JobRunner {
  status(): JobStatus[]
  /** Stops scheduling, asks running passes to stop early and waits for them. */
  stop(): Promise<void>
}

/** The runner of each database in this process, for the metrics route. */
const runners = new WeakMap<Db, JobRunner>()

/** The jobs running against this database in this process (undefined when none were started). */
export function jobStatus(db: Db): JobStatus[] | undefined {
  return runners.get(db)?.status()
}

/**
 * Runs each job at start and then `intervalS` seconds after its previous pass ended, each on its own
 * timer: a failing or slow job never delays nor skips another. Where the database offers a lock
 * (PostgreSQL, possibly shared by several server processes) a pass runs only while it holds the job's
 * advisory lock; when another process holds it, this pass is skipped quietly.
 */
export function startJobs(
  database: Pick<Database, 'db' | 'tryLock'>,
  jobs: readonly Job[],
  options: { defaultIntervalS: number; log: JobLog },
): JobRunner {
  const { log } = options
  const abort = new AbortController()
  const states = jobs.map((job) => ({
    job,
    status: {
      id: job.id,
      intervalS: job.intervalS ?? options.defaultIntervalS,
      running: false,
      runs: 0,
      failures: 0,
      skipped: 0,
      lastDurationMs: null,
      lastSuccessAt: null,
      lastFailureAt: null,
    } as JobStatus,
    timer: undefined as NodeJS.Timeout | undefined,
    current: undefined as Promise<void> | undefined,
    /** Woken while a pass ran: the next pass starts as soon as this one ends. */
    again: false,
  }))
  type State = (typeof states)[number]
  // The jobs a job's productive pass wakes (their `wakeAfter` names it).
  const wakes = new Map<string, State[]>()
  for (const s of states) for (const id of s.job.wakeAfter ?? []) wakes.set(id, [...(wakes.get(id) ?? []), s])

  function wake(state: State) {
    if (abort.signal.aborted) return
    if (state.current) state.again = true
    else if (state.timer) {
      clearTimeout(state.timer)
      launch(state)
    }
  }

  async function pass({ job, status }: State) {
    const started = performance.now()
    const elapsed = () => Math.round(performance.now() - started)
    const fail = (err: unknown) => {
      status.failures++
      status.lastDurationMs = elapsed()
      status.lastFailureAt = new Date()
      const lost = connectionFailure(err)
      if (lost) {
        log.warn({ job: job.id, reason: lost }, 'database unavailable; background job retries next interval')
      } else {
        log.error(
          { job: job.id, ms: status.lastDurationMs, error: loggableError(err) },
          'background job failed; it is retried next interval and the other jobs go on',
        )
      }
    }
    let release: (() => Promise<void>) | undefined
    try {
      release = database.tryLock ? await database.tryLock(job.id) : async () => {}
    } catch (err) {
      status.runs++
      return fail(err)
    }
    if (!release) {
      status.skipped++
      log.debug({ job: job.id }, 'background job running in another server process; this pass skipped')
      return
    }
    status.runs++
    status.running = true
    try {
      const count = await job.run(database.db, log, abort.signal)
      status.lastDurationMs = elapsed()
      status.lastSuccessAt = new Date()
      // Jobs that run several times a second (the event relay) would flood the log: theirs is a debug line.
      if (count > 0) {
        for (const next of wakes.get(job.id) ?? []) wake(next)
        const line = { job: job.id, ms: status.lastDurationMs, count }
        if ((job.intervalS ?? Number.POSITIVE_INFINITY) < 1) log.debug(line, 'background job done')
        else log.info(line, 'background job done')
      }
    } catch (err) {
      fail(err)
    } finally {
      status.running = false
      await release()
    }
  }

  function launch(state: State) {
    state.timer = undefined
    state.current = pass(state).finally(() => {
      state.current = undefined
      if (abort.signal.aborted) return
      const again = state.again
      state.again = false
      state.timer = setTimeout(() => launch(state), again ? 0 : state.status.intervalS * 1000)
      state.timer.unref()
    })
  }

  const runner: JobRunner = {
    status: () => states.map((s) => ({ ...s.status })),
    async stop() {
      abort.abort()
      for (const s of states) clearTimeout(s.timer)
      await Promise.all(states.map((s) => s.current))
      await Promise.all(
        states.map((s) =>
          s.job
            .drain?.(database.db)
            .catch((err) =>
              log.error({ job: s.job.id, error: loggableError(err) }, 'background job did not stop cleanly'),
            ),
        ),
      )
      if (runners.get(database.db) === runner) runners.delete(database.db)
    },
  }
  runners.set(database.db, runner)
  for (const s of states) launch(s)
  return runner
}
