/** Where an SMS goes out: one provider's API behind this, so another can replace it. */
export interface SmsProvider {
  /** Sends one text; throws an `SmsError` saying whether trying again may help. */
  send(message: { to: string; body: string }): Promise<{ providerRef: string }>
}

export class SmsError extends Error {
  constructor(
    message: string,
    /** False when the provider refused the message itself (an unknown number): trying again would not help. */
    readonly retryable: boolean,
  ) {
    super(message)
    this.name = 'SmsError'
  }
}

export interface TwilioSettings {
  accountSid: string
  authToken: string
  /** The sender: a Twilio number in E.164 or an alphanumeric sender id. */
  from: string
  /** https://api.twilio.com, or a local stand-in in tests. */
  baseUrl: string
  timeoutMs?: number
}

/**
 * Twilio's Programmable Messaging API: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, HTTP
 * Basic auth with the account SID and auth token, a form body of `To`, `From` and `Body`; 201 answers
 * the Message resource (`sid`, `status`). A 4xx with a Twilio error `code` is the message refused (21211
 * invalid `To`, 21610 the recipient opted out…): not retried; 401/403 (credentials), 429 and 5xx are.
 */
export function twilioProvider(s: TwilioSettings): SmsProvider {
  const url = `${s.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(s.accountSid)}/Messages.json`
  const auth = `Basic ${Buffer.from(`${s.accountSid}:${s.authToken}`).toString('base64')}`
  return {
    async send({ to, body }) {
      let res: Response
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ To: to, From: s.from, Body: body }).toString(),
          signal: AbortSignal.timeout(s.timeoutMs ?? 10_000),
        })
      } catch (err) {
        throw new SmsError(`Twilio unreachable: ${(err as Error).message}`, true)
      }
      const answer = (await res.json().catch(() => ({}))) as { sid?: string; code?: number; message?: string }
      if (res.status === 201 || res.status === 200) {
        if (!answer.sid) throw new SmsError('Twilio answered without a message sid', true)
        return { providerRef: answer.sid }
      }
      const why = `Twilio ${res.status}${answer.code ? ` ${answer.code}` : ''}: ${answer.message ?? 'no message'}`
      const refused = res.status >= 400 && res.status < 500 && ![401, 403, 408, 429].includes(res.status)
      throw new SmsError(why, !refused)
    },
  }
}
