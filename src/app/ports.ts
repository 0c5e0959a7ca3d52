import { invoicesForLedger } from '../business/index.ts'
import {
  assertSellsWithoutRegister,
  provideInvoiceLedger,
  recordCancellation,
  recordRefusal,
  recordReturn,
  recordSale,
} from '../fiscal/index.ts'
import { countStorePrices, observedStorePrices } from '../franchise/index.ts'
import { burnPoints, creditPoints, loyaltyPoints, programme } from '../loyalty/index.ts'
import { provideStorePrices } from '../offer/index.ts'
import { type PointsTender, provideDeliveryFees, providePointsTender, provideTill } from '../orders/index.ts'
import { setPaymentProvider, stripeProvider, stripeSettingsFromEnv } from '../payments/index.ts'
import { pricerFor } from '../shipping/index.ts'

// What a capability needs of one above it in the layers, plugged in here, where every capability is
// known. Loaded by the app (app.ts) and by the job list (jobs.ts): whatever the process runs (API,
// worker, tests, demo, bench), orders have their points tender before the first order.

/** Loyalty points spent on an order, or given back by its refund, in the order's own transaction. */
const loyaltyTender: PointsTender = {
  pointValueCents: programme.pointValueCents,
  pointsOf: (payments) => loyaltyPoints([...payments]),
  spend: burnPoints,
  giveBack: creditPoints,
}

providePointsTender(loyaltyTender)

/**
 * The payment provider: Stripe's API when STRIPE_SECRET_KEY is set (at STRIPE_API_BASE, by default
 * https://api.stripe.com). Without it `serve` on the embedded database starts the local fake
 * (src/app/server.ts); elsewhere none is configured and refunds wait, listed as pending.
 */
const stripe = stripeSettingsFromEnv()
if (stripe) setPaymentProvider(stripeProvider(stripe))

/** The legal till: a till sale's ticket is chained on its register in the order's own transaction. */
provideTill({ assertSellsWithoutRegister, recordSale, recordRefusal, recordReturn, recordCancellation })

/** Delivery fees: an order naming a delivery service is priced from shipping's fee tables, before its statement. */
provideDeliveryFees({ pricerFor })

/** The FEC books the invoices to business customers beside the tills' closings, in their own journal. */
provideInvoiceLedger(invoicesForLedger)
/** Franchisees' own prices, observed by the offer's coherence report (never corrected by it). */
provideStorePrices({ observed: observedStorePrices, count: countStorePrices })
