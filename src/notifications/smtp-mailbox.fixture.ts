import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/** An e-mail as the receiving SMTP server got it: envelope, headers, and the decoded text and HTML parts. */
export interface ReceivedMail {
  envelopeTo: string[]
  headers: Map<string, string>
  subject: string
  text: string
  html: string
  raw: string
}

/**
 * A real SMTP server (the `smtp-server` package) on a local port, keeping what it receives: the
 * receiving end of the SMTP conversation in tests. `port` reuses a port (a server "back up" after an
 * outage); `refuse` answers 550 to these recipients.
 */
export async function startMailbox(opts: { port?: number; refuse?: string[] } = {}) {
  const received: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A client's pooled connection stays open between messages: closing the mailbox ends it at once
    // instead of waiting the default 30 s for the client to hang up.
    closeTimeout: 100,
    onRcptTo(address, _session, callback) {
      if (opts.refuse?.includes(address.address)) {
        const err = new Error('5.1.1 No such mailbox') as Error & { responseCode: number }
        err.responseCode = 550
        return callback(err)
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        received.push(
          parseMail(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        )
        callback()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.server.address() as AddressInfo).port
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A port nothing listens on (yet): where a server down is. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net')
  const s = createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()))
  const port = (s.address() as AddressInfo).port
  await new Promise<void>((r) => s.close(() => r()))
  return port
}

function splitHead(raw: string): { head: Map<string, string>; body: string } {
  const at = raw.indexOf('\r\n\r\n')
  const headText = at < 0 ? raw : raw.slice(0, at)
  const body = at < 0 ? '' : raw.slice(at + 4)
  const head = new Map<string, string>()
  for (const line of headText.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) head.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim())
  }
  return { head, body }
}

function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : qp(text.replace(/_/g, ' ')).toString('utf8'),
    )
}

function qp(text: string): Buffer {
  const soft = text.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(soft.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(...Buffer.from(soft[i]!, 'utf8'))
  }
  return Buffer.from(bytes)
}

function decodeBody(head: Map<string, string>, body: string): string {
  const enc = (head.get('content-transfer-encoding') ?? '7bit').toLowerCase()
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (enc === 'quoted-printable') return qp(body).toString('utf8')
  return body
}

function parseMail(raw: string, envelopeTo: string[]): ReceivedMail {
  const { head, body } = splitHead(raw)
  const parts: Array<{ type: string; text: string }> = []
  const walk = (h: Map<string, string>, b: string) => {
    const type = h.get('content-type') ?? 'text/plain'
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
    if (type.toLowerCase().startsWith('multipart/') && boundary) {
      for (const chunk of b.split(`--${boundary}`).slice(1)) {
        if (chunk.startsWith('--')) break
        const part = splitHead(chunk.replace(/^\r\n/, ''))
        walk(part.head, part.body)
      }
    } else parts.push({ type: type.toLowerCase(), text: decodeBody(h, b) })
  }
  walk(head, body)
  return {
    envelopeTo,
    headers: head,
    subject: decodeWords(head.get('subject') ?? ''),
    text: parts.find((p) => p.type.startsWith('text/plain'))?.text ?? '',
    html: parts.find((p) => p.type.startsWith('text/html'))?.text ?? '',
    raw,
  }
}
