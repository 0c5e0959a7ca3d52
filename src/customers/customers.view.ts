import type { CustomerRow } from './customers.service.ts'

/** A customer as the API shows them (the contract's Customer). */
export const toDto = (c: CustomerRow) => ({
  id: c.id,
  email: c.email,
  phone: c.phone,
  loyalty_card: c.loyaltyCard,
  first_name: c.firstName,
  last_name: c.lastName,
  address_line: c.addressLine,
  postcode: c.postcode,
  city: c.city,
  country: c.country,
  source_channel_id: c.sourceChannelId,
  created_at: c.createdAt.toISOString(),
  updated_at: c.updatedAt.toISOString(),
})
