import { sql } from 'drizzle-orm'
import { connect, type JetStreamClient, type NatsConnection, nanos, StorageType } from 'nats'
import { type Db, rows } from '../db/database.ts'
import { startupError } from '../shared/common.errors.ts'
import { eventsAfter } from './relay.ts'

export interface NatsSettings {
  /** NATS server(s), comma-separated: `nats://127.0.0.1:4222`. */
  url: string
  /** The JetStream stream, created if missing. */
  stream: string
  /** Events go to `<prefix>.<type>`: `passerelle.order.placed`. */
  subjectPrefix: string
  /**
   * JetStream drops a message whose id (the event id) it stored within this window. A publisher that
   * dies after publishing but before recording it publishes those events again when it restarts: within
   * the window they are dropped as duplicates.
   */
  duplicateWindowMs: number
  /** How long to wait for JetStream to acknowledge a message. */
  ackTimeoutMs: number
}

/** NATS settings from the environment: none unless NATS_URL is set (the embedded default needs no NATS). */
export function natsSettings(env: NodeJS.ProcessEnv = process.env): NatsSettings | undefined {
  const url = env.NATS_URL?.trim()
  if (!url) return undefined
  const prefix = env.PASSERELLE_NATS_SUBJECT_PREFIX?.trim()
  if (prefix !== undefined && prefix !== '' && !/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(prefix)) {
    throw startupError(
      'invalid_config',
      'PASSERELLE_NATS_SUBJECT_PREFIX must be NATS subject tokens (a-z, 0-9, _ -, dots).',
      {
        setting: 'PASSERELLE_NATS_SUBJECT_PREFIX',
      },
    )
  }
  const stream = env.PASSERELLE_NATS_STREAM?.trim() || 'PASSERELLE'
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(stream)) {
    throw startupError(
      'invalid_config',
      'PASSERELLE_NATS_STREAM must be 1 to 64 of A-Z, a-z, 0-9, _ and -.',
      {
        setting: 'PASSERELLE_NATS_STREAM',
      },
    )
  }
  if (!/^(nats|tls|wss?):\/\//.test(url)) {
    throw startupError('invalid_config', 'NATS_URL must start with nats://, tls://, ws:// or wss://.', {
      setting: 'NATS_URL',
    })
  }
  return {
    url,
    stream,
    subjectPrefix: env.PASSERELLE_NATS_SUBJECT_PREFIX?.trim() || 'passerelle',
    duplicateWindowMs: 10 * 60_000,
    ackTimeoutMs: 5_000,
  }
}

interface Link {
  nc: NatsConnection
  js: JetStreamClient
}
const links = new Map<string, Promise<Link>>()

/** One connection per server and stream in this process, the stream created on first use. */
function linkTo(settings: NatsSettings): Promise<Link> {
  const key = `${settings.url}|${settings.stream}`
  let link = links.get(key)
  if (!link) {
    link = (async () => {
      const nc = await connect({
        servers: settings.url.split(',').map((s) => s.trim()),
        name: 'passerelle',
        timeout: 2_000,
        // Reconnects on its own for as long as the process lives; publishes wait in the outbox meanwhile.
        maxReconnectAttempts: -1,
        reconnectTimeWait: 500,
      })
      try {
        const jsm = await nc.jetstreamManager()
        const subjects = [`${settings.subjectPrefix}.>`]
        await jsm.streams
          .info(settings.stream)
          .catch(async (err: { code?: string; api_error?: { err_code?: number } }) => {
            if (err?.api_error?.err_code !== 10059 && err?.code !== '404') throw err
            await jsm.streams.add({
              name: settings.stream,
              subjects,
              storage: StorageType.File,
              duplicate_window: nanos(settings.duplicateWindowMs),
            })
          })
        return { nc, js: nc.jetstream() }
      } catch (err) {
        await nc.close().catch(() => {})
        throw err
      }
    })()
    link.catch(() => links.delete(key))
    links.set(key, link)
  }
  return link
}

/** Closes this process's NATS connections (on stop). */
export async function closeNats(): Promise<void> {
  const open = [...links.values()]
  links.clear()
  await Promise.all(open.map((l) => l.then((x) => x.nc.drain()).catch(() => {})))
}

/** Where the NATS publisher of a stream got to (an event_cursor row). */
export const natsCursor = (settings: NatsSettings) => `nats:${settings.stream}`

/**
 * One pass: publishes the events after the publisher's cursor to JetStream, in position order, the event
 * id as message id, and moves the cursor past those JetStream acknowledged, in one transaction that
 * holds the cursor row (a second process finds it locked and leaves the pass to the first). Messages are
 * sent without waiting for each acknowledgement (one connection keeps their order); the cursor moves to
 * the last of the unbroken run of acknowledged ones, the rest are sent again next pass and JetStream
 * drops any it already stored. A NATS outage throws: the events wait in the outbox.
 */
export async function publishToNats(
  db: Db,
  settings: NatsSettings,
  limit = 500,
  /** Test hook: called once the batch is acknowledged, before the cursor moves. */
  onAcknowledged?: () => void,
): Promise<number> {
  const cursorId = natsCursor(settings)
  const [pending] = await rows<{ any: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM event WHERE position > coalesce(
          (SELECT position FROM event_cursor WHERE id = ${cursorId}), 0)) AS any`,
  )
  if (!pending?.any) return 0
  const { js } = await linkTo(settings)
  await db.execute(sql`INSERT INTO event_cursor (id) VALUES (${cursorId}) ON CONFLICT DO NOTHING`)
  let failure: unknown
  const published = await db.transaction(async (tx) => {
    const [cursor] = await rows<{ position: number }>(
      tx,
      sql`SELECT position FROM event_cursor WHERE id = ${cursorId} FOR UPDATE SKIP LOCKED`,
    )
    if (!cursor) return 0
    const batch = await eventsAfter(tx, Number(cursor.position), limit)
    const acks = await Promise.allSettled(
      batch.map((e) =>
        js.publish(`${settings.subjectPrefix}.${e.type}`, JSON.stringify(e), {
          msgID: e.id,
          timeout: settings.ackTimeoutMs,
        }),
      ),
    )
    const broken = acks.findIndex((a) => a.status === 'rejected')
    const done = broken === -1 ? batch.length : broken
    if (broken !== -1) failure = (acks[broken] as PromiseRejectedResult).reason
    onAcknowledged?.()
    if (done > 0) {
      await tx.execute(
        sql`UPDATE event_cursor SET position = ${batch[done - 1]!.position}, updated_at = now() WHERE id = ${cursorId}`,
      )
    }
    return done
  })
  if (failure) throw failure
  return published
}
