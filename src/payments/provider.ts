import type { PaymentProvider } from './provider.domain.ts'

// The payment provider this process talks to, plugged in by the composition (src/app/ports.ts from the
// environment; `serve` on the embedded database with the local fake; a test with the fake it started).
// None configured: refunds wait as pending, with that reason, and the webhook endpoint refuses.

let current: PaymentProvider | undefined

export function setPaymentProvider(provider: PaymentProvider | undefined): void {
  current = provider
}

export function paymentProvider(): PaymentProvider | undefined {
  return current
}
