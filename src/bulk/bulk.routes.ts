import type { Readable } from 'node:stream'
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { errorResponses } from '../http/schemas.ts'
import { EntityParams, ExportQuery, ImportQuery, ImportReport } from './bulk.contract.ts'
import { fail } from './bulk.errors.ts'
import { exportFile, type FileFormat, importFile } from './bulk.service.ts'

const tags = ['bulk']

/** Content types of an import body, read as a stream (never held whole). */
const fileTypes = ['text/csv', 'application/x-ndjson', 'application/jsonl']

/** Bytes an import over HTTP may send; the command line has no limit. */
export const importBodyLimit = 256 * 1024 * 1024

/**
 * The body of an import: the request stream itself, kept out of sight of the hooks that walk a
 * parsed body (a private field is not among its keys).
 */
class StreamedBody {
  readonly #stream: Readable
  constructor(stream: Readable) {
    this.#stream = stream
  }
  get stream(): Readable {
    return this.#stream
  }
}

/** The file of an import request, refused before anything is read when its type or size is wrong. */
function fileOf(req: FastifyRequest): Readable {
  if (!(req.body instanceof StreamedBody)) {
    throw fail(
      'unsupported_file_type',
      'Send the file as the body, with Content-Type: text/csv or application/x-ndjson.',
    )
  }
  const length = Number(req.headers['content-length'])
  if (length > importBodyLimit) {
    throw fail(
      'file_too_large',
      `The file has ${length} bytes, over the import limit of 256 MB: split it, or use \`passerelle import\`.`,
    )
  }
  return req.body.stream
}

/** The format named in the query, else the one of the content type. */
function formatOf(req: FastifyRequest, asked: FileFormat | undefined): FileFormat {
  return asked ?? (String(req.headers['content-type']).startsWith('text/csv') ? 'csv' : 'jsonl')
}

export const bulkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Only this plugin's routes read these types, and as a stream: the 5 MB JSON limit does not apply.
  app.addContentTypeParser(fileTypes, (_req, payload, done) =>
    done(null, new StreamedBody(payload as Readable)),
  )

  app.post(
    '/imports/:entity',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Import a CSV or JSON Lines file of products, prices, stock counts or customers',
        description:
          'The body is the file (`Content-Type: text/csv` or `application/x-ndjson`, up to 256 MB), read as it ' +
          'arrives, 500 rows per transaction. Each row is applied whole or refused whole; the answer counts ' +
          'the rows created, updated, unchanged and refused, and lists the refusals (line, column, code, ' +
          'reason). Importing the same file twice changes nothing the second time. Columns: docs/bulk.md.',
        params: EntityParams,
        querystring: ImportQuery,
        response: { 200: ImportReport, ...errorResponses, 413: Type.Ref('Error'), 415: Type.Ref('Error') },
      },
    },
    async (req) =>
      importFile(app.db, req.params.entity, fileOf(req), {
        format: formatOf(req, req.query.format),
        dryRun: req.query.dry_run ?? false,
        actor: req.actor.keyId,
        maxBytes: importBodyLimit,
        onProgress: (report) => {
          if (report.rows % 10_000 < 500)
            req.log.info({ entity: report.entity, rows: report.rows }, 'import progress')
        },
      }),
  )

  app.get(
    '/exports/:entity',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Export every product, price, stock level or customer as CSV or JSON Lines',
        description:
          'Streamed a page at a time; the file has the columns an import reads, so importing it back changes nothing.',
        params: EntityParams,
        querystring: ExportQuery,
        response: {
          200: {
            description: 'The file.',
            content: {
              'text/csv': { schema: { type: 'string' } },
              'application/x-ndjson': { schema: { type: 'string' } },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const format = req.query.format ?? 'csv'
      return reply
        .header(
          'content-type',
          format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        )
        .header('content-disposition', `attachment; filename="${req.params.entity}.${format}"`)
        .send(exportFile(app.db, req.params.entity, format))
    },
  )
}
