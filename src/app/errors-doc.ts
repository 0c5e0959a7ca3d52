/**
 * docs/errors.md, generated from the error catalogues: `npm run docs:errors` writes it, and
 * src/app/error-catalogue.test.ts fails when the committed file differs from what the lists say.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type ListedError, listedErrors, startupErrorCatalogue } from './error-catalogue.ts'

export const errorsDocPath = fileURLToPath(new URL('../../docs/errors.md', import.meta.url))

const cell = (text: string) => text.replaceAll('|', '\\|')

/** A Markdown table of `rows`, one column per field named in `columns`. */
function table(rows: ListedError[], columns: Array<[header: string, value: (e: ListedError) => string]>) {
  return [
    `| ${columns.map(([header]) => header).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((e) => `| ${columns.map(([, value]) => cell(value(e))).join(' | ')} |`),
  ]
}

const code: [string, (e: ListedError) => string] = ['Code', (e) => `\`${e.code}\``]
const meaning: [string, (e: ListedError) => string] = ['Meaning', (e) => e.meaning]

export function renderErrorsDoc(): string {
  return [
    '# Error codes',
    '',
    '<!-- Generated from the *.errors.ts lists by `npm run docs:errors`: do not edit. -->',
    '',
    'Every error answer is `{ "error": { "code", "message", "details" } }` with the HTTP status below.',
    'Clients branch on `code`, which never changes meaning; `message` says what went wrong and what to do',
    'next, and `details` (when present) names the field, SKU or rule concerned. The OpenAPI document',
    '(`/openapi.json`) lists the same codes as the enum of `code`. A refused request writes nothing.',
    '',
    'The capability is the folder of `src/` whose list declares the code (`common`: any route may answer',
    'it). A code several capabilities answer is listed by each, always with the same status.',
    '',
    '## Codes the API answers',
    '',
    ...table(listedErrors(), [
      code,
      ['HTTP status', (e) => String(e.status)],
      ['Capability', (e) => e.owner],
      meaning,
    ]),
    '',
    '## Codes that stop a command or the server',
    '',
    'Never answered over HTTP: `passerelle` prints the message and exits with status 1.',
    '',
    ...table(listedErrors({ startup: startupErrorCatalogue }), [code, meaning]),
    '',
    '## Adding a code',
    '',
    'Add it to the list of the capability that answers it (`src/<capability>/<capability>.errors.ts`, or',
    '`src/shared/common.errors.ts` for the HTTP layer), with its status and one line saying what it means',
    "and what the client should do, then run `npm run docs:errors` and `npm run api:types`. The capability's",
    '`refused`, `conflict`, `notFound` and `fail` accept only the codes of its list, at the status listed.',
    '',
  ].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(errorsDocPath, renderErrorsDoc())
  process.stdout.write(`wrote ${errorsDocPath}\n`)
}
