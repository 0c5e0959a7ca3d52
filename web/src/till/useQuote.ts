import { useEffect, useState } from 'react'
import { type Api, type OrderInput, ok, type Quote } from '../api/client'

/**
 * The server's pricing of a basket (promotions, cluster prices), asked again whenever the basket
 * changes; null while the answer for this very basket has not come. `body` null: nothing to price.
 */
export function useQuote(
  api: Api,
  body: Omit<OrderInput, 'payments'> | null,
  onError: (err: unknown) => void,
) {
  const [quote, setQuote] = useState<{ key: string; quote: Quote } | null>(null)
  const key = body === null ? '' : JSON.stringify(body)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the basket it prices
  useEffect(() => {
    if (body === null) return
    let current = true
    const timer = setTimeout(() => {
      ok(api.POST('/api/v1/orders/quote', { body })).then(
        (q) => {
          if (!current) return
          setQuote({ key, quote: q })
          // The basket the error was about has changed into one the server prices: the error is gone.
          onError(null)
        },
        (err) => current && onError(err),
      )
    }, 120)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [api, key])
  return body !== null && quote?.key === key ? quote.quote : null
}
