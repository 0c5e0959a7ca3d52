import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/**
 * Every code the bulk import and export answer, beside the common ones. A refused row is not an
 * error of the request: it is listed in the import's report (its codes are in docs/bulk.md).
 */
export const bulkErrors = {
  invalid_header: {
    status: 422,
    meaning:
      'The first line of the CSV file does not name the columns of this entity (unknown, missing or repeated ones, listed in `details.problems`): correct the header; nothing was imported.',
  },
  unsupported_file_type: {
    status: 415,
    meaning:
      'An import is a CSV file (`Content-Type: text/csv`) or JSON Lines (`application/x-ndjson`): send it as one of them.',
  },
  file_too_large: {
    status: 413,
    meaning:
      'The file is over the import limit (256 MB): split it, or import it with `passerelle import` (no limit). Rows read before the limit were applied.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(bulkErrors)
