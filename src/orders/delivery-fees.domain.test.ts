import { describe, expect, it } from 'vitest'
import { deliveryFeeRefund, withDelivery } from './delivery-fees.domain.ts'
import type { DeliveryFeeQuote } from './delivery-fees.ts'

const quote: DeliveryFeeQuote = {
  serviceCode: 'COLIS',
  serviceName: 'Colis national',
  carrier: 'Poste',
  kind: 'home',
  zone: 'FR-M',
  feeCents: 490,
  vatCents: 82,
  vatRateBp: 2000,
  listFeeCents: 490,
  freeReason: null,
  parcelCostCents: 450,
  parcelRates: [
    { upToG: 1_000, costCents: 450 },
    { upToG: 5_000, costCents: 690 },
  ],
}

const parcel = (shipmentCents: number) => ({ cost: { shipment_cents: shipmentCents } })

describe('the delivery fee of an order', () => {
  it('counts one parcel per shipment at the carrier rate against the fee without VAT', () => {
    const routed = withDelivery(
      { shipments: [parcel(450), parcel(450)], explanation: ['From A and B.'] },
      { quote, weightG: 800, weighed: false, relayPointId: null },
    )
    expect(routed.delivery).toMatchObject({ carrier_cost_cents: 900, margin_cents: 490 - 82 - 900 })
    expect(routed.explanation).toEqual([
      'From A and B.',
      'Colis national: 2 parcels at 4.50 € cost 9.00 €; the customer pays 4.90 € (4.08 € before VAT).',
    ])
  })

  it('with the catalogue’s weights, counts each parcel at the rate the routing gave its own weight', () => {
    const routed = withDelivery(
      { shipments: [parcel(690), parcel(450)], explanation: [] },
      { quote: { ...quote, parcelCostCents: 690 }, weightG: 3_200, weighed: true, relayPointId: null },
    )
    expect(routed.delivery).toMatchObject({ carrier_cost_cents: 1_140, margin_cents: 490 - 82 - 1_140 })
    expect(routed.explanation).toEqual([
      'Colis national: 2 parcels each at its weight cost 11.40 €; the customer pays 4.90 € (4.08 € before VAT).',
    ])
  })

  it('is refunded once, by whatever gives back the last delivered unit kept', () => {
    const routing = withDelivery(
      { shipments: [parcel(450)], explanation: [] },
      { quote, weightG: 1, weighed: false, relayPointId: null },
    )
    const line = (givenBack: number, fulfilment = 'delivery') => ({ fulfilment, quantity: 2, givenBack })
    expect(deliveryFeeRefund(routing, [line(0)], [line(1)])).toBe(0)
    expect(deliveryFeeRefund(routing, [line(1)], [line(2)])).toBe(490)
    expect(deliveryFeeRefund(routing, [line(2)], [line(2)])).toBe(0)
    // A pickup line kept does not keep the delivery.
    expect(deliveryFeeRefund(routing, [line(0), line(0, 'pickup')], [line(2), line(0, 'pickup')])).toBe(490)
    expect(deliveryFeeRefund(null, [line(0)], [line(2)])).toBe(0)
  })
})
