export { relationshipErrors } from './relationship.errors.ts'
