import { type ChildProcess, spawn } from 'node:child_process'
import { sql } from 'drizzle-orm'
import { connect, type JetStreamManager, type NatsConnection } from 'nats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rows } from '../db/database.ts'
import { nodeArgsFor } from '../testing/cli.ts'
import { startTestApp, type TestContext, testDbKind } from '../testing/harness.ts'
import { postgresRelay } from '../testing/pg-relay.ts'
import { confirmed, sleep, until } from './events.fixture.ts'
import { closeNats, type NatsSettings, natsCursor, publishToNats } from './nats.ts'
import { recordEvents } from './outbox.ts'
import { sequenceEvents } from './relay.ts'

// The NATS server of this machine and of CI; a developer without one skips these (CI=true requires them).
const natsUrl = process.env.NATS_URL ?? (process.env.CI === 'true' ? 'nats://127.0.0.1:4222' : undefined)

const settingsFor = (url: string): NatsSettings => {
  const run = Math.random().toString(36).slice(2, 8)
  return {
    url,
    stream: `PASSERELLE_TEST_${run}`,
    subjectPrefix: `passerelle_test_${run}`,
    duplicateWindowMs: 10 * 60_000,
    ackTimeoutMs: 500,
  }
}

describe.skipIf(!natsUrl)('events on NATS JetStream', () => {
  let t: TestContext
  let nc: NatsConnection
  let jsm: JetStreamManager
  const streams: string[] = []

  beforeAll(async () => {
    t = await startTestApp()
    nc = await connect({ servers: natsUrl! })
    jsm = await nc.jetstreamManager()
  })
  afterAll(async () => {
    await closeNats()
    for (const s of streams) await jsm.streams.delete(s).catch(() => {})
    await nc?.close()
    await t?.close()
  })

  async function record(count: number, aggregates = 5) {
    const events = Array.from({ length: count }, (_, i) => confirmed(`ord_nats_${i % aggregates}`))
    for (let i = 0; i < events.length; i += 50) {
      await t.database.db.transaction((tx) => recordEvents(tx, events.slice(i, i + 50)))
    }
    return events
  }

  /** Every message of the stream: subject, message id and the event's position. */
  async function messages(stream: string) {
    const info = await jsm.streams.info(stream)
    const out: { subject: string; msgId: string; id: string; position: number; aggregate: string }[] = []
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const m = await jsm.streams.getMessage(stream, { seq })
      const e = m.json<{ id: string; position: number; aggregate: { id: string } }>()
      out.push({
        subject: m.subject,
        msgId: m.header.get('Nats-Msg-Id'),
        id: e.id,
        position: e.position,
        aggregate: e.aggregate.id,
      })
    }
    return out
  }

  const head = async () =>
    (
      await rows<{ p: number }>(
        t.database.db,
        sql`SELECT position AS p FROM event_cursor WHERE id = 'events.sequence'`,
      )
    )[0]!.p

  it('publishes each event once to passerelle.<type> in a stream it creates, and waits in the outbox while NATS is away', async () => {
    const proxy = await postgresRelay(natsUrl!)
    const settings = settingsFor(proxy.url)
    streams.push(settings.stream)
    const db = t.database.db
    try {
      const first = await record(30)
      await sequenceEvents(db)
      let sent = 0
      while ((await publishToNats(db, settings, 20)) > 0) sent++
      expect(sent).toBe(2)
      const stored = await messages(settings.stream)
      expect(stored.map((m) => m.id).slice(-30)).toEqual(first.map((e) => e.id))
      expect(stored.every((m) => m.msgId === m.id)).toBe(true)
      expect(stored.at(-1)!.subject).toBe(`${settings.subjectPrefix}.order.confirmed`)

      // NATS goes away: the events wait, the cursor stays, nothing is lost…
      proxy.down()
      const during = await record(25)
      await sequenceEvents(db)
      const cursorBefore = (
        await rows<{ p: number }>(
          db,
          sql`SELECT position AS p FROM event_cursor WHERE id = ${natsCursor(settings)}`,
        )
      )[0]!.p
      await expect(publishToNats(db, settings, 20)).rejects.toThrow()
      const cursorAfter = (
        await rows<{ p: number }>(
          db,
          sql`SELECT position AS p FROM event_cursor WHERE id = ${natsCursor(settings)}`,
        )
      )[0]!.p
      expect(cursorAfter).toBe(cursorBefore)
      // …and they flow once it is back (the client reconnects by itself).
      proxy.up()
      await until(
        async () => {
          await publishToNats(db, settings, 20).catch(() => 0)
          const c = (
            await rows<{ p: number }>(
              db,
              sql`SELECT position AS p FROM event_cursor WHERE id = ${natsCursor(settings)}`,
            )
          )[0]!.p
          return Number(c) === Number(await head())
        },
        20_000,
        'the waiting events to be published',
      )
      await sleep(300)
      const all = await messages(settings.stream)
      const ids = all.map((m) => m.id)
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids.slice(-25)).toEqual(during.map((e) => e.id))
    } finally {
      await closeNats()
      await proxy.close()
    }
  })

  it.skipIf(testDbKind() !== 'postgres')(
    'JetStream holds each event exactly once when the relay process is killed mid-stream and started again',
    async () => {
      // PostgreSQL only: the relay runs in child processes, which cannot share the test's embedded database.
      const settings = settingsFor(natsUrl!)
      streams.push(settings.stream)
      // This stream gets the events recorded from now on (a new one would get the whole retained history).
      await sequenceEvents(t.database.db)
      await t.database.db.execute(
        sql`INSERT INTO event_cursor (id, position) VALUES (${natsCursor(settings)}, ${Number(await head())})`,
      )
      const events = await record(600, 7)
      const child = (extra: Record<string, string> = {}): ChildProcess =>
        spawn(process.execPath, nodeArgsFor(new URL('./nats-relay.child.ts', import.meta.url)), {
          env: {
            ...process.env,
            DATABASE_URL: t.databaseUrl!,
            NATS_URL: natsUrl!,
            PASSERELLE_NATS_STREAM: settings.stream,
            PASSERELLE_NATS_SUBJECT_PREFIX: settings.subjectPrefix,
            BATCH: '10',
            ...extra,
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        })
      const exited = (p: ChildProcess) =>
        new Promise<NodeJS.Signals | number | null>((resolve) =>
          p.once('exit', (code, signal) => resolve(signal ?? code)),
        )
      const stored = async () =>
        (await jsm.streams.info(settings.stream).catch(() => undefined))?.state.messages ?? 0

      // 1. Dies right after JetStream acknowledged a batch, before recording it.
      const first = child({ CRASH_AFTER_ACK: '1' })
      expect(await exited(first)).toBe('SIGKILL')
      expect(await stored()).toBe(10)
      // 2. Killed with -9 from outside, mid-stream.
      const second = child()
      await until(async () => (await stored()) >= 200, 60_000, 'the second relay to be mid-stream')
      second.kill('SIGKILL')
      expect(await exited(second)).toBe('SIGKILL')
      expect(await stored()).toBeLessThan(events.length)
      // 3. Started again: it publishes the rest, and what was published but not recorded again.
      const third = child()
      try {
        await until(
          async () =>
            Number(
              (
                await rows<{ p: number }>(
                  t.database.db,
                  sql`SELECT position AS p FROM event_cursor WHERE id = ${natsCursor(settings)}`,
                )
              )[0]?.p ?? 0,
            ) === Number(await head()),
          60_000,
          'the third relay to catch up',
        )
      } finally {
        third.kill('SIGKILL')
        await exited(third)
      }
      const all = await messages(settings.stream)
      expect(all).toHaveLength(events.length)
      expect(all.map((m) => m.id).sort()).toEqual(events.map((e) => e.id).sort())
      // In order: the stream's order is the published order, so each order's events are in theirs.
      expect(all.map((m) => m.position)).toEqual([...all.map((m) => m.position)].sort((a, b) => a - b))
      for (const aggregate of new Set(events.map((e) => e.aggregateId))) {
        expect(all.filter((m) => m.aggregate === aggregate).map((m) => m.id)).toEqual(
          events.filter((e) => e.aggregateId === aggregate).map((e) => e.id),
        )
      }
    },
    120_000,
  )
})
