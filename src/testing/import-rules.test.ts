import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cruise, type IConfiguration } from 'dependency-cruiser'
import { afterAll, describe, expect, it } from 'vitest'

/*
 * The import rules of .dependency-cruiser.cjs (run by `npm run lint:imports` in `npm test`) are
 * checked here against small trees that break one rule each: a rule that never refuses anything
 * would let the house tangle again unnoticed.
 */

const root = fileURLToPath(new URL('../..', import.meta.url))
const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as IConfiguration
const scratch = mkdtempSync(join(tmpdir(), 'import-rules-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

let trees = 0

/** Writes `files` (path → source) under a fresh `src/` and returns the rules they break. */
async function violations(files: Record<string, string>): Promise<string[]> {
  const base = join(scratch, String(trees++))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true })
    writeFileSync(join(base, path), text)
  }
  const { output } = await cruise(['src'], {
    ...config.options,
    baseDir: base,
    ruleSet: { forbidden: config.forbidden },
    tsConfig: undefined,
    validate: true,
  })
  if (typeof output === 'string') throw new Error(output)
  return [...new Set(output.summary.violations.map((v) => v.rule.name))].sort()
}

/** A tiny house that keeps every rule: orders over inventory, each with its face. */
const lawful = {
  'src/shared/money.domain.ts': 'export const cents = (euros: number) => Math.round(euros * 100)\n',
  'src/db/database.ts': 'export const db = {}\n',
  'src/inventory/stock.store.ts': "import { db } from '../db/database.ts'\nexport const reserve = () => db\n",
  'src/inventory/index.ts': "export { reserve } from './stock.store.ts'\n",
  'src/orders/orders.domain.ts':
    "import { cents } from '../shared/money.domain.ts'\nexport const total = (e: number) => cents(e)\n",
  'src/orders/orders.service.ts':
    "import { reserve } from '../inventory/index.ts'\nimport { total } from './orders.domain.ts'\nexport const place = () => [reserve(), total(1)]\n",
  'src/orders/index.ts': "export { place } from './orders.service.ts'\n",
  'src/app/routes.ts': "import { place } from '../orders/index.ts'\nexport const routes = [place]\n",
}

describe('the import rules', () => {
  it('accept a house where every capability is used through its face, lowest first', async () => {
    expect(await violations(lawful)).toEqual([])
  })

  it('refuse an import of another capability’s inner file', async () => {
    expect(
      await violations({
        ...lawful,
        'src/orders/orders.service.ts':
          "import { reserve } from '../inventory/stock.store.ts'\nexport const place = () => reserve()\n",
      }),
    ).toEqual(['capability-face'])
  })

  it('refuse a capability that uses one above it', async () => {
    expect(
      await violations({
        ...lawful,
        'src/inventory/stock.store.ts':
          "import { place } from '../orders/index.ts'\nexport const reserve = () => place\n",
      }),
    ).toContain('layer-inventory')
  })

  it('refuse orders importing a capability that reacts to the order (it reads the events instead)', async () => {
    expect(
      await violations({
        ...lawful,
        'src/loyalty/earning.service.ts': 'export const earn = () => 1\n',
        'src/loyalty/index.ts': "export { earn } from './earning.service.ts'\n",
        'src/orders/orders.service.ts':
          "import { earn } from '../loyalty/index.ts'\nexport const place = () => earn()\n",
      }),
    ).toEqual(['order-path-carries-no-reaction'])
  })

  it('refuse files that import each other in a circle', async () => {
    expect(
      await violations({
        ...lawful,
        'src/orders/a.ts': "import { b } from './b.ts'\nexport const a = () => b\n",
        'src/orders/b.ts': "import { a } from './a.ts'\nexport const b = () => a\n",
      }),
    ).toEqual(['no-circular'])
  })

  it('refuse a domain file that does I/O', async () => {
    expect(
      await violations({
        ...lawful,
        'src/orders/orders.domain.ts':
          "import { readFileSync } from 'node:fs'\nexport const total = () => readFileSync('x')\n",
      }),
    ).toEqual(['domain-is-pure'])
    expect(
      await violations({
        ...lawful,
        'src/orders/orders.domain.ts':
          "import { db } from '../db/database.ts'\nexport const total = () => db\n",
      }),
    ).toEqual(['domain-is-pure'])
  })

  it('refuse plumbing or shared code that knows a capability', async () => {
    expect(
      await violations({
        ...lawful,
        'src/shared/money.domain.ts':
          "import { place } from '../orders/index.ts'\nexport const cents = () => place\n",
      }),
    ).toEqual(expect.arrayContaining(['plumbing-knows-no-capability', 'shared-is-the-floor']))
    expect(
      await violations({
        ...lawful,
        'src/db/database.ts': "import { routes } from '../app/routes.ts'\nexport const db = routes\n",
      }),
    ).toContain('drivers-stay-outside')
  })

  it('refuse a demo file that loads the composition (the server loads the demo)', async () => {
    expect(
      await violations({
        ...lawful,
        'src/demo/seed.ts': "import { routes } from '../app/routes.ts'\nexport const seed = () => routes\n",
      }),
    ).toEqual(['demo-below-the-composition'])
  })

  it('refuse a capability’s code or fixture that uses the test harness (it builds the whole app)', async () => {
    const harness = {
      ...lawful,
      'src/testing/harness.ts':
        "import { routes } from '../app/routes.ts'\nexport const start = () => routes\n",
      // A test may use it: tests are no part of the capability.
      'src/inventory/stock.api.test.ts':
        "import { start } from '../testing/harness.ts'\nexport const t = start\n",
    }
    expect(await violations(harness)).toEqual([])
    expect(
      await violations({
        ...harness,
        'src/inventory/stock.fixture.ts':
          "import { start } from '../testing/harness.ts'\nexport const kit = start\n",
      }),
    ).toEqual(['test-support-stays-in-tests'])
  })
})
