import type { SQL } from 'drizzle-orm'

/**
 * Runs raw SQL and returns its rows, whatever the driver. On its own (no driver imported) so that code
 * read without a database, such as the command line's demo keys, can use it too.
 */
export async function rows<T>(
  q: { execute(statement: SQL): PromiseLike<unknown> },
  statement: SQL,
): Promise<T[]> {
  const result = (await q.execute(statement)) as { rows: T[] }
  return result.rows
}
