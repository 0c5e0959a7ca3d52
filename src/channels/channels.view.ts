import type { ChannelView } from './channels.service.ts'

/** A channel as the API shows it. */
export const toDto = (c: ChannelView) => ({
  id: c.id,
  code: c.code,
  name: c.name,
  kind: c.kind,
  currency: c.currency,
  price_list: { id: c.priceListId, code: c.priceListCode },
  fulfilment_modes: c.fulfilmentModes,
  draft_hold_minutes: c.draftHoldMinutes,
  pickup_expiry_days: c.pickupExpiryDays,
  collects_payment: c.collectsPayment,
  routing: c.routing ?? null,
  created_at: c.createdAt.toISOString(),
  updated_at: c.updatedAt.toISOString(),
})
