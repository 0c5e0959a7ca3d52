interface ErrorLike {
  name?: string
  message?: string
  stack?: string
  code?: unknown
  cause?: unknown
  /** Set by the query builder: the SQL text with $n placeholders, and its parameters. */
  query?: unknown
  params?: unknown
  /** Set by `prepared()`: the name of the statement. */
  statement?: unknown
  table?: unknown
  column?: unknown
  constraint?: unknown
}

/**
 * What a log may say about an error: its type, the PostgreSQL error code, the statement that failed
 * (its name, or the first words of its parameterised text) and where it was thrown. Never the SQL
 * parameters, the PostgreSQL `detail` (`Key (email)=(…)`), nor a value PostgreSQL quotes back in its
 * message: requests carry names, e-mails, phone numbers and addresses.
 */
export function loggableError(err: unknown): Record<string, unknown> {
  const chain: ErrorLike[] = []
  for (let cur = err; cur && typeof cur === 'object' && chain.length < 5; cur = (cur as ErrorLike).cause) {
    chain.push(cur as ErrorLike)
  }
  if (chain.length === 0) return { type: typeof err, message: redact(String(err)) }
  const named = chain.find((e) => typeof e.statement === 'string')?.statement as string | undefined
  const query = chain.find((e) => typeof e.query === 'string')?.query as string | undefined
  const pg = chain.find((e) => typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code))
  // The query builder's own error repeats the parameters in its message: describe its cause instead.
  const root = chain.find((e) => e.params === undefined) ?? {}
  return {
    type: root.name ?? chain[0]!.name ?? 'Error',
    message: redact(root.message ?? ''),
    ...(pg
      ? {
          pg_code: pg.code,
          ...(typeof pg.table === 'string' ? { table: pg.table } : {}),
          ...(typeof pg.column === 'string' ? { column: pg.column } : {}),
          ...(typeof pg.constraint === 'string' ? { constraint: pg.constraint } : {}),
        }
      : {}),
    ...(named || query ? { statement: named ?? statementHead(query!) } : {}),
    stack: frames(chain[0]!.stack),
  }
}

/** The first words of a parameterised statement: enough to find it in the code. */
export function statementHead(query: string): string {
  const text = query.replace(/\s+/g, ' ').trim()
  return text.length > 80 ? `${text.slice(0, 80)}…` : text
}

/** Values PostgreSQL quotes back (`invalid input syntax for type uuid: "…"`, `Key (x)=(…)`) are cut. */
function redact(message: string): string {
  return message
    .replace(/: ("[^"]*"|'[^']*')/g, ': "…"')
    .replace(/\)=\([^)]*\)/g, ')=(…)')
    .split('\n')[0]!
}

/** The stack without its first lines, which repeat the message. */
function frames(stack: string | undefined): string | undefined {
  if (!stack) return undefined
  const lines = stack.split('\n').filter((l) => /^\s+at /.test(l))
  return lines.slice(0, 12).join('\n')
}
