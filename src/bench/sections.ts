/** The bench sections, apart from the bench itself so the command line can list them without loading it. */
export const benchSections = [
  'orders',
  'orders-refused',
  'availability',
  'oversell',
  'customers',
  'events',
  'notifications',
  'pgbench',
  'routing',
  'offer',
  'supply',
  'analytics',
  'fiscal',
  'startup',
  'scale',
] as const
export type BenchSection = (typeof benchSections)[number]
