// The face of src/payments: what other folders may use. Money moves at the payment provider as a reaction
// to the order's payment events: orders never import this capability.

export { executeAtProvider } from './execute.consumer.ts'
export { type FakeStripe, startFakeStripe } from './fake-stripe.ts'
export { paymentsErrors } from './payments.errors.ts'
export { paymentsJobs } from './payments.jobs.ts'
export { paymentsRoutes } from './payments.routes.ts'
export {
  defaultRetryTiming,
  type PaymentProvider,
  type ProviderOutcome,
  type RetryTiming,
} from './provider.domain.ts'
export { paymentProvider, setPaymentProvider } from './provider.ts'
export { sendDueToProvider } from './send.service.ts'
export { type StripeSettings, stripeProvider, stripeSettingsFromEnv } from './stripe.adapter.ts'
