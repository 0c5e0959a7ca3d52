// The face of src/relationship: what other folders may use. Nothing outside src/relationship imports its other files.

export { shopperProfiles } from './profiles.service.ts'
export { relationshipErrors } from './relationship.errors.ts'
export { relationshipRoutes } from './relationship.routes.ts'
export type { ShopperLabel, ShopperProfile } from './shopper-profile.domain.ts'
