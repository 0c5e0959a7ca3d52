// The face of src/account: what other folders may use. Nothing outside src/account imports its other files.

export { accountErrors } from './account.errors.ts'
export { accountRoutes } from './account.routes.ts'
