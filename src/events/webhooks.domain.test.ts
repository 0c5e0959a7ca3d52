import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { propertyRuns } from '../testing/property-runs.ts'
import { checkPatterns, matches } from './patterns.ts'
import {
  defaultWebhookTiming,
  excerpt,
  refusedUrl,
  retryDelayMs,
  signatureHeader,
  verifySignature,
} from './webhooks.domain.ts'

describe('webhook signatures', () => {
  const secret = 'whsec_test'
  const now = 1_760_000_000

  it('a receiver accepts the body it was sent and refuses any other body, secret or an old timestamp', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (body, other) => {
        const header = signatureHeader(secret, now, body)
        expect(verifySignature(secret, header, body, now)).toBe(true)
        if (other !== body) expect(verifySignature(secret, header, other, now)).toBe(false)
        expect(verifySignature('whsec_other', header, body, now)).toBe(false)
        expect(verifySignature(secret, header, body, now + 301)).toBe(false)
      }),
      { numRuns: propertyRuns(200) },
    )
  })

  it('the header is t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">, as docs/webhooks.md computes it', () => {
    // Computed once with `openssl dgst -sha256 -hmac whsec_test` over '1760000000.{"id":"evt_1"}'.
    expect(signatureHeader(secret, now, '{"id":"evt_1"}')).toBe(
      't=1760000000,v1=66e880d7175fffb43ce10c4e14db1cfb230c8804b5aafb116affbc9a836c7690',
    )
    expect(verifySignature(secret, 'garbage', '{}', now)).toBe(false)
    expect(verifySignature(secret, `t=${now},v1=00`, '{}', now)).toBe(false)
  })
})

describe('webhook retries', () => {
  it('the wait doubles after each failure from one minute, never beyond six hours', () => {
    const waits = [1, 2, 3, 4, 9, 10, 40, 1000].map((n) => retryDelayMs(defaultWebhookTiming, n) / 60_000)
    expect(waits).toEqual([1, 2, 4, 8, 256, 360, 360, 360])
  })

  it('a failing delivery is tried about twenty times before it is given up after 72 hours', () => {
    let elapsed = 0
    let attempts = 1
    while (elapsed < defaultWebhookTiming.giveUpAfterMs) {
      elapsed += retryDelayMs(defaultWebhookTiming, attempts)
      attempts++
    }
    expect(attempts).toBeGreaterThanOrEqual(15)
    expect(attempts).toBeLessThanOrEqual(25)
  })
})

describe('webhook destinations', () => {
  it('accepts http and https URLs without credentials, and says why it refuses the others', () => {
    expect(refusedUrl('https://erp.example.com/hooks/passerelle?x=1')).toBeNull()
    expect(refusedUrl('http://127.0.0.1:8080/hook')).toBeNull()
    expect(refusedUrl('ftp://example.com')).toMatch(/https/)
    expect(refusedUrl('file:///etc/passwd')).toMatch(/https/)
    expect(refusedUrl('https://user:secret@example.com')).toMatch(/credentials/)
    expect(refusedUrl('https://user@example.com')).toMatch(/credentials/)
    expect(refusedUrl('example.com/hook')).toMatch(/absolute URL/)
    expect(refusedUrl('https://example.com/#frag')).toMatch(/fragment/)
  })

  it('keeps the first 500 characters of an answer, on one line', () => {
    expect(excerpt('  ok \n')).toBe('ok')
    expect(excerpt('a'.repeat(600))).toBe(`${'a'.repeat(500)}…`)
    expect(excerpt('line 1\r\nline 2')).toBe('line 1 line 2')
  })
})

describe('event type patterns', () => {
  const types = ['order.placed', 'order.completed', 'stock.received']
  it('a type, a family or everything', () => {
    expect(matches('order.placed', 'order.placed')).toBe(true)
    expect(matches('order.*', 'order.completed')).toBe(true)
    expect(matches('order.*', 'orders.completed')).toBe(false)
    expect(matches('*', 'stock.received')).toBe(true)
    expect(checkPatterns('event_types', ['order.*', 'order.*', 'stock.received'], types)).toEqual([
      'order.*',
      'stock.received',
    ])
    expect(() => checkPatterns('event_types', ['order.shipped'], types)).toThrow(/order.shipped/)
    expect(() => checkPatterns('event_types', ['price.*'], types)).toThrow(/price/)
  })
})
