import { DrizzleQueryError } from 'drizzle-orm/errors'
import { describe, expect, it } from 'vitest'
import { loggableError } from '../db/loggable-error.ts'
import { toAppError } from './error-handler.ts'

/** An error as the PostgreSQL driver raises it. */
function pgError(code: string, message: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), { code, ...extra })
}

describe('errors the database raises', () => {
  it('answers 400 invalid_input, not 500, for a value the database cannot store', () => {
    for (const code of ['22P05', '22003', '22P02', '22021', '22001', '22007', '22008']) {
      const err = new DrizzleQueryError('select 1', [], pgError(code, 'refused'))
      const app = toAppError(err)
      expect(app.status, code).toBe(400)
      expect(app.code).toBe('invalid_input')
    }
    expect(toAppError(pgError('XX000', 'boom')).status).toBe(500)
  })

  it('describes a failed statement for the log without its parameters nor the values PostgreSQL quotes', () => {
    const cause = pgError('22P02', 'invalid input syntax for type uuid: "jeanne@example.com"', {
      table: 'customer',
      detail: 'Key (email)=(jeanne@example.com) already exists.',
    })
    const err = new DrizzleQueryError(
      'select "id" from "customer" where "email" = $1',
      ['jeanne@example.com', '+33612345678'],
      cause,
    )
    const logged = loggableError(err)
    expect(logged).toMatchObject({
      pg_code: '22P02',
      table: 'customer',
      statement: 'select "id" from "customer" where "email" = $1',
    })
    const text = JSON.stringify(logged)
    expect(text).not.toContain('jeanne')
    expect(text).not.toContain('33612345678')
    expect(logged.message).toBe('invalid input syntax for type uuid: "…"')
  })

  it('names a prepared statement that failed', () => {
    const logged = loggableError(
      Object.assign(pgError('40P01', 'deadlock detected'), { statement: 'idempotency_claim' }),
    )
    expect(logged).toMatchObject({ pg_code: '40P01', statement: 'idempotency_claim' })
  })
})
