// The face of src/access: what other folders may use. Nothing outside src/access imports its other files.

export { accessErrors } from './access.errors.ts'
export { accessRoutes } from './access.routes.ts'
export {
  activeKeysWithSecrets,
  actorForSecret,
  anyActiveKey,
  apiKeyCacheStats,
  apiKeysTopic,
  createApiKey,
  forgetCachedKeys,
  hashSecret,
  isKnownSecret,
  revokeKeysWithSecrets,
} from './api-keys.service.ts'
