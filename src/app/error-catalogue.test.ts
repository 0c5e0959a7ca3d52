import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { offerErrors } from '../offer/index.ts'
import { ordersErrors } from '../orders/index.ts'
import { commonErrors, startupErrors } from '../shared/common.errors.ts'
import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'
import { apiErrorCatalogues, apiErrorCodes, listedErrors, startupErrorCatalogue } from './error-catalogue.ts'
import { errorsDocPath, renderErrorsDoc } from './errors-doc.ts'

const srcDir = fileURLToPath(new URL('..', import.meta.url))

interface Raised {
  /** Path under src/, e.g. `orders/orders.domain.ts`. */
  file: string
  line: number
  /** The code raised, or null when the call does not spell it out. */
  code: string | null
  how: string
}

/** Functions that make a coded error from their first argument (`notFound`: from the entity it names). */
const makers = new Set(['refused', 'conflict', 'notFound', 'fail', 'startupError'])

/**
 * Every place `text` raises an error code: the error makers, `new AppError(status, code, …)`, and
 * bodies sent by hand (`{ error: { code: '…' } }`).
 */
function raisedCodes(file: string, text: string): Raised[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found: Raised[] = []
  const literal = (node: ts.Node | undefined) =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null
  const add = (node: ts.Node, code: string | null, how: string) =>
    found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, code, how })
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : ''
      if (makers.has(name)) {
        const code = literal(node.arguments[0])
        add(node, name === 'notFound' && code !== null ? `${code}_not_found` : code, name)
      }
    } else if (ts.isNewExpression(node) && node.expression.getText(source) === 'AppError') {
      add(node, literal(node.arguments?.[1]), 'new AppError')
    } else if (
      ts.isPropertyAssignment(node) &&
      node.name.getText(source) === 'error' &&
      ts.isObjectLiteralExpression(node.initializer)
    ) {
      for (const p of node.initializer.properties) {
        if (ts.isPropertyAssignment(p) && p.name.getText(source) === 'code')
          add(p, literal(p.initializer), 'body')
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

/** Where a code built from a variable is allowed: the makers themselves, and a listed error passed on. */
const codeFromVariable = new Set([
  'shared/errors.ts',
  // The demo is seeded in a child process: its AppError (listed where it was raised) is rebuilt here.
  'app/demo-loader.ts',
])

/** The codes a file may raise: its capability's, the common ones, and those that stop a start (settings). */
function allowedIn(file: string): Set<string> {
  const own = apiErrorCatalogues[file.split('/')[0]!] ?? {}
  return new Set([...Object.keys(commonErrors), ...Object.keys(startupErrors), ...Object.keys(own)])
}

function unlisted(raised: Raised[]) {
  return raised
    .filter((r) =>
      r.code === null
        ? !codeFromVariable.has(r.file) && r.how === 'new AppError'
        : !allowedIn(r.file).has(r.code),
    )
    .map((r) => `${r.file}:${r.line} ${r.how} ${r.code ?? '(code not spelled out)'}`)
}

const raisedInSrc = sourceFiles(srcDir).flatMap((path) =>
  raisedCodes(relative(srcDir, path).split('\\').join('/'), readFileSync(path, 'utf8')),
)

describe('the error codes form a closed list', () => {
  it('every code the source raises is listed by its capability or the common list', () => {
    expect(unlisted(raisedInSrc)).toEqual([])
  })

  it('the scan sees the codes raised every way: makers, notFound, new AppError and hand-written bodies', () => {
    const seen = (file: string, code: string) => raisedInSrc.some((r) => r.file === file && r.code === code)
    expect(seen('orders/orders.domain.ts', 'insufficient_stock')).toBe(true)
    expect(seen('orders/orders.service.ts', 'order_not_found')).toBe(true)
    expect(seen('http/error-handler.ts', 'bad_request')).toBe(true)
    expect(seen('http/http-app.ts', 'route_not_found')).toBe(true)
    expect(seen('http/error-handler.ts', 'database_unavailable')).toBe(true)
    expect(seen('db/lock.ts', 'data_dir_locked')).toBe(true)
  })

  it('a code raised but not listed is reported with its file and line, whichever way it is raised', () => {
    const raised = raisedCodes(
      'orders/example.ts',
      [
        "throw refused('balance_due', 'listed')",
        "throw conflict('stock_vanished', 'not listed')",
        "throw notFound('basket', id)",
        "throw new AppError(422, 'made_up', 'not listed')",
        'throw new AppError(422, someCode, "not spelled out")',
        "reply.send({ error: { code: 'hand_written', message: 'not listed' } })",
      ].join('\n'),
    )
    expect(unlisted(raised)).toEqual([
      'orders/example.ts:2 conflict stock_vanished',
      'orders/example.ts:3 notFound basket_not_found',
      'orders/example.ts:4 new AppError made_up',
      'orders/example.ts:5 new AppError (code not spelled out)',
      'orders/example.ts:6 body hand_written',
    ])
  })

  it('a code listed by several capabilities answers the same status in each', () => {
    const statuses = new Map<string, Set<string>>()
    for (const e of listedErrors({ ...apiErrorCatalogues, startup: startupErrorCatalogue })) {
      statuses.set(e.code, (statuses.get(e.code) ?? new Set()).add(`${e.status} (${e.owner})`))
    }
    const clashes = [...statuses].filter(([, s]) => new Set([...s].map((x) => x.split(' ')[0])).size > 1)
    expect(clashes).toEqual([])
  })

  it('each meaning is one line that ends a sentence, and a not-found code answers 404', () => {
    for (const e of listedErrors({ ...apiErrorCatalogues, startup: startupErrorCatalogue })) {
      expect(e.meaning, e.code).toMatch(/^[A-Z`][^\n]*\.$/)
      expect(e.code, e.owner).toMatch(/^[a-z][a-z0-9_]*$/)
      if (e.code.endsWith('_not_found')) expect(e.status, e.code).toBe(404)
    }
  })

  it('the OpenAPI enum holds every API code once, and no start-up code', () => {
    expect(apiErrorCodes).toEqual([...new Set(apiErrorCodes)].sort())
    expect(apiErrorCodes).toContain('insufficient_stock')
    expect(apiErrorCodes).toContain('internal_error')
    expect(apiErrorCodes).not.toContain('data_dir_locked')
  })

  it('a capability may raise only the codes of its list, at the status listed (checked by the compiler)', () => {
    const orders = errorsOf(ordersErrors)
    const offer = errorsOf(offerErrors)
    // @ts-expect-error: orders does not list this code (at run time nothing checks: the compiler does)
    expect(orders.refused('no_such_code', 'Not listed.').code).toBe('no_such_code')
    // @ts-expect-error: insufficient_stock is a 409 conflict in orders' list, not a 422 refusal
    expect(orders.refused('insufficient_stock', 'Wrong status.').status).toBe(422)
    // @ts-expect-error: offer does not answer order_not_found
    expect(offer.notFound('order', 'ord_1').code).toBe('order_not_found')
    const made = orders.fail('draft_expired', 'Place a new order.')
    expect([made.status, made.code]).toEqual([422, 'draft_expired'])
    expect(orders.notFound('order', 'ord_1').status).toBe(404)
  })

  it('a catalogue entry must say its status and meaning (checked by the compiler)', () => {
    // @ts-expect-error: 418 is not a status a code may answer
    const teapot = { brewing: { status: 418, meaning: 'Short and stout.' } } satisfies ErrorCatalogue
    expect(teapot.brewing.status).toBe(418)
  })
})

describe('docs/errors.md', () => {
  it('is what the lists say: after changing a list, run npm run docs:errors', () => {
    expect(readFileSync(errorsDocPath, 'utf8')).toBe(renderErrorsDoc())
  })

  it('lists every code with its status and capability', () => {
    const doc = renderErrorsDoc()
    expect(doc).toContain('| `insufficient_stock` | 409 | orders |')
    expect(doc).toContain('| `invalid_input` | 400 | common |')
    expect(doc).toContain('| `data_dir_locked` |')
  })
})
