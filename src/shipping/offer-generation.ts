/**
 * The generation of the channels' delivery offers in this process: bumped when a service or a fee
 * table changes, so the pricers cached for orders are read again (src/shipping/delivery-pricing.ts).
 */
let generation = 0

export const offerGeneration = () => generation

export function forgetChannelOffers() {
  generation++
}
