import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { nextIdempotencyKey, retryDelayMs } from './provider.domain.ts'
import { checkStripeSignature, formDecode, formEncode, stripeSignatureHeader } from './stripe.domain.ts'

const secret = 'whsec_test_secret'
const body = '{"id":"evt_1","type":"refund.updated"}'
const now = 1_760_000_000

describe('Stripe-Signature', () => {
  it('is the HMAC-SHA256 of "<t>.<payload>" under the endpoint secret, as Stripe documents it', () => {
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex')
    expect(stripeSignatureHeader(secret, now, body)).toBe(`t=${now},v1=${expected}`)
  })

  it('a webhook signed with the secret over the exact body, now, is accepted', () => {
    expect(checkStripeSignature(secret, stripeSignatureHeader(secret, now, body), body, now)).toEqual({
      ok: true,
      timestampS: now,
    })
  })

  it('one changed byte of the body, another secret, or no header is refused', () => {
    const header = stripeSignatureHeader(secret, now, body)
    expect(checkStripeSignature(secret, header, body.replace('evt_1', 'evt_2'), now)).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    })
    expect(checkStripeSignature('whsec_other', header, body, now)).toMatchObject({ reason: 'bad_signature' })
    expect(checkStripeSignature(secret, undefined, body, now)).toMatchObject({ reason: 'missing_signature' })
    expect(checkStripeSignature(secret, `t=${now}`, body, now)).toMatchObject({ reason: 'missing_signature' })
  })

  it('a signature made more than five minutes before or after now is refused as a replay', () => {
    const old = stripeSignatureHeader(secret, now - 301, body)
    expect(checkStripeSignature(secret, old, body, now)).toMatchObject({ reason: 'outside_tolerance' })
    expect(
      checkStripeSignature(secret, stripeSignatureHeader(secret, now + 301, body), body, now),
    ).toMatchObject({
      reason: 'outside_tolerance',
    })
    expect(checkStripeSignature(secret, stripeSignatureHeader(secret, now - 299, body), body, now).ok).toBe(
      true,
    )
  })

  it('any of several v1 signatures may match (Stripe signs with old and new secrets while one is rolled)', () => {
    const good = stripeSignatureHeader(secret, now, body).split(',')[1]
    const header = `t=${now},v1=${'0'.repeat(64)},${good},v0=abc`
    expect(checkStripeSignature(secret, header, body, now).ok).toBe(true)
  })
})

describe('form bodies', () => {
  it('nested fields are sent as Stripe reads them, and read back', () => {
    const encoded = formEncode({
      amount: 1200,
      payment_intent: 'pi_1',
      metadata: { order_id: 'ord_1' },
      x: undefined,
    })
    expect(encoded).toBe('amount=1200&payment_intent=pi_1&metadata%5Border_id%5D=ord_1')
    expect(formDecode(encoded)).toEqual({
      amount: '1200',
      payment_intent: 'pi_1',
      metadata: { order_id: 'ord_1' },
    })
  })
})

describe('retrying the provider', () => {
  it('waits 30 s, then doubles, up to 6 h', () => {
    const timing = { firstRetryMs: 30_000, maxRetryMs: 6 * 3_600_000, leaseMs: 60_000 }
    expect([1, 2, 3, 11, 40].map((n) => retryDelayMs(timing, n))).toEqual([
      30_000,
      60_000,
      120_000,
      6 * 3_600_000,
      6 * 3_600_000,
    ])
  })

  it('keeps the Idempotency-Key after a failure that may have been done, changes it after a refusal', () => {
    expect(nextIdempotencyKey('evt_1', 1, 'evt_1', 'unavailable')).toBe('evt_1')
    expect(nextIdempotencyKey('evt_1', 1, 'evt_1', 'refused')).toBe('evt_1-retry-1')
    expect(nextIdempotencyKey('evt_1', 2, 'evt_1-retry-1', 'unavailable')).toBe('evt_1-retry-1')
  })
})
