/**
 * `npm run sql:render`: writes each hot statement as the server receives it to its owner's
 * `queries/<name>.sql`, and removes copies no statement renders any more. A test per owner
 * (src/orders/queries.test.ts) fails when a committed copy differs from what the code builds.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { type Query, sqlFiles } from '../src/db/statement.ts'
import { orderQueries } from '../src/orders/index.ts'

const owners: Array<{ queriesDir: string; queries: Query[] }> = [orderQueries]

for (const { queriesDir, queries } of owners) {
  const files = sqlFiles(queries)
  mkdirSync(queriesDir, { recursive: true })
  for (const stale of readdirSync(queriesDir).filter((f) => f.endsWith('.sql') && !files.has(f))) {
    rmSync(join(queriesDir, stale))
    console.log(`removed ${relative('.', join(queriesDir, stale))}`)
  }
  for (const [file, text] of files) writeFileSync(join(queriesDir, file), text)
  console.log(`wrote ${files.size} statements to ${relative('.', queriesDir)}/`)
}
