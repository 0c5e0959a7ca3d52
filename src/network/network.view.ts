import type { LocationRow } from './network.service.ts'

/** A location as the API shows it. */
export const toDto = (l: LocationRow) => ({
  id: l.id,
  code: l.code,
  name: l.name,
  kind: l.kind,
  ownership: l.ownership,
  address_line: l.addressLine,
  postcode: l.postcode,
  city: l.city,
  country: l.country,
  insee_code: l.inseeCode,
  lat: l.lat,
  lon: l.lon,
  timezone: l.timezone,
  opening_hours: l.openingHours,
  fulfilment_modes: l.fulfilmentModes,
  daily_prep_capacity: l.dailyPrepCapacity,
  ship_from_store_opt_in: l.shipFromStoreOptIn,
  prep_lead_minutes: l.prepLeadMinutes,
  cluster: l.cluster,
  created_at: l.createdAt.toISOString(),
  updated_at: l.updatedAt.toISOString(),
})
