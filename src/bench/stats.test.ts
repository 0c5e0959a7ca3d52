import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { type Arrival, firstArrivalLags, percentile, perSecond, summarise } from './stats.ts'
import { verifyPasserelle } from './webhook-receiver.ts'

describe('benchmark percentiles', () => {
  it('uses the nearest rank', () => {
    const sample = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(sample, 50)).toBe(50)
    expect(percentile(sample, 99)).toBe(99)
    expect(percentile(sample, 100)).toBe(100)
    expect(percentile([7], 99)).toBe(7)
  })

  it('summarises an unsorted sample', () => {
    expect(summarise([3, 1, 2])).toMatchObject({ count: 3, p50_ms: 2, max_ms: 3 })
    expect(summarise([])).toMatchObject({ count: 0, p99_ms: 0 })
  })
})

describe('event lag', () => {
  const at = (
    eventId: string,
    occurredAtMs: number,
    receivedAtMs: number,
    type = 'order.placed',
  ): Arrival => ({
    eventId,
    type,
    orderId: `ord_${eventId}`,
    occurredAtMs,
    receivedAtMs,
  })

  it('counts the first arrival of each event once, whatever order the arrivals are listed in', () => {
    const lags = firstArrivalLags([
      at('a', 1000, 1250),
      at('b', 1000, 1100),
      at('a', 1000, 1200),
      at('a', 1000, 9000),
    ])
    expect(lags.sort((x, y) => x - y)).toEqual([100, 200])
  })

  it('keeps only the events asked for', () => {
    const lags = firstArrivalLags(
      [at('a', 0, 40), at('b', 0, 70, 'payment.captured'), at('c', 0, 90)],
      (a) => a.type === 'order.placed' && a.orderId !== 'ord_c',
    )
    expect(lags).toEqual([40])
  })

  it('gives rates per second over a span in milliseconds', () => {
    expect(perSecond(500, 1000, 3000)).toBe(250)
    expect(perSecond(1, 0, 3000)).toBe(0.3)
    expect(perSecond(10, 5000, 5000)).toBe(0)
  })
})

describe("the bench receiver's signature check", () => {
  const secret = 'whsec_test'
  const body = '{"id":"evt_1"}'
  const sign = (t: number, b = body, s = secret) =>
    `t=${t},v1=${createHmac('sha256', s).update(`${t}.${b}`).digest('hex')}`
  const now = 1_760_000_000_000

  it('accepts a fresh signature of the raw body, also among several v1 values', () => {
    expect(verifyPasserelle(secret, sign(now / 1000), body, now)).toBe(true)
    const other = sign(now / 1000, body, 'whsec_old').split(',')[1]
    expect(verifyPasserelle(secret, `${sign(now / 1000)},${other}`, body, now)).toBe(true)
  })

  it('refuses another body, another secret, an old timestamp or no header', () => {
    expect(verifyPasserelle(secret, sign(now / 1000), '{"id":"evt_2"}', now)).toBe(false)
    expect(verifyPasserelle(secret, sign(now / 1000, body, 'whsec_other'), body, now)).toBe(false)
    expect(verifyPasserelle(secret, sign(now / 1000 - 301), body, now)).toBe(false)
    expect(verifyPasserelle(secret, '', body, now)).toBe(false)
  })
})
