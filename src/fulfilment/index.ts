export { fulfilmentErrors } from './fulfilment.errors.ts'
