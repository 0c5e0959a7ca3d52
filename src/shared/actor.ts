/**
 * Who is calling, in the words every capability uses: the roles of API keys and the actor resolved
 * from the key on every request. The keys themselves (hashing, bindings, revocation) are `src/access`.
 */

export const roles = ['admin', 'store_staff', 'channel', 'call_centre', 'franchisee'] as const
export type Role = (typeof roles)[number]

/** Who is calling: resolved from the API key on every request. */
export interface Actor {
  keyId: string
  name: string
  role: Role
  /** The store a store_staff key is bound to. */
  locationId: string | null
  /** The channel a channel or call_centre key is bound to. */
  channelId: string | null
  /** The franchisee a franchisee key is bound to. */
  franchiseeId?: string | null
  /** A store manager key (store_staff only): may override refused rules, recorded with the override. */
  manager?: boolean
}

/**
 * Every role of the brand's own staff and channels. A franchisee key is not among them: it reads
 * its own statements and attributed orders only, on the routes that name it.
 */
export const allRoles: Role[] = ['admin', 'store_staff', 'channel', 'call_centre']
export const staffRoles: Role[] = ['admin', 'store_staff', 'call_centre']

/** Only people in the brand's staff may discount a line by hand; a web shop may not. */
export function mayDiscount(actor: Actor): boolean {
  return actor.role !== 'channel'
}

/** Who may lift a refused rule (a return out of policy): head office, or a store manager. */
export function mayOverride(actor: Actor): boolean {
  return actor.role === 'admin' || (actor.role === 'store_staff' && actor.manager === true)
}
