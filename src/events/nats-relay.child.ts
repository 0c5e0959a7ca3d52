// A relay process for the kill -9 test (events.nats.api.test.ts): publishes the outbox of DATABASE_URL
// to NATS_URL in small batches until it is killed. With CRASH_AFTER_ACK=1 it kills itself once its
// first batch is acknowledged by JetStream and before it records that: the worst moment to die.
import { openDatabase } from '../db/database.ts'
import { natsSettings, publishToNats } from './nats.ts'
import { sequenceEvents } from './relay.ts'

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, poolSize: 2 })
const settings = natsSettings()!
const batch = Number(process.env.BATCH ?? '20')
const crash = process.env.CRASH_AFTER_ACK === '1' ? () => process.kill(process.pid, 'SIGKILL') : undefined
for (;;) {
  await sequenceEvents(database.db)
  const n = await publishToNats(database.db, settings, batch, crash)
  process.stdout.write(`published ${n}\n`)
  await new Promise((r) => setTimeout(r, n === 0 ? 20 : 5))
}
