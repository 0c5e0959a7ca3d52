import pg from 'pg'
import { summarise } from './stats.ts'
import type { Http } from './workload.ts'

const log = (msg: string) => process.stderr.write(`${msg}\n`)

const FIRST = [
  'Camille',
  'Léa',
  'Hugo',
  'Lucas',
  'Chloé',
  'Inès',
  'Louis',
  'Jules',
  'Manon',
  'Zoé',
  'Nathan',
  'Emma',
]
const LAST = [
  'Martin',
  'Bernard',
  'Thomas',
  'Petit',
  'Robert',
  'Richard',
  'Durand',
  'Dubois',
  'Moreau',
  'Laurent',
]

/**
 * The customer relationship at scale, on PostgreSQL: 100,000 customers (with 1,000 people registered
 * twice, accents and case changed) written straight into the scratch database, then over HTTP the
 * 360 view of a customer with 500 orders, and duplicate detection over everyone.
 */
export async function customersSection(http: Http, databaseUrl: string) {
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    log('bench: writing 100,000 customers and a customer with 500 orders…')
    await db.query(
      `INSERT INTO customer (id, email, first_name, last_name, postcode, address_line, city)
       SELECT 'cus_bench_' || i, 'bench' || i || '@example.fr',
              ($1::text[])[1 + i % 12], ($2::text[])[1 + (i / 12) % 10] || (i / 120)::text,
              lpad((1000 + i % 95000)::text, 5, '0'), (i % 200) || ' rue de la Paix', 'Ville'
       FROM generate_series(1, 100000) AS i`,
      [FIRST, LAST],
    )
    await db.query(
      `INSERT INTO customer (id, phone, first_name, last_name, postcode, address_line, city)
       SELECT 'cus_twin_' || i, '+3361' || lpad(i::text, 7, '0'),
              upper(translate(($1::text[])[1 + i % 12], 'éèëÉ', 'eeeE')), upper(($2::text[])[1 + (i / 12) % 10] || (i / 120)::text),
              lpad((1000 + i % 95000)::text, 5, '0'), (i % 200) || ', rue-de-la-Paix', 'Ville'
       FROM generate_series(1, 100000, 100) AS i`,
      [FIRST, LAST],
    )
    const { rows: channels } = await db.query<{ id: string }>('SELECT id FROM channel ORDER BY id')
    await db.query(
      `INSERT INTO orders (id, number, channel_id, customer_id, status, currency, total_cents, vat_cents, paid_cents, placed_at, created_at)
       SELECT 'ord_bench_' || i, 900000000 + i, ($1::text[])[1 + i % $2], 'cus_bench_1', 'completed', 'EUR',
              1000 + i * 7 % 9000, 200, 1000 + i * 7 % 9000, now() - (i || ' hours')::interval, now() - (i || ' hours')::interval
       FROM generate_series(1, 500) AS i`,
      [channels.map((c) => c.id), channels.length],
    )
    await db.query('ANALYZE customer; ANALYZE orders')
  } finally {
    await db.end()
  }
  const latencies: number[] = []
  for (let i = 0; i < 220; i++) {
    const t0 = performance.now()
    const res = await http.fetchBytes('/api/v1/customers/cus_bench_1/360')
    if (res.status !== 200) throw new Error(`360 view failed with ${res.status}`)
    if (i >= 20) latencies.push(performance.now() - t0)
  }
  log('bench: duplicate detection over 101,000 customers…')
  const t0 = performance.now()
  const dupes = await http.call('GET', '/api/v1/customers/duplicates?limit=500')
  const dedupeS = (performance.now() - t0) / 1000
  if (dupes.status !== 200) throw new Error(`duplicates failed: ${JSON.stringify(dupes.json)}`)
  const found = (dupes.json.data as Array<{ customers: Array<{ id: string }> }>).filter((d) =>
    d.customers.some((c) => c.id.startsWith('cus_twin_')),
  ).length
  const s = summarise(latencies)
  return {
    customer360_p50_ms: s.p50_ms,
    customer360_p99_ms: s.p99_ms,
    dedupe_100k_s: Math.round(dedupeS * 100) / 100,
    dedupe_planted_found: `${found}/1000 (first 500 listed)`,
  }
}
