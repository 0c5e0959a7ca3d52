import { connect, createServer, type Socket } from 'node:net'

export interface PostgresRelay {
  /** `databaseUrl` with its host and port replaced by the relay's. */
  url: string
  /** Cuts every connection and refuses new ones, as a PostgreSQL restart or a failover does. */
  down(): void
  /** Lets connections through again. */
  up(): void
  close(): Promise<void>
}

/**
 * A TCP relay between a server under test and PostgreSQL, so a test can make the database unreachable
 * for that server alone without touching the shared PostgreSQL server.
 */
export async function postgresRelay(databaseUrl: string): Promise<PostgresRelay> {
  const target = new URL(databaseUrl)
  const open = new Set<Socket>()
  let refusing = false
  const server = createServer((client) => {
    if (refusing) {
      client.destroy()
      return
    }
    const upstream = connect(Number(target.port || 5432), target.hostname)
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      open.add(a)
      a.pipe(b)
      a.on('error', () => b.destroy())
      a.on('close', () => {
        open.delete(a)
        b.destroy()
      })
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = new URL(databaseUrl)
  url.hostname = '127.0.0.1'
  url.port = String((server.address() as { port: number }).port)
  return {
    url: url.toString(),
    down() {
      refusing = true
      for (const s of open) s.destroy()
    },
    up() {
      refusing = false
    },
    close() {
      refusing = true
      for (const s of open) s.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
