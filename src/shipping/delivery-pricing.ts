import type { Executor } from '../db/database.ts'
import type { DeliveryFeeQuote, DeliveryPricer } from '../orders/index.ts'
import { channelOffer } from './carriers.service.ts'
import { quoteService } from './delivery.domain.ts'
import { offerGeneration } from './offer-generation.ts'

// Fee tables change a few times a year and are read by every order naming a delivery service: they
// are kept for a few seconds. A change made by this process clears them; another server's shows
// after at most 5 s.
const TTL_MS = 5_000
const cache = new WeakMap<Executor, Map<string, { at: number; generation: number; pricer: DeliveryPricer }>>()

/** The delivery pricer of a channel, for the order's decision: pure once loaded. */
export async function pricerFor(q: Executor, channelId: string): Promise<DeliveryPricer> {
  let byChannel = cache.get(q)
  if (!byChannel) {
    byChannel = new Map()
    cache.set(q, byChannel)
  }
  const hit = byChannel.get(channelId)
  if (hit && hit.generation === offerGeneration() && Date.now() - hit.at < TTL_MS) return hit.pricer
  const loadedAt = offerGeneration()
  const offer = await channelOffer(q, channelId)
  const codes = new Set([...offer.fees.values()].flatMap((fee) => fee.freeCodes.map((c) => c.toUpperCase())))
  const quote: DeliveryPricer['quote'] = (req) => {
    const service = offer.services.find((s) => s.code === req.serviceCode || s.id === req.serviceCode)
    if (!service) return null
    const quote = quoteService(service, offer.fees.get(service.id), {
      postcode: req.postcode,
      weightG: req.weightG,
      basketCents: req.basketCents,
      promotionCodes: [...req.promotionCodes],
    })
    if (!quote) return null
    return {
      serviceCode: service.code,
      serviceName: service.name,
      carrier: service.carrier,
      kind: service.kind,
      zone: quote.zone,
      feeCents: quote.feeCents,
      vatCents: quote.vatCents,
      vatRateBp: quote.vatRateBp,
      listFeeCents: quote.listFeeCents,
      freeReason: quote.freeReason,
      parcelCostCents: quote.costCents,
      parcelRates: service.rates
        .filter((r) => r.zone === quote.zone)
        .sort((a, b) => a.up_to_g - b.up_to_g)
        .map((r) => ({ upToG: r.up_to_g, costCents: r.cost_cents })),
    } satisfies DeliveryFeeQuote
  }
  const pricer: DeliveryPricer = { quote, isDeliveryCode: (code) => codes.has(code.trim().toUpperCase()) }
  if (byChannel.size >= 1_000) byChannel.clear()
  byChannel.set(channelId, { at: Date.now(), generation: loadedAt, pricer })
  return pricer
}
