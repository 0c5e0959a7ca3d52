import type pg from 'pg'

/**
 * A connection runs one statement at a time: statements its users send together (`Promise.all` of reads
 * written for the pool inside a transaction, jobs asking for their locks at once on the runner's session)
 * wait their turn here rather than in node-postgres, which deprecates queueing them (pg 9 refuses it).
 * The order they were sent in is kept; one failing does not stop the next from being sent. The returned
 * function gives the connection its own `query` back.
 */
export function oneQueryAtATime(client: pg.Client | pg.PoolClient): () => void {
  const query = client.query
  let previous: Promise<unknown> = Promise.resolve()
  client.query = ((...args: unknown[]) => {
    const turn = previous.then(() => (query as (...a: unknown[]) => Promise<unknown>).apply(client, args))
    previous = turn.catch(() => {})
    return turn
  }) as typeof client.query
  return () => {
    client.query = query
  }
}
