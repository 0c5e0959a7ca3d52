import type { Role } from '../shared/actor.ts'

/** A key's binding is consistent with its role, or the reason it is not. */
export function invalidBinding(
  role: Role,
  locationId?: string | null,
  channelId?: string | null,
  franchiseeId?: string | null,
): string | null {
  if (role === 'store_staff' && !locationId) return 'location_id is required for a store_staff key'
  if (role === 'franchisee' && !franchiseeId) return 'franchisee_id is required for a franchisee key'
  if (role !== 'franchisee' && franchiseeId) return 'franchisee_id only applies to franchisee keys'
  if (role === 'franchisee' && channelId) return 'channel_id does not apply to franchisee keys'
  if (role !== 'store_staff' && locationId) return 'location_id only applies to store_staff keys'
  if ((role === 'channel' || role === 'call_centre') && !channelId)
    return `channel_id is required for a ${role} key`
  if (role === 'admin' && channelId) return 'channel_id does not apply to admin keys'
  return null
}
