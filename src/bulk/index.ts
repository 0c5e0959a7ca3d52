// The face of src/bulk: what other folders may use. Nothing outside src/bulk imports its other files.

export type { ImportReport } from './batching.domain.ts'
export { bulkErrors } from './bulk.errors.ts'
export { bulkRoutes, importBodyLimit } from './bulk.routes.ts'
export { batchSize, exportFile, type FileFormat, type ImportOptions, importFile } from './bulk.service.ts'
export { columns, type Entity, entities } from './rows.domain.ts'
