import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Db } from '../db/database.ts'
import type { Job } from './job.ts'
import { jobStatus, startJobs } from './runner.ts'

const db = {} as Db
const quiet = () => {
  const lines: { level: string; message: string; fields: Record<string, unknown> }[] = []
  const at = (level: string) => (fields: object, message: string) => {
    lines.push({ level, message, fields: fields as Record<string, unknown> })
  }
  return { lines, log: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } }
}

describe('the background job runner', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('a job that keeps failing neither stops nor delays the other jobs, and is retried on its own interval', async () => {
    const { lines, log } = quiet()
    let done = 0
    const jobs: Job[] = [
      {
        id: 'test.broken',
        run: async () => {
          throw new Error('boom')
        },
      },
      { id: 'test.working', run: async () => ++done },
    ]
    const runner = startJobs({ db }, jobs, { defaultIntervalS: 10, log })
    await vi.advanceTimersByTimeAsync(35_000)
    await runner.stop()
    expect(done).toBe(4)
    const [broken, working] = runner.status()
    expect(broken).toMatchObject({ id: 'test.broken', runs: 4, failures: 4, lastSuccessAt: null })
    expect(working).toMatchObject({ id: 'test.working', runs: 4, failures: 0 })
    expect(working?.lastSuccessAt).toBeInstanceOf(Date)
    const failed = lines.filter((l) => l.level === 'error')
    expect(failed).toHaveLength(4)
    expect(failed[0]?.fields).toMatchObject({ job: 'test.broken' })
    expect(lines.filter((l) => l.level === 'info' && l.fields.job === 'test.working')).toHaveLength(4)
  })

  it('each job runs at start and then on its own interval, the sweep interval when it declares none', async () => {
    const { log } = quiet()
    const runs: Record<string, number> = { fast: 0, hourly: 0, sweep: 0 }
    const counting = (id: string, intervalS?: number): Job => ({
      id,
      intervalS,
      run: async () => {
        runs[id]!++
        return 0
      },
    })
    const runner = startJobs({ db }, [counting('fast', 1), counting('hourly', 3600), counting('sweep')], {
      defaultIntervalS: 15,
      log,
    })
    await vi.advanceTimersByTimeAsync(60_000)
    await runner.stop()
    expect(runs).toEqual({ fast: 61, hourly: 1, sweep: 5 })
    expect(runner.status().map((s) => s.intervalS)).toEqual([1, 3600, 15])
  })

  it("a job woken by another job's productive pass runs at once, and a wake during its pass runs it again right after", async () => {
    const { log } = quiet()
    let produced = 0
    const consumed: number[] = []
    let releaseConsumer: (() => void) | undefined
    const jobs: Job[] = [
      // Produces something on its passes at 0 s and 1 s, nothing after.
      { id: 'test.producer', intervalS: 1, run: async () => (++produced <= 2 ? 1 : 0) },
      {
        id: 'test.consumer',
        intervalS: 3600,
        wakeAfter: ['test.producer'],
        run: async () => {
          consumed.push(Date.now())
          // Its first pass is slow: the producer's second pass ends while it runs.
          if (consumed.length === 1) await new Promise<void>((r) => (releaseConsumer = r))
          return 0
        },
      },
      { id: 'test.unrelated', intervalS: 3600, run: async () => 0 },
    ]
    const start = Date.now()
    const runner = startJobs({ db }, jobs, { defaultIntervalS: 10, log })
    await vi.advanceTimersByTimeAsync(1_500)
    // Started at 0 s (the runner's start): the producer's wake at 0 s found it running and asked for one more.
    expect(consumed).toHaveLength(1)
    releaseConsumer?.()
    await vi.advanceTimersByTimeAsync(10)
    expect(consumed.length).toBe(2)
    // Nothing produced after 1 s: the consumer sleeps on its hour-long interval.
    await vi.advanceTimersByTimeAsync(60_000)
    await runner.stop()
    expect(consumed.length).toBe(2)
    expect(consumed[1]! - start).toBeLessThan(2_000)
    expect(runner.status().find((s) => s.id === 'test.unrelated')?.runs).toBe(1)
  })

  it('a pass that finds nothing to do writes no log line', async () => {
    const { lines, log } = quiet()
    const runner = startJobs({ db }, [{ id: 'test.idle', run: async () => 0 }], { defaultIntervalS: 1, log })
    await vi.advanceTimersByTimeAsync(5_000)
    await runner.stop()
    expect(lines).toEqual([])
    expect(runner.status()[0]?.runs).toBe(6)
  })

  it('when the database cannot be reached, the job logs a warning and tries again next interval', async () => {
    const { lines, log } = quiet()
    let down = true
    const job: Job = {
      id: 'test.needs-db',
      run: async () => {
        if (down)
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
        return 1
      },
    }
    const runner = startJobs({ db }, [job], { defaultIntervalS: 5, log })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(lines).toEqual([
      {
        level: 'warn',
        message: 'database unavailable; background job retries next interval',
        fields: { job: 'test.needs-db', reason: 'ECONNREFUSED' },
      },
    ])
    down = false
    await vi.advanceTimersByTimeAsync(5_000)
    await runner.stop()
    expect(lines.at(-1)).toMatchObject({ level: 'info', fields: { job: 'test.needs-db', count: 1 } })
  })

  it('a pass whose lock another server process holds is skipped quietly', async () => {
    const { lines, log } = quiet()
    let ran = 0
    const runner = startJobs(
      { db, tryLock: async () => undefined },
      [{ id: 'test.elsewhere', run: async () => ++ran }],
      { defaultIntervalS: 1, log },
    )
    await vi.advanceTimersByTimeAsync(2_000)
    await runner.stop()
    expect(ran).toBe(0)
    expect(runner.status()[0]).toMatchObject({ runs: 0, skipped: 3 })
    expect(lines.every((l) => l.level === 'debug')).toBe(true)
  })

  it('stopping asks a long pass to stop early, waits for it and schedules nothing more', async () => {
    const { log } = quiet()
    let batches = 0
    const job: Job = {
      id: 'test.batches',
      run: async (_db, _log, signal) => {
        while (!signal.aborted) {
          batches++
          await new Promise((r) => setTimeout(r, 100))
        }
        return batches
      },
    }
    const runner = startJobs({ db }, [job], { defaultIntervalS: 1, log })
    expect(jobStatus(db)?.[0]?.running).toBe(true)
    await vi.advanceTimersByTimeAsync(1_000)
    const stopped = runner.stop()
    await vi.advanceTimersByTimeAsync(100)
    await stopped
    const after = batches
    await vi.advanceTimersByTimeAsync(10_000)
    expect(batches).toBe(after)
    expect(jobStatus(db)).toBeUndefined()
  })
})
