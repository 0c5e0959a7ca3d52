// The face of src/aftersales: what other folders may use. Nothing outside src/aftersales imports its other files.

export { aftersalesErrors } from './aftersales.errors.ts'
export { aftersalesRoutes } from './aftersales.routes.ts'
export { openTicketForReturn, ticketForNotice } from './aftersales.service.ts'
