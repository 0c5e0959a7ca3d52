import { loadavg } from 'node:os'
import pg from 'pg'
import { openDatabase } from '../db/database.ts'
import { migrate } from '../db/migrate.ts'
import { chainHash, verifyChains } from '../fiscal/index.ts'
import { scratchPostgres } from './scratch-postgres.ts'
import { prng } from './workload.ts'

const log = (msg: string) => process.stderr.write(`${msg}\n`)
const TICKETS = 1_000_000
const REGISTERS = 40
const BATCH = 5_000
const GENESIS = '0'.repeat(64)

/**
 * `passerelle fiscal verify` over a million tickets, in-process on a database of its own on the
 * PostgreSQL server: 40 registers of 25,000 chained sale tickets each (two or three lines, one or two
 * tenders, as a till writes them), written in bulk by SQL, then every chain walked and every hash
 * recomputed, timed, by the verifier threads `passerelle fiscal verify` uses on PostgreSQL.
 */
export async function fiscalSection(databaseUrl: string, tickets = TICKETS) {
  const scratch = await scratchPostgres(databaseUrl, `passerelle_bench_fiscal_${process.pid}`)
  const database = await openDatabase({ databaseUrl: scratch.url, poolSize: 4 })
  try {
    await migrate(database)
    const client = new pg.Client({ connectionString: scratch.url })
    await client.connect()
    const t0 = performance.now()
    try {
      await generateTickets(client, tickets)
    } finally {
      await client.end()
    }
    const generateS = (performance.now() - t0) / 1000
    log(`bench: ${tickets.toLocaleString('en')} tickets written in ${generateS.toFixed(1)} s; verifying…`)
    const loadBefore = loadavg()[0]!
    const t1 = performance.now()
    const result = await verifyChains(database.db, undefined, { databaseUrl: scratch.url })
    const verifyS = (performance.now() - t1) / 1000
    if (!result.ok)
      throw new Error(`fiscal bench: the generated chains do not verify: ${JSON.stringify(result.broken)}`)
    return {
      fiscal_verify_tickets: result.records,
      fiscal_verify_s: Number(verifyS.toFixed(2)),
      fiscal_verify_records_per_s: Math.round(result.records / verifyS),
      fiscal_generate_s: Number(generateS.toFixed(1)),
      // Other work shares this machine: its load (1 min average) before and after the walk.
      fiscal_machine_load: `${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
    }
  } finally {
    await database.close()
    await scratch.drop()
  }
}

export async function generateTickets(client: pg.Client, tickets: number) {
  const rand = prng(16)
  const perRegister = Math.ceil(tickets / REGISTERS)
  const start = Date.UTC(2026, 0, 2, 8)
  for (let r = 0; r < REGISTERS; r++) {
    const registerId = `reg_bench_${String(r).padStart(3, '0')}`
    const storeId = `loc_bench_${String(Math.floor(r / 2)).padStart(3, '0')}`
    let prev = GENESIS
    let cols = emptyColumns()
    const flush = async () => {
      await client.query(
        `INSERT INTO fiscal_ticket (register_id, seq, kind, session_id, order_id, total_cents, recorded_at, body, prev_hash, hash)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::timestamptz[],
           $8::jsonb[], $9::text[], $10::text[])`,
        [
          registerId,
          cols.seq,
          cols.kind,
          cols.session,
          cols.order,
          cols.total,
          cols.at,
          cols.body,
          cols.prev,
          cols.hash,
        ],
      )
      cols = emptyColumns()
    }
    for (let seq = 1; seq <= perRegister; seq++) {
      // About 60 tickets a day per register, 8:00 to 19:00.
      const day = Math.floor((seq - 1) / 60)
      const at = new Date(start + day * 86_400_000 + ((seq - 1) % 60) * 660_000)
      const lines = Array.from({ length: 2 + Math.floor(rand() * 2) }, (_, i) => {
        const quantity = 1 + Math.floor(rand() * 3)
        const unit = 199 + Math.floor(rand() * 8000)
        const rate = i === 2 ? 550 : 2000
        const total = quantity * unit
        return {
          sku: `SKU-${String(Math.floor(rand() * 20_000)).padStart(6, '0')}`,
          name: 'Serviette de bain coton bio 70 x 140',
          quantity,
          unit_price_cents: unit,
          discount_cents: 0,
          total_cents: total,
          vat_rate_bp: rate,
          vat_cents: Math.round((total * rate) / (10_000 + rate)),
        }
      })
      const total = lines.reduce((s, l) => s + l.total_cents, 0)
      const cash = rand() < 0.3 ? Math.floor(total / 2) : 0
      const session = `ses_bench_${r}_${day}`
      const orderId = `ord_bench_${r}_${seq}`
      const body = {
        kind: 'sale',
        register_id: registerId,
        store_id: storeId,
        session_id: session,
        seq,
        business_date: at.toISOString().slice(0, 10),
        recorded_at: at.toISOString(),
        actor: 'key_bench',
        order_id: orderId,
        order_number: r * perRegister + seq,
        lines,
        tenders: [
          ...(cash > 0 ? [{ method: 'cash', amount_cents: cash }] : []),
          { method: 'card', amount_cents: total - cash },
        ],
        total_cents: total,
        vat_cents: lines.reduce((s, l) => s + l.vat_cents, 0),
        discount_cents: 0,
      }
      const hash = chainHash(prev, body)
      cols.seq.push(seq)
      cols.kind.push('sale')
      cols.session.push(session)
      cols.order.push(orderId)
      cols.total.push(total)
      cols.at.push(body.recorded_at)
      cols.body.push(JSON.stringify(body))
      cols.prev.push(prev)
      cols.hash.push(hash)
      prev = hash
      if (cols.seq.length === BATCH) await flush()
    }
    if (cols.seq.length > 0) await flush()
    await client.query(
      `INSERT INTO fiscal_register (id, store_id, code, name, timezone, ticket_seq, ticket_hash)
       VALUES ($1, $2, $3, $3, 'Europe/Paris', $4, $5)`,
      [registerId, storeId, `CAISSE-${r}`, perRegister, prev],
    )
    if (r % 10 === 9) log(`bench: ${((r + 1) * perRegister).toLocaleString('en')} tickets chained…`)
  }
  await client.query('ANALYZE fiscal_ticket')
}

function emptyColumns() {
  return {
    seq: [] as number[],
    kind: [] as string[],
    session: [] as string[],
    order: [] as string[],
    total: [] as number[],
    at: [] as string[],
    body: [] as string[],
    prev: [] as string[],
    hash: [] as string[],
  }
}
