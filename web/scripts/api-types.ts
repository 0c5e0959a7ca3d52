/**
 * The workspace's API types come from the server's own OpenAPI document, built in-process (no server
 * to start, no network): `npm run api:types` writes web/src/api/schema.d.ts, and
 * web/src/api/schema.test.ts fails when the committed file differs from what the server describes.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'
import { buildApp } from '../../src/app/app.ts'
import { type Database, openDatabase } from '../../src/db/database.ts'

export const schemaPath = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url))

const header = "// Generated from the server's OpenAPI document by `npm run api:types`: do not edit.\n\n"

/** The TypeScript description of the API the server built on `database` serves. */
export async function apiTypes(database: Database): Promise<string> {
  const app = await buildApp({ database, webRoot: null })
  try {
    const document = app.swagger() as Parameters<typeof openapiTS>[0]
    return header + astToString(await openapiTS(document, { alphabetize: true }))
  } finally {
    await app.close()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // The routes only describe themselves: an empty in-memory database is enough.
  const database = await openDatabase({ memory: true })
  try {
    writeFileSync(schemaPath, await apiTypes(database))
    process.stdout.write(`wrote ${schemaPath}\n`)
  } finally {
    await database.close()
  }
}
