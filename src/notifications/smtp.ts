import { once } from 'node:events'
import net from 'node:net'
import type { Worker } from 'node:worker_threads'
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer'
import { startThread } from '../shared/threads.ts'

/** What the sender needs of an e-mail transport: nodemailer's own, or the SMTP thread below. */
export interface EmailTransport {
  sendMail(mail: SendMailOptions): Promise<SentInfo>
}

/** What the SMTP server answered to an accepted message. */
export interface SentInfo {
  messageId?: string
  response?: string
  /** Recipients the server refused (the message went to the others). */
  rejected?: unknown[]
}

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
    // What the `getSocket` option sets (a URL cannot carry a function); a proxy brings its own.
    if (!withDefaults.searchParams.has('proxy')) {
      ;(t.transporter as { getSocket?: unknown }).getSocket = noDelaySocket
    }
    transporters.set(url, t)
  }
  return t
}

const smtpDefaults = {
  pool: 'true',
  // As many connections as messages the sender has in flight (defaultSendOptions.concurrency), each
  // kept open for 100 messages: no handshake per message. A connection carries one message at a time
  // and each takes four or five round trips (nodemailer does not pipeline commands), so against a busy
  // server the number of connections is the throughput; 48 stays under Postfix's default limit of 50
  // connections per client. An SMTP_URL with its own `maxConnections` wins.
  maxConnections: '48',
  maxMessages: '100',
  connectionTimeout: '10000',
  greetingTimeout: '10000',
  socketTimeout: '30000',
}

/**
 * Opens the TCP connection for nodemailer with Nagle's algorithm off. nodemailer writes a message's
 * body and its final dot in several small writes without waiting for a reply; with Nagle on, the last
 * write waits for the server's delayed acknowledgement (40 ms on Linux) on every message: 44 ms per
 * message against a local server at rest, 2–5 ms without. A connection per pool slot, as nodemailer
 * would open it; TLS (smtps, STARTTLS) is layered on it by nodemailer.
 */
function noDelaySocket(
  options: { host?: string; port?: number | string; secure?: boolean; connectionTimeout?: number | string },
  callback: (err: Error | null, socketOptions?: { connection: net.Socket }) => void,
): void {
  const port = Number(options.port) || (options.secure ? 465 : 587)
  const socket = net.connect({ host: options.host || 'localhost', port, noDelay: true })
  const fail = (err: Error) => {
    socket.destroy()
    callback(err)
  }
  socket.setTimeout(Number(options.connectionTimeout) || 10_000, () =>
    fail(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' })),
  )
  socket.once('error', fail)
  socket.once('connect', () => {
    socket.setTimeout(0)
    socket.removeListener('error', fail)
    socket.removeAllListeners('timeout')
    callback(null, { connection: socket })
  })
}

/** A message for the SMTP thread, and its answer. */
export interface SmtpOrder {
  id: number
  mail: SendMailOptions
}
export interface SmtpAnswer {
  id: number
  info?: SentInfo
  error?: { message: string; code?: string; responseCode?: number; response?: string }
}

/**
 * The SMTP conversation in a thread of its own (smtp.worker.ts), over the same pooled transport.
 *
 * Why: a message takes four or five round trips to the SMTP server, and in the server's main thread
 * each waits its turn behind the HTTP requests and statements under way. Measured under the order
 * bench's load (one busy event loop): about 230 ms per message, so 48 connections carried at most ~210
 * messages a second, the orders' rate, and mail queued up to 2.5 s behind its event. Here the main
 * thread posts the message and reads the answer (two turns); the round trips run on an idle loop.
 */
class SmtpThread implements EmailTransport {
  #worker: Worker | undefined
  #next = 0
  readonly #pending = new Map<number, { resolve: (i: SentInfo) => void; reject: (e: Error) => void }>()

  constructor(readonly url: string) {}

  #thread(): Worker {
    if (this.#worker) return this.#worker
    const worker = startThread(new URL('./smtp.worker.ts', import.meta.url), { url: this.url })
    worker.unref()
    worker.on('message', (answer: SmtpAnswer) => {
      const waiting = this.#pending.get(answer.id)
      if (!waiting) return
      this.#pending.delete(answer.id)
      if (this.#pending.size === 0) worker.unref()
      if (answer.error) waiting.reject(Object.assign(new Error(answer.error.message), answer.error))
      else waiting.resolve(answer.info ?? {})
    })
    // A thread that dies fails the messages it held (they are retried: the sender's usual path), and
    // the next message starts a new one.
    const lost = (why: string) => {
      if (this.#worker !== worker) return
      this.#worker = undefined
      for (const waiting of this.#pending.values()) {
        waiting.reject(Object.assign(new Error(`SMTP thread stopped: ${why}`), { code: 'ETHREAD' }))
      }
      this.#pending.clear()
    }
    worker.on('error', (err) => lost(err.message))
    worker.on('exit', (code) => lost(`exit code ${code}`))
    this.#worker = worker
    return worker
  }

  sendMail(mail: SendMailOptions): Promise<SentInfo> {
    const worker = this.#thread()
    const id = ++this.#next
    // Kept alive while a message is out, not while idle.
    worker.ref()
    return new Promise<SentInfo>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject })
      worker.postMessage({ id, mail } satisfies SmtpOrder)
    })
  }

  /** Closes the pool's connections (QUIT) and ends the thread; within a second, or it is stopped. */
  async close(): Promise<void> {
    const worker = this.#worker
    this.#worker = undefined
    if (!worker) return
    const exited = once(worker, 'exit')
    worker.postMessage('close')
    const timer = setTimeout(() => void worker.terminate(), 1000)
    await exited.catch(() => undefined)
    clearTimeout(timer)
  }
}

const threads = new Map<string, SmtpThread>()

/** The SMTP thread for this URL, started with its first message and kept for the process. */
export function threadedSmtpTransport(url: string): EmailTransport {
  let t = threads.get(url)
  if (!t) {
    t = new SmtpThread(url)
    threads.set(url, t)
  }
  return t
}

/** Closes every SMTP transport of this process, in-process and threaded. */
export async function closeSmtpTransports(): Promise<void> {
  for (const t of transporters.values()) t.close()
  transporters.clear()
  const closing = [...threads.values()].map((t) => t.close())
  threads.clear()
  await Promise.all(closing)
}
