import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '../../src/testing/harness.ts'
import { apiTypes, schemaPath } from './api-types.ts'

describe("the workspace's API types", () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>
  beforeAll(async () => {
    db = await openTestDatabase()
  })
  afterAll(() => db?.drop())

  it("are the server's OpenAPI document as it is now (else run `npm run api:types`)", async () => {
    const committed = readFileSync(schemaPath, 'utf8')
    const current = await apiTypes(db.database)
    expect(committed === current, 'web/src/api/schema.d.ts is stale: run `npm run api:types`').toBe(true)
  })
})
