import type { Db } from '../db/database.ts'
import { loggableError } from '../db/loggable-error.ts'
import type { JobLog } from '../jobs/job.ts'
import { type ClaimedMessage, claimDue, type Outcome, recordOutcomes } from './messages.store.ts'
import { notificationSettings } from './settings.ts'
import { SmsError, type SmsProvider, twilioProvider } from './sms.ts'
import { type EmailTransport, threadedSmtpTransport } from './smtp.ts'
import { signingSecret, tokenFor, unsubscribeUrl } from './unsubscribe.ts'

export interface Transports {
  /** A nodemailer transport (smtpTransport) or the SMTP thread (threadedSmtpTransport). */
  email?: EmailTransport
  sms?: SmsProvider
  /** The From of e-mails. */
  from: string
}

export interface SendOptions {
  /** Messages taken per claim; a pass claims again while its slots free up, up to `maxPerPass`. */
  batch: number
  maxPerPass: number
  /** Messages in flight at once. */
  concurrency: number
  /** A message claimed and not recorded (the process died) is due again after this. */
  leaseMs: number
  /** Waits between attempts: doubling from `firstRetryMs`, never more than `maxRetryMs`… */
  firstRetryMs: number
  maxRetryMs: number
  /** …until the message is this old: then it is failed. */
  giveUpAfterMs: number
}

// Retries double from 2 s to 5 min: a server down for an hour gets its mail within 5 min of coming
// back, for 12 attempts an hour per waiting message. After 3 days a message is failed (it would
// arrive too late to matter).
export const defaultSendOptions: SendOptions = {
  batch: 100,
  maxPerPass: 5_000,
  concurrency: 48,
  leaseMs: 120_000,
  firstRetryMs: 2_000,
  maxRetryMs: 300_000,
  giveUpAfterMs: 3 * 24 * 3_600_000,
}

export const retryDelayMs = (o: SendOptions, attempts: number) =>
  Math.min(o.maxRetryMs, o.firstRetryMs * 2 ** Math.max(0, attempts - 1))

/** What the environment configures; e-mails and SMS without a transport stay queued. */
export function configuredTransports(): Transports {
  const s = notificationSettings()
  return {
    // The jobs' SMTP conversations run in a thread of their own (smtp.ts, SmtpThread).
    email: s.smtpUrl ? threadedSmtpTransport(s.smtpUrl) : undefined,
    sms: s.twilio ? twilioProvider(s.twilio) : undefined,
    from: s.from,
  }
}

/**
 * One pass: takes due messages of the media that have a transport, hands each to SMTP or the SMS
 * provider, and records what became of it: sent; bounced (refused for good); or due again after a
 * growing wait (server down, temporary refusal) until it is too old and failed. `concurrency`
 * messages are in flight at once (a bounded pool over SMTP's pooled connections: the next message
 * goes as soon as one is done, a slow one holds one slot); while messages keep coming due, the pass
 * claims more as its slots free up (up to `maxPerPass`), so a steady flow waits for no next pass.
 * Outcomes are recorded in batches, one statement for those done meanwhile. Returns how many it handed over.
 */
export async function sendDueMessages(
  db: Db,
  transports: Transports,
  log?: JobLog,
  options: SendOptions = defaultSendOptions,
  signal?: AbortSignal,
): Promise<number> {
  const media = [...(transports.email ? ['email'] : []), ...(transports.sms ? ['sms'] : [])]
  const queue = await claimDue(db, media, options.batch, options.leaseMs)
  if (queue.length === 0) return 0
  const secret = await signingSecret(db)
  let claimedTotal = queue.length
  let exhausted = queue.length < options.batch
  let claiming: Promise<void> | undefined
  const claimMore = () => {
    claiming ??= claimDue(
      db,
      media,
      Math.min(options.batch, options.maxPerPass - claimedTotal),
      options.leaseMs,
    )
      .then((more) => {
        claimedTotal += more.length
        queue.push(...more)
        if (more.length < options.batch) exhausted = true
      })
      .catch((err) => {
        exhausted = true
        log?.warn({ error: loggableError(err) }, 'could not take more due messages; the next pass will')
      })
      .finally(() => {
        claiming = undefined
      })
    return claiming
  }

  let sent = 0
  let done: Array<{ id: string; outcome: Outcome }> = []
  let recording: Promise<void> | undefined
  const record = (): Promise<void> => {
    if (recording || done.length === 0) return recording ?? Promise.resolve()
    const batch = done
    done = []
    recording = recordOutcomes(db, batch)
      .catch((err) => {
        // The lease runs out and the messages go again: at least once, never lost.
        log?.warn(
          { messages: batch.length, error: loggableError(err) },
          'messages sent but not recorded; they will be sent again',
        )
      })
      .finally(() => {
        recording = undefined
      })
    return recording
  }

  const worker = async () => {
    for (;;) {
      const m = queue.shift()
      // The next claim is read while the last messages of this one go, not after.
      const more = !exhausted && !signal?.aborted && claimedTotal < options.maxPerPass
      if (m && more && queue.length < options.concurrency) void claimMore()
      if (!m) {
        if (!more) return
        await claimMore()
        continue
      }
      const outcome = await attempt(m, transports, options, secret)
      if (outcome.kind === 'sent') sent++
      done.push({ id: m.id, outcome })
      void record()
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker))
  while (recording || done.length > 0) await (recording ?? record())
  return sent
}

async function attempt(m: ClaimedMessage, t: Transports, o: SendOptions, secret: Buffer): Promise<Outcome> {
  const retry = (error: string): Outcome =>
    Date.now() - m.created_at.getTime() >= o.giveUpAfterMs
      ? { kind: 'failed', error: `given up after ${m.attempts} attempts: ${error}` }
      : { kind: 'retry', error, retryInMs: retryDelayMs(o, m.attempts) }
  if (m.channel === 'sms') {
    try {
      const { providerRef } = await t.sms!.send({ to: m.address, body: m.body_text })
      return { kind: 'sent', providerRef }
    } catch (err) {
      const message = (err as Error).message
      return err instanceof SmsError && !err.retryable ? { kind: 'bounced', error: message } : retry(message)
    }
  }
  const unsubscribe = unsubscribeUrl(notificationSettings().publicUrl, tokenFor(secret, m.customer_id))
  try {
    const info = await t.email!.sendMail({
      from: t.from,
      to: m.address,
      subject: m.subject,
      text: m.body_text,
      ...(m.body_html ? { html: m.body_html } : {}),
      messageId: `<${m.id}@passerelle>`,
      // RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs to the link.
      headers: {
        'List-Unsubscribe': `<${unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    })
    if (info.rejected && info.rejected.length > 0)
      return { kind: 'bounced', error: `rejected: ${info.response}` }
    return { kind: 'sent', providerRef: info.messageId ?? null }
  } catch (err) {
    const e = err as Error & { code?: string; responseCode?: number; response?: string }
    const error = e.response ?? e.message
    // A 5xx to the recipient (no such mailbox) is refused for good; a 4xx, a connection failure or a
    // refusal of the server's own set-up (sender, authentication) may pass once it is fixed: retried.
    return e.code === 'EENVELOPE' && (e.responseCode ?? 0) >= 500 ? { kind: 'bounced', error } : retry(error)
  }
}
