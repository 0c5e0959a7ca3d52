// The face of src/counts: what other folders may use. Nothing outside src/counts imports its other files.

export { countsErrors } from './counts.errors.ts'
export { countsRoutes } from './counts.routes.ts'
export { approveCountIn, scanItemIn, startCountIn } from './counts.service.ts'
