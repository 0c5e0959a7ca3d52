import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sqlFiles } from '../db/statement.ts'
import { queries, queriesDir } from './queries.ts'

const rendered = sqlFiles(queries)

describe("the order path's statements committed as SQL", () => {
  it.each([...rendered])('src/orders/queries/%s is the statement the code sends', (file, text) => {
    const path = join(queriesDir, file)
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : null
    expect(
      committed === text,
      `src/orders/queries/${file} is ${committed === null ? 'missing' : 'stale'}: run \`npm run sql:render\` and commit it`,
    ).toBe(true)
  })

  it('holds no copy of a statement the code no longer builds', () => {
    const stale = readdirSync(queriesDir).filter((f) => f.endsWith('.sql') && !rendered.has(f))
    expect(stale, 'remove them with `npm run sql:render`').toEqual([])
  })
})
