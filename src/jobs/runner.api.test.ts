import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { capabilityJobs } from '../app/jobs.ts'
import { openDatabase, rows } from '../db/database.ts'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, testDbKind } from '../testing/harness.ts'
import type { Job, JobLog } from './job.ts'
import { startJobs } from './runner.ts'

const silent: JobLog = { debug() {}, info() {}, warn() {}, error() {} }
const until = async (done: () => boolean, ms = 10_000) => {
  for (const end = Date.now() + ms; !done() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20))
}

describe('background jobs', () => {
  let t: TestContext

  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(async () => {
    await t?.close()
  })

  it('an administrator sees every background job with its interval, passes and last success; other keys are refused', async () => {
    const runner = startJobs(t.database, capabilityJobs, { defaultIntervalS: 15, log: silent })
    try {
      await until(() => runner.status().every((j) => j.lastSuccessAt !== null))
      const res = await as(t.app, t.admin).get('/api/v1/jobs')
      expect(res.statusCode, res.body).toBe(200)
      const jobs = res.json().data as { id: string; interval_s: number }[]
      expect(Object.fromEntries(jobs.map((j) => [j.id, j.interval_s]))).toEqual({
        'orders.expire-drafts': 15,
        'fulfilment.expire-uncollected-pickups': 300,
        'stored-value.expire-balances': 300,
        'fiscal.close-days': 300,
        'fiscal.archive-months': 3600,
        'loyalty.expire-points': 3600,
        'offer.apply-scheduled-prices': 15,
        'offer.announce-promotions': 15,
        'supply.propose-replenishment': 3600,
        'analytics.refresh': 15,
        'notifications.send': 0.2,
        'campaigns.dispatch': 1,
        'events.sequence': 0.2,
        'events.deliver-webhooks': 0.2,
        'events.publish-nats': 0.2,
        'events.prune': 3600,
        'loyalty.earn-on-completion': 0.2,
        'franchise.accrue': 0.2,
        'payments.execute-at-provider': 0.2,
        'business.invoice': 0.2,
        'payments.send-to-provider': 0.5,
        'business.invoice-monthly': 3600,
        'business.remind-overdue': 3600,
        'analytics.customer-statistics': 15,
        'notifications.notify': 0.2,
        'partners.stock-feed-sweep': 900,
        'partners.stock-feed': 1,
      })
      for (const job of res.json().data) {
        expect(job).toMatchObject({ failures: 0, skipped: 0, last_failure_at: null })
        // The relay's jobs run every 200 ms, so may have run more than once; the others once so far.
        if (job.interval_s >= 1) expect(job.runs).toBe(1)
        else expect(job.runs).toBeGreaterThanOrEqual(1)
        expect(typeof job.last_duration_ms).toBe('number')
        expect(Date.parse(job.last_success_at)).not.toBeNaN()
      }
      const f = await retailFixture(t)
      expect((await as(t.app, f.keys.callCentre).get('/api/v1/jobs')).statusCode).toBe(403)
      expect((await as(t.app, null).get('/api/v1/jobs')).statusCode).toBe(401)
    } finally {
      await runner.stop()
    }
    expect((await as(t.app, t.admin).get('/api/v1/jobs')).json()).toEqual({ data: [] })
  })

  describe.skipIf(testDbKind() !== 'postgres')('with two server processes on one PostgreSQL database', () => {
    it('a job never runs in both at once: while one process runs it, the other skips its pass', async () => {
      let active = 0
      let overlaps = 0
      let passes = 0
      const slow: Job = {
        id: 'test.exclusive',
        intervalS: 0.02,
        async run(db) {
          active++
          if (active > 1) overlaps++
          try {
            await rows(db, sql`SELECT pg_sleep(0.1)`)
            passes++
            return 0
          } finally {
            active--
          }
        },
      }
      // A second server process: its own pool and lock connection on the same database.
      const other = await openDatabase({ databaseUrl: t.databaseUrl!, poolSize: 4 })
      const first = startJobs(t.database, [slow], { defaultIntervalS: 15, log: silent })
      const second = startJobs(other, [slow], { defaultIntervalS: 15, log: silent })
      try {
        await until(() => passes >= 8)
      } finally {
        await Promise.all([first.stop(), second.stop()])
        await other.close()
      }
      expect(passes).toBeGreaterThanOrEqual(8)
      expect(overlaps).toBe(0)
      const [a, b] = [first.status()[0]!, second.status()[0]!]
      expect(a.runs + b.runs).toBe(passes)
      expect(a.skipped + b.skipped).toBeGreaterThan(0)
      expect(a.failures + b.failures).toBe(0)
    })
  })
})
