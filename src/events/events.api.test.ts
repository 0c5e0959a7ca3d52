import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rows } from '../db/database.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'
import { propertyRuns } from '../testing/property-runs.ts'
import { settle } from '../testing/settle.ts'
import { catalogue, customerEvents, eventTypes, stockEvents } from './catalogue.ts'
import { bySystem, type PublishedEvent } from './define.ts'
import { confirmed, sleep } from './events.fixture.ts'
import { eventRecords, outboxInsert, outboxInsertText, recordEvents } from './outbox.ts'
import { runConsumer, sequenceEvents } from './relay.ts'
import { pruneEvents } from './retention.ts'

let t: TestContext
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t?.close())

const feed = async (query: string) => {
  const res = await as(t.app, t.admin).get(`/api/v1/events?${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { data: PublishedEvent[]; next_cursor: string; has_more: boolean }
}

/** Every event of the feed from a cursor to its end, page by page. */
async function readAll(after = '0', limit = 50, types?: string) {
  const out: PublishedEvent[] = []
  let cursor = after
  for (;;) {
    const page = await feed(`after=${cursor}&limit=${limit}${types ? `&types=${types}` : ''}`)
    out.push(...page.data)
    cursor = page.next_cursor
    if (!page.has_more) return { events: out, cursor }
  }
}

async function head(): Promise<string> {
  await sequenceEvents(t.database.db)
  return (await feed('limit=1')).next_cursor === '0' ? '0' : (await readAll()).cursor
}

describe('the outbox', () => {
  it('an event recorded in a transaction that rolls back is never published; one that commits is, once', async () => {
    const from = await head()
    const kept = confirmed('ord_kept')
    const lost = confirmed('ord_lost')
    await t.database.db.transaction((tx) => recordEvents(tx, [kept]))
    await expect(
      t.database.db.transaction(async (tx) => {
        await recordEvents(tx, [lost])
        throw new Error('the order was refused')
      }),
    ).rejects.toThrow('refused')
    expect(await sequenceEvents(t.database.db)).toBe(1)
    expect(await sequenceEvents(t.database.db)).toBe(0)
    const { events } = await readAll(from)
    expect(events.map((e) => e.id)).toEqual([kept.id])
    expect(events[0]).toMatchObject({
      type: 'order.confirmed',
      version: 1,
      aggregate: { type: 'order', id: 'ord_kept' },
      actor: { kind: 'api_key', id: 'key_test' },
      data: { order_id: 'ord_kept', paid_cents: 1000 },
    })
  })

  it('a single statement writes the fact and its events together, or neither when its gate refuses', async () => {
    const from = await head()
    const events = [confirmed('ord_one_statement_a'), confirmed('ord_one_statement_b')]
    // As a drizzle fragment in a CTE beside the fact's own write…
    await t.database.db.execute(
      sql`WITH fact AS (SELECT 1 AS ok), ev AS (${outboxInsert(events, sql`(SELECT ok = 1 FROM fact)`)})
          SELECT 1`,
    )
    // …and as text for a prepared statement with positional parameters, whose gate refuses here.
    const refused = [confirmed('ord_refused')]
    await t.database.db.transaction(async (tx) => {
      const client = (
        tx as unknown as { session: { client: { query(q: string, v: unknown[]): Promise<unknown> } } }
      ).session.client
      await client.query(
        `WITH go AS (SELECT $2::boolean AS ok), ev AS (${outboxInsertText('$1', '(SELECT ok FROM go)')}) SELECT 1`,
        [eventRecords(refused), false],
      )
    })
    await sequenceEvents(t.database.db)
    const { events: published } = await readAll(from)
    expect(published.map((e) => e.id)).toEqual(events.map((e) => e.id))
  })

  it('a payload that does not match its type schema is refused before anything is written', () => {
    expect(() =>
      stockEvents.event('stock.received', {
        aggregateId: 'loc_1',
        actor: bySystem,
        // quantity must be a positive integer: TypeScript cannot tell, the schema does
        payload: { location_id: 'loc_1', lines: [{ sku: 'A', quantity: -2 }] },
      }),
    ).toThrow(/stock.received: payload \/lines\/0\/quantity/)
  })

  it('an erasure event carries the customer id and nothing else', () => {
    const erased = customerEvents.definitions.find((d) => d.type === 'customer.erased')!
    expect(Object.keys(erased.payload.properties)).toEqual(['customer_id'])
    expect(() =>
      customerEvents.event('customer.erased', {
        aggregateId: 'cus_1',
        actor: bySystem,
        // @ts-expect-error: no personal data may ride along
        payload: { customer_id: 'cus_1', email: 'jeanne@example.com' },
      }),
    ).toThrow(/customer.erased/)
  })
})

describe('the relay', () => {
  it('two relays at once publish every committed event once, gap-free, in order per aggregate, and a reader paging meanwhile skips none', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            aggregate: fc.integer({ min: 0, max: 3 }),
            events: fc.integer({ min: 1, max: 3 }),
            commit: fc.boolean(),
            pauseMs: fc.integer({ min: 0, max: 15 }),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        async (transactions) => {
          const db = t.database.db
          const from = await head()
          const run = `r${Math.random().toString(36).slice(2, 8)}`
          const committed: Record<string, string[]> = {}
          // One writer per aggregate (a fact locks its aggregate, so its transactions follow one another);
          // writers of different aggregates overlap, and hold their transactions open for a while.
          const writers = [0, 1, 2, 3].map(async (a) => {
            const aggregate = `ord_${run}_${a}`
            for (const tx of transactions.filter((x) => x.aggregate === a)) {
              const events = Array.from({ length: tx.events }, () => confirmed(aggregate))
              await db
                .transaction(async (q) => {
                  await recordEvents(q, events)
                  await sleep(tx.pauseMs)
                  if (!tx.commit) throw new Error('rolled back')
                })
                .then(
                  () => {
                    committed[aggregate] = [...(committed[aggregate] ?? []), ...events.map((e) => e.id)]
                  },
                  () => {},
                )
            }
          })
          let writing = true
          let relaying = true
          const relay = async () => {
            while (writing) {
              await sequenceEvents(db, 3)
              await sleep(1)
            }
            while ((await sequenceEvents(db, 3)) > 0);
          }
          // A reader paging the feed while events are written and published.
          const seen: PublishedEvent[] = []
          const reader = async () => {
            let cursor = from
            for (let idle = 0; idle < 3; ) {
              const page = await feed(`after=${cursor}&limit=4`)
              seen.push(...page.data)
              cursor = page.next_cursor
              // Stop only once the relays have drained and three pages in a row came back empty.
              idle = relaying || page.data.length > 0 ? 0 : idle + 1
              await sleep(2)
            }
          }
          const relays = [relay(), relay()]
          const reading = reader()
          await Promise.all(writers)
          writing = false
          await Promise.all(relays)
          relaying = false
          await reading
          const mine = seen.filter((e) => e.aggregate.id.startsWith(`ord_${run}_`))
          const positions = seen.map((e) => e.position)
          expect(positions).toEqual(positions.map((_, i) => Number(from) + i + 1))
          expect(new Set(mine.map((e) => e.id)).size).toBe(mine.length)
          const expected = Object.values(committed).flat().sort()
          expect(mine.map((e) => e.id).sort()).toEqual(expected)
          for (const [aggregate, ids] of Object.entries(committed)) {
            expect(mine.filter((e) => e.aggregate.id === aggregate).map((e) => e.id)).toEqual(ids)
          }
        },
      ),
      { numRuns: propertyRuns(6) },
    )
  })

  it('a consumer applies each event once, with its cursor and its effect in one transaction', async () => {
    const db = t.database.db
    await head()
    await db.execute(
      sql`CREATE TABLE IF NOT EXISTS test_paid (order_id text PRIMARY KEY, cents int NOT NULL)`,
    )
    let failNext = true
    const consumer = {
      id: `test.paid-${Math.random().toString(36).slice(2, 8)}`,
      types: ['order.confirmed'],
      async apply(tx: Parameters<Parameters<typeof db.transaction>[0]>[0], e: PublishedEvent) {
        await tx.execute(
          sql`INSERT INTO test_paid (order_id, cents) VALUES (${e.aggregate.id}, ${e.data.paid_cents as number})
              ON CONFLICT (order_id) DO UPDATE SET cents = test_paid.cents + excluded.cents`,
        )
        if (failNext && e.aggregate.id === 'ord_consumer_b') {
          failNext = false
          throw new Error('the effect failed once')
        }
      },
    }
    // The consumer starts from the oldest event kept: move it to now, as a new consumer would be.
    await db.execute(
      sql`INSERT INTO event_cursor (id, position) SELECT ${consumer.id}, position FROM event_cursor WHERE id = 'events.sequence'`,
    )
    await db.transaction((tx) =>
      recordEvents(tx, [confirmed('ord_consumer_a', 100), confirmed('ord_consumer_b', 200)]),
    )
    await sequenceEvents(db)
    await expect(runConsumer(db, consumer)).rejects.toThrow('failed once')
    const [both] = await Promise.all([runConsumer(db, consumer), runConsumer(db, consumer)])
    expect(await runConsumer(db, consumer)).toBe(0)
    expect(both).toBeLessThanOrEqual(2)
    const paid = await rows<{ order_id: string; cents: number }>(
      db,
      sql`SELECT order_id, cents FROM test_paid WHERE order_id LIKE 'ord_consumer_%' ORDER BY order_id`,
    )
    expect(paid).toEqual([
      { order_id: 'ord_consumer_a', cents: 100 },
      { order_id: 'ord_consumer_b', cents: 200 },
    ])
  })
})

describe('the event feed', () => {
  it('pages with stable cursors, filters by type or family, and says where to read on when nothing is new', async () => {
    const from = await head()
    const orders = Array.from({ length: 7 }, (_, i) => confirmed(`ord_feed_${i}`))
    const stock = stockEvents.event('stock.received', {
      aggregateId: 'loc_feed',
      actor: bySystem,
      payload: { location_id: 'loc_feed', lines: [{ sku: 'SKU-1', quantity: 3 }] },
    })
    await t.database.db.transaction((tx) =>
      recordEvents(tx, [...orders.slice(0, 4), stock, ...orders.slice(4)]),
    )
    await sequenceEvents(t.database.db)

    const first = await feed(`after=${from}&limit=3`)
    expect(first.has_more).toBe(true)
    expect(first.data.map((e) => e.id)).toEqual(orders.slice(0, 3).map((e) => e.id))
    // The same cursor gives the same page, however often it is read.
    expect((await feed(`after=${first.next_cursor}&limit=3`)).data).toEqual(
      (await feed(`after=${first.next_cursor}&limit=3`)).data,
    )
    const all = await readAll(from, 3)
    expect(all.events.map((e) => e.id)).toEqual(
      [...orders.slice(0, 4), stock, ...orders.slice(4)].map((e) => e.id),
    )

    const onlyStock = await readAll(from, 3, 'stock.*')
    expect(onlyStock.events.map((e) => e.id)).toEqual([stock.id])
    expect(onlyStock.cursor).toBe(all.cursor)
    const nothingNew = await feed(`after=${all.cursor}`)
    expect(nothingNew).toEqual({ data: [], next_cursor: all.cursor, has_more: false })

    for (const bad of ['types=order.nope', 'types=%00', 'after=-1', 'after=abc', 'limit=0', 'limit=5000']) {
      const res = await as(t.app, t.admin).get(`/api/v1/events?${bad}`)
      expect(res.statusCode, bad).toBe(400)
    }
    expect((await as(t.app, null).get('/api/v1/events')).statusCode).toBe(401)
  })

  it('the retention job prunes events every reader is done with after N days, and an older cursor is told so', async () => {
    const db = t.database.db
    const from = await head()
    const old = [confirmed('ord_old_1'), confirmed('ord_old_2')]
    const recent = confirmed('ord_recent')
    await db.transaction((tx) => recordEvents(tx, old))
    await sequenceEvents(db)
    await db.transaction((tx) => recordEvents(tx, [recent]))
    await sequenceEvents(db)
    // Everything up to `from` and the two old ones were published 40 days ago.
    await db.execute(
      sql`UPDATE event SET published_at = now() - interval '40 days'
          WHERE position <= (SELECT position FROM event WHERE id = ${old[1]!.id})`,
    )
    // The house's consumers (points, commissions) have read them all; readers of earlier tests are
    // gone; a consumer that has not read these yet holds them back.
    await settle(db)
    await db.execute(sql`DELETE FROM event_cursor WHERE id LIKE 'test.%'`)
    await db.execute(sql`INSERT INTO event_cursor (id, position) VALUES ('test.lagging', 0)`)
    expect(await pruneEvents(db, 30)).toBe(0)
    await db.execute(sql`DELETE FROM event_cursor WHERE id = 'test.lagging'`)
    expect(await pruneEvents(db, 30)).toBe(Number(from) + 2)
    const { events } = await readAll('0')
    expect(events.map((e) => e.id)).toEqual([recent.id])
    const expired = await as(t.app, t.admin).get('/api/v1/events?after=1')
    expect(expired.statusCode, expired.body).toBe(410)
    expect(expired.json().error).toMatchObject({
      code: 'cursor_expired',
      details: { oldest_position: events[0]!.position },
    })
  })
})

describe('the AsyncAPI document', () => {
  it('describes every event type of the catalogue with its payload schema, and /docs links to it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/asyncapi.json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.asyncapi).toBe('3.0.0')
    const types = catalogue.flatMap((g) => g.definitions.map((d) => d.type))
    expect(types).toEqual(eventTypes)
    expect(Object.values(doc.components.messages).map((m) => (m as { name: string }).name)).toEqual(types)
    expect(doc.channels.order_placed.address).toBe('passerelle.order.placed')
    const placed = doc.components.messages.order_placed.payload
    expect(placed.properties.data.required).toContain('total_cents')
    expect(placed.properties.aggregate.properties.type.const).toBe('order')
    for (const type of [
      'order.placed',
      'order.confirmed',
      'order.cancelled',
      'order.line_fulfilled',
      'order.completed',
      'order.expired',
      'payment.captured',
      'payment.refunded',
      'stock.received',
      'stock.adjusted',
      'stock.counted',
      'stock.transferred',
      'stock.reservations_released',
      'price.changed',
      'customer.created',
      'customer.merged',
      'customer.erased',
      'pickup.ready',
      'pickup.collected',
      'pickup.expired',
      'ticket.opened',
      'ticket.status_changed',
      'parcel.labelled',
      'parcel.shipped',
      'parcel.tracking_updated',
      'franchise.statement_closed',
      'partner.stock_changed',
    ]) {
      expect(types).toContain(type)
    }
    const openapi = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json()
    expect(openapi.info.description).toContain('(/asyncapi.json)')
  })
})
