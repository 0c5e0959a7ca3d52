import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local fake of Twilio's Messages API, for tests only: `POST /2010-04-01/Accounts/{sid}/Messages.json`
 * with HTTP Basic auth and a form body (To, From, Body), answering as Twilio documents it: 201 with the
 * Message resource, 401 with error 20003 for bad credentials, 400 with error 21211 for a `To` that is not
 * an E.164 number. `down` answers 503, as an outage would.
 */
export async function startFakeTwilio(
  accountSid = `AC${randomBytes(16).toString('hex')}`,
  authToken = 'secret',
) {
  const sent: Array<{ sid: string; to: string; from: string; body: string }> = []
  const state = { down: false }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      if (state.down) return answer(503, { code: 20500, message: 'Service unavailable', status: 503 })
      if (req.method !== 'POST' || req.url !== `/2010-04-01/Accounts/${accountSid}/Messages.json`) {
        return answer(404, { code: 20404, message: 'The requested resource was not found', status: 404 })
      }
      const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`
      if (req.headers.authorization !== expected) {
        return answer(401, { code: 20003, message: 'Authenticate', status: 401 })
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
      const to = form.get('To') ?? ''
      if (!/^\+[1-9]\d{6,14}$/.test(to)) {
        return answer(400, {
          code: 21211,
          message: `The 'To' number ${to} is not a valid phone number.`,
          status: 400,
        })
      }
      const message = {
        sid: `SM${randomBytes(16).toString('hex')}`,
        to,
        from: form.get('From') ?? '',
        body: form.get('Body') ?? '',
      }
      sent.push(message)
      answer(201, { ...message, account_sid: accountSid, status: 'queued', num_segments: '1' })
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const port = (server.address() as AddressInfo).port
  return {
    accountSid,
    authToken,
    baseUrl: `http://127.0.0.1:${port}`,
    sent,
    state,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}
