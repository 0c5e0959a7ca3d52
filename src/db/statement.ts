/**
 * One SQL statement written by several owners, readable where it is written and where it is read.
 *
 * The order path writes a whole order in one statement (one round trip, locks taken in one order),
 * so inventory, fulfilment, franchise and the idempotency claim each contribute common table
 * expressions to the order's statement. Here each contribution is a named CTE (`inventory_take`,
 * `franchise_accrue`: the owner's folder first) whose body names its parameters
 * (`${orderId}::text` instead of `$4::text`); `statement()` renders them once, at load time, into
 * the fixed text a prepared statement needs, numbering the parameters `$1…` by first use, and
 * lays the values out in that order. The rendered text is committed beside its owner
 * (`queries/<name>.sql`, see `sqlFile`) so a reviewer reads what the server runs.
 */

/** A named parameter of a statement, sent as `$n`; the fragment using it writes its cast. */
export interface Param<N extends string = string> {
  readonly kind: 'param'
  readonly name: N
}

/** A piece of SQL text with parameters, other fragments and references to CTEs in it. */
export interface Fragment<N extends string = string> {
  readonly kind: 'fragment'
  readonly strings: readonly string[]
  readonly parts: ReadonlyArray<Part<N>>
}

/** A common table expression; inside a fragment it stands for its name. */
export interface Cte<N extends string = string> {
  readonly kind: 'cte'
  readonly name: string
  readonly body: Fragment<N>
}

type Part<N extends string> = Param<N> | Fragment<N> | Cte<N>

/** The parameter names a part brings (a CTE referenced by name brings none: its body is listed once). */
type NamesOf<P> = P extends Param<infer N> ? N : P extends Fragment<infer N> ? N : never

/** The parameter names a statement's CTEs and final query bring. */
type StatementNames<C, S> = (C extends Cte<infer N> ? N : never) | NamesOf<S>

export function param<N extends string>(name: N): Param<N> {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`Parameter name ${name} is not snake_case.`)
  return { kind: 'param', name }
}

/** SQL text as a tagged template: `${aParam}` is a parameter, `${aCte}` its name, `${aFragment}` inlined. */
export function fragment<const V extends Array<Part<string>>>(
  strings: TemplateStringsArray,
  ...parts: V
): Fragment<NamesOf<V[number]>> {
  return { kind: 'fragment', strings: [...strings], parts: parts as Array<Part<NamesOf<V[number]>>> }
}

/** A CTE named after its owner: `inventory_take`, `orders_insert`, `franchise_accrue`. */
export function cte<N extends string>(name: string, body: Fragment<N>): Cte<N> {
  if (!/^[a-z]+_[a-z0-9_]+$/.test(name)) {
    throw new Error(`CTE ${name} is not named <owner>_<what> (for example inventory_take).`)
  }
  return { kind: 'cte', name, body }
}

export interface Statement<N extends string> {
  /** The prepared statement's name: one text per name, always the same. */
  readonly name: string
  /** The SQL sent to the server, with positional parameters `$1…`. */
  readonly text: string
  /** The parameters' names, `$1` first. */
  readonly params: readonly N[]
  /** The values in parameter order, from values by name. */
  values(byName: { readonly [K in N]: unknown }): unknown[]
}

/**
 * `WITH <ctes> <query>` as one statement. Refuses (at load time) two CTEs of the same name, a CTE
 * used before it is defined or not listed, and two different parameters of the same name.
 */
export function statement<const C extends ReadonlyArray<Cte<string>>, S extends Fragment<string>>(
  name: string,
  ctes: C,
  query: S,
): Statement<StatementNames<C[number], S>> {
  type N = StatementNames<C[number], S>
  const params = new Map<string, Param>()
  const defined = new Set<string>()
  const render = (f: Fragment, where: string): string =>
    f.strings.reduce((text, s, i) => {
      const part = f.parts[i - 1]!
      return text + renderPart(part, where) + s
    })
  const renderPart = (part: Part<string>, where: string): string => {
    if (part.kind === 'fragment') return render(part, where)
    if (part.kind === 'cte') {
      if (!defined.has(part.name)) {
        throw new Error(
          `Statement ${name}: ${where} uses CTE ${part.name} before it is defined (or unlisted).`,
        )
      }
      return part.name
    }
    const known = params.get(part.name)
    if (known && known !== part) throw new Error(`Statement ${name}: two parameters named ${part.name}.`)
    params.set(part.name, part)
    return `$${[...params.keys()].indexOf(part.name) + 1}`
  }
  const withs = ctes.map((c) => {
    if (defined.has(c.name)) throw new Error(`Statement ${name}: two CTEs named ${c.name}.`)
    const body = indent(render(c.body, c.name), '    ')
    defined.add(c.name)
    return `  ${c.name} AS (\n${body}\n  )`
  })
  const select = indent(render(query, 'the final query'), '')
  const text = withs.length > 0 ? `WITH\n${withs.join(',\n')}\n${select}` : select
  const names = [...params.keys()] as N[]
  return {
    name,
    text,
    params: names,
    values(byName) {
      return names.map((n) => {
        if (!(n in byName)) throw new Error(`Statement ${name}: no value for parameter ${n}.`)
        return byName[n]
      })
    },
  }
}

/** Removes the common indentation of the text's lines (and blank lines around it), then indents it. */
function indent(text: string, by: string): string {
  const lines = text.split('\n').map((l) => l.trimEnd())
  while (lines.length > 0 && lines[0] === '') lines.shift()
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  const margin = Math.min(...lines.filter((l) => l !== '').map((l) => l.length - l.trimStart().length))
  return lines.map((l) => (l === '' ? '' : by + l.slice(margin))).join('\n')
}

/** A statement whose rendered text is committed, with the file that builds it. */
export interface Query {
  statement: Statement<string>
  /** The file building it, from the repository's root: the committed copy names it. */
  source: string
}

/**
 * The committed `.sql` copy of a statement (`<name>.sql`): a header saying it is generated, by what
 * and from where, the parameters by position, then the text as the server receives it.
 */
export function sqlFile({ statement: s, source }: Query): string {
  const width = String(s.params.length).length + 1
  return [
    `-- Generated by \`npm run sql:render\` from ${source}: do not edit, run the command.`,
    `-- Prepared statement ${s.name}.`,
    ...(s.params.length > 0
      ? ['-- Parameters:', ...s.params.map((p, i) => `--   ${`$${i + 1}`.padEnd(width)} ${p}`)]
      : []),
    '',
    `${s.text};`,
    '',
  ].join('\n')
}

/** The committed copies of some statements, by file name; refuses two statements of the same name. */
export function sqlFiles(queries: Query[]): Map<string, string> {
  const files = new Map<string, string>()
  for (const q of queries) {
    const file = `${q.statement.name}.sql`
    if (files.has(file)) throw new Error(`Two statements named ${q.statement.name}.`)
    files.set(file, sqlFile(q))
  }
  return files
}
