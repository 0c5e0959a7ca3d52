import nodemailer, { type Transporter } from 'nodemailer'
import type { Db } from '../db/database.ts'
import { loggableError } from '../db/loggable-error.ts'
import type { JobLog } from '../jobs/job.ts'
import { type ClaimedMessage, claimDue, type Outcome, recordOutcome } from './messages.store.ts'
import { notificationSettings } from './settings.ts'
import { SmsError, type SmsProvider, twilioProvider } from './sms.ts'
import { signingSecret, tokenFor, unsubscribeUrl } from './unsubscribe.ts'

export interface Transports {
  /** An SMTP URL (`smtp://host:port`, `smtps://user:pass@host`) or a nodemailer transport. */
  email?: Transporter
  sms?: SmsProvider
  /** The From of e-mails. */
  from: string
}

export interface SendOptions {
  /** Messages taken per pass, and sent at once at most. */
  batch: number
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
  batch: 200,
  concurrency: 16,
  leaseMs: 120_000,
  firstRetryMs: 2_000,
  maxRetryMs: 300_000,
  giveUpAfterMs: 3 * 24 * 3_600_000,
}

export const retryDelayMs = (o: SendOptions, attempts: number) =>
  Math.min(o.maxRetryMs, o.firstRetryMs * 2 ** Math.max(0, attempts - 1))

const transporters = new Map<string, Transporter>()

/** One pooled SMTP transport per URL, kept for the process (a connection per message costs the handshake each time). */
export function smtpTransport(url: string): Transporter {
  let t = transporters.get(url)
  if (!t) {
    // nodemailer reads a URL's settings from its query only; settings the URL gives win.
    const withDefaults = new URL(url)
    for (const [k, v] of Object.entries(smtpDefaults)) {
      if (!withDefaults.searchParams.has(k)) withDefaults.searchParams.set(k, v)
    }
    t = nodemailer.createTransport(withDefaults.toString())
    transporters.set(url, t)
  }
  return t
}

const smtpDefaults = {
  pool: 'true',
  maxConnections: '4',
  connectionTimeout: '10000',
  greetingTimeout: '10000',
  socketTimeout: '30000',
}

export function closeSmtpTransports(): void {
  for (const t of transporters.values()) t.close()
  transporters.clear()
}

/** What the environment configures; e-mails and SMS without a transport stay queued. */
export function configuredTransports(): Transports {
  const s = notificationSettings()
  return {
    email: s.smtpUrl ? smtpTransport(s.smtpUrl) : undefined,
    sms: s.twilio ? twilioProvider(s.twilio) : undefined,
    from: s.from,
  }
}

/**
 * One pass: takes due messages of the media that have a transport, hands each to SMTP or the SMS
 * provider, and records what became of it: sent; bounced (refused for good); or due again after a
 * growing wait (server down, temporary refusal) until it is too old and failed. Returns how many it handed over.
 */
export async function sendDueMessages(
  db: Db,
  transports: Transports,
  log?: JobLog,
  options: SendOptions = defaultSendOptions,
): Promise<number> {
  const media = [...(transports.email ? ['email'] : []), ...(transports.sms ? ['sms'] : [])]
  const claimed = await claimDue(db, media, options.batch, options.leaseMs)
  if (claimed.length === 0) return 0
  const secret = await signingSecret(db)
  let sent = 0
  for (let i = 0; i < claimed.length; i += options.concurrency) {
    await Promise.all(
      claimed.slice(i, i + options.concurrency).map(async (m) => {
        const outcome = await attempt(m, transports, options, secret)
        if (outcome.kind === 'sent') sent++
        try {
          await recordOutcome(db, m.id, outcome)
        } catch (err) {
          // The lease runs out and the message goes again: at least once, never lost.
          log?.warn(
            { message: m.id, error: loggableError(err) },
            'message sent but not recorded; it will be sent again',
          )
        }
      }),
    )
  }
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
