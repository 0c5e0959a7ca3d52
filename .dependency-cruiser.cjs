/**
 * The import rules of the house (docs/ARCHITECTURE.md explains them). `npm test` runs
 * `npm run lint:imports`, and src/testing/import-rules.test.ts proves each rule refuses a violation.
 *
 * Capabilities, lowest first: a capability may import the faces (`index.ts`) of those listed before
 * it, never of those after it. The order is the one the code already had once its loops were cut;
 * a new capability takes the place below everything that needs it.
 */
const capabilities = [
  'events',
  'channels',
  'catalog',
  'network',
  'offer',
  'inventory',
  'routing',
  'supply',
  'counts',
  'customers',
  'stored-value',
  'loyalty',
  'franchise',
  'fiscal',
  'orders',
  'shipping',
  'aftersales',
  'returns',
  'business',
  'partners',
  'payments',
  'notifications',
  'relationship',
  'account',
  'analytics',
  'campaigns',
  'bulk',
  'access',
]
/** Plumbing: used by capabilities, never using them. */
const plumbing = ['shared', 'db', 'http', 'jobs']
/** What puts the house together and drives it: may use every face. */
const drivers = ['app', 'cli', 'bench', 'demo', 'testing']

const any = (names) => `^src/(${names.join('|')})/`

const layering = capabilities.map((name, i) => ({
  name: `layer-${name}`,
  comment: `${name} may use ${capabilities.slice(0, i).join(', ') || 'no other capability'}, never a capability above it.`,
  severity: 'error',
  from: { path: `^src/${name}/`, pathNot: '\\.test\\.ts$' },
  to: { path: any(capabilities.slice(i + 1).length ? capabilities.slice(i + 1) : ['$^']) },
}))

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No file imports itself through others.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'capability-face',
      comment:
        'Another folder uses a capability through its index.ts only (tests may also use its *.fixture.ts test data).',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: {
        path: any(capabilities),
        pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', '^src/[^/]+/[^/]+\\.fixture\\.ts$'],
      },
    },
    {
      name: 'faces-from-outside-src',
      comment:
        'Scripts and the workspace harness use a capability through its index.ts too (the browser tests may also use its *.fixture.ts test doubles).',
      severity: 'error',
      from: { path: '^(scripts|web)/' },
      to: {
        path: any(capabilities),
        pathNot: ['^src/[^/]+/index\\.ts$', '^src/[^/]+/[^/]+\\.fixture\\.ts$'],
      },
    },
    ...layering,
    {
      name: 'order-path-carries-no-reaction',
      comment:
        'Points earned, franchise commissions, analytics, customer notifications and money moved at the payment provider react to the order from its events (consumers); orders imports none of them.',
      severity: 'error',
      from: { path: '^src/orders/', pathNot: '\\.test\\.ts$' },
      to: { path: any(['loyalty', 'franchise', 'analytics', 'payments', 'notifications']) },
    },
    {
      name: 'plumbing-knows-no-capability',
      comment:
        'src/shared, src/db, src/http and src/jobs are plumbing: they import no capability and no driver.',
      severity: 'error',
      from: { path: any(plumbing), pathNot: '\\.test\\.ts$' },
      to: { path: any([...capabilities, ...drivers]) },
    },
    {
      name: 'shared-is-the-floor',
      comment: 'src/shared imports nothing of the house but itself.',
      severity: 'error',
      from: { path: '^src/shared/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'A *.domain.ts file holds rules over data: no database, no HTTP, no file or network access.',
      severity: 'error',
      from: { path: '\\.domain\\.ts$' },
      to: {
        dependencyTypesNot: ['type-only'],
        path: [
          '^src/(db|http|jobs)/',
          '\\.(service|store|routes|jobs)\\.ts$',
          '^(node:)?(fs|net|http|https|child_process|dgram|dns|tls)$',
          'node_modules/(pg|@electric-sql|fastify|@fastify|drizzle-orm|undici|nats)/',
        ],
      },
    },
    {
      name: 'drivers-stay-outside',
      comment:
        'Capabilities and plumbing never import the composition (src/app) or the drivers (cli, bench, demo).',
      severity: 'error',
      from: { path: any([...capabilities, ...plumbing]), pathNot: '\\.test\\.ts$' },
      to: { path: any(['app', 'cli', 'bench', 'demo']) },
    },
    {
      name: 'demo-below-the-composition',
      comment:
        'The server loads the demo, so the demo never imports src/app: an entry that seeds without an app loads the ports itself (src/app/demo-loader.child.ts).',
      severity: 'error',
      from: { path: '^src/demo/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/app/' },
    },
    {
      name: 'test-support-stays-in-tests',
      comment:
        "src/testing is for tests. A capability's fixture that needs the harness (which builds the whole app) lives in src/testing: a capability never depends on it.",
      severity: 'error',
      from: { path: '^src/', pathNot: ['\\.test\\.ts$', '^src/testing/'] },
      to: { path: '^src/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
