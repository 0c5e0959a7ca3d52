// The face of src/returns: what other folders may use. Nothing outside src/returns imports its other files.

export { putReturnPolicyIn } from './return-policies.service.ts'
export {
  decideReturn,
  type Purchase,
  type ReturnCondition,
  type ReturnPolicy,
  type ReturnReason,
  refundOfUnits,
} from './returns.domain.ts'
export { returnsErrors } from './returns.errors.ts'
export { returnsRoutes } from './returns.routes.ts'
export { returnLines, returns } from './returns.schema.ts'
export { createReturn, receiveReturnIn } from './returns.service.ts'
