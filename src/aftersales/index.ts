// The face of src/aftersales: what other folders may use. Nothing outside src/aftersales imports its other files.

export { conformityGuaranteeMonths, warrantyOf } from './aftersales.domain.ts'
export { aftersalesErrors } from './aftersales.errors.ts'
export { aftersalesRoutes } from './aftersales.routes.ts'
export { deliveredAt, openTicketForReturn, ticketForNotice } from './aftersales.service.ts'
