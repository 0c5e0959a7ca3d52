import pg from 'pg'
import type { Executor } from './database.ts'

interface QueryClient {
  query(config: unknown, values?: unknown[]): Promise<{ rows: unknown[] }>
}

/**
 * Runs one of the order path's hot statements as a named prepared statement on PostgreSQL, so the
 * server parses and plans it once per connection instead of on every order; PGlite runs it as is.
 * The statement text is fixed and takes positional parameters ($1…), JSON for lists.
 */
export async function prepared<T>(q: Executor, name: string, text: string, values: unknown[]): Promise<T[]> {
  const client = (q as unknown as { session: { client: QueryClient } }).session.client
  try {
    const result =
      client instanceof pg.Pool || client instanceof pg.Client
        ? await client.query({ name, text, values })
        : await client.query(text, values)
    return result.rows as T[]
  } catch (err) {
    // Logs name the statement that failed (and never its values): see loggableError.
    if (err && typeof err === 'object') Object.assign(err, { statement: name })
    throw err
  }
}
