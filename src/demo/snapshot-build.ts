import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { sql } from 'drizzle-orm'
import { openDatabase, rows } from '../db/database.ts'
import { migrate } from '../db/migrate.ts'
import type { ProgressListener } from './demo-keys.ts'
import { seedDemo } from './seed.ts'
import { SNAPSHOT_FORMAT, type SnapshotDescription } from './snapshot.domain.ts'
import { currentStamp, demoSnapshotFile } from './snapshot.ts'
import { readArchive, writeArchive } from './snapshot-archive.ts'

export interface BuildOptions {
  file?: string
  seed?: number
  now?: Date
  /** Fewer till sales than the demo's (tests). */
  tillSales?: number
  onProgress?: ProgressListener
}

/**
 * Generates the demo into a new embedded database and packs it as the snapshot a first start unpacks
 * (see snapshot.ts), then unpacks and opens the result once: a snapshot that would not start is never
 * left in place.
 */
export async function buildDemoSnapshot(options: BuildOptions = {}): Promise<SnapshotDescription> {
  const file = options.file ?? demoSnapshotFile
  mkdirSync(dirname(file), { recursive: true })
  const work = mkdtempSync(join(dirname(file), '.building-'))
  const packed = join(work, basename(file))
  try {
    const now = options.now ?? new Date()
    const database = await openDatabase({ dataDir: join(work, 'made') })
    let wal: WalPosition
    let summary: Awaited<ReturnType<typeof seedDemo>>
    try {
      await migrate(database)
      summary = await seedDemo(database.db, {
        seed: options.seed,
        now,
        tillSales: options.tillSales,
        onProgress: options.onProgress,
      })
      await database.db.execute(sql`CHECKPOINT`)
      ;[wal] = (await rows<WalPosition>(
        database.db,
        sql`SELECT (SELECT redo_wal_file FROM pg_control_checkpoint()) AS redo, w.file_name AS insert,
                   w.file_offset::int AS offset, (SELECT setting::int FROM pg_settings WHERE name = 'wal_segment_size') AS segment_bytes
            FROM pg_walfile_name_offset(pg_current_wal_insert_lsn()) w`,
      )) as [WalPosition]
    } finally {
      await database.close()
    }
    const { demo, ...stamp } = currentStamp()
    const description: SnapshotDescription = {
      format: SNAPSHOT_FORMAT,
      ...stamp,
      ...(demo ? { demo } : {}),
      seed: summary.seed,
      madeAt: now.toISOString(),
      summary: {
        locations: summary.locations,
        channels: summary.channels,
        products: summary.products,
        variants: summary.variants,
        customers: summary.customers,
        orders: summary.orders,
        stockRows: summary.stockRows,
        movements: summary.movements,
      },
    }
    options.onProgress?.('pack', 0, 1)
    await writeArchive(join(work, 'made', 'pgdata'), packed, description, neededWal(wal))
    options.onProgress?.('pack', 1, 1)
    await checkStarts(packed, join(work, 'check'), summary.orders)
    renameSync(packed, file)
    return description
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

interface WalPosition {
  redo: string
  insert: string
  offset: number
  segment_bytes: number
}

/**
 * After a load, the write-ahead log directory holds ~100 MB of segments PostgreSQL recycled for later
 * use; a start needs only those from the last checkpoint to the one being written (where the shutdown
 * checkpoint lands, or in the next segment when the current one is nearly full). PostgreSQL creates
 * the others when it needs them: the snapshot is half the size, and faster to unpack.
 */
function neededWal(wal: WalPosition) {
  const nearlyFull = wal.offset > wal.segment_bytes - 65_536
  const last = nearlyFull ? nextSegment(wal.insert) : wal.insert
  return (relative: string) => {
    const m = /^pg_wal\/([0-9A-F]{24})$/.exec(relative)
    return !m || (m[1]! >= wal.redo && m[1]! <= last)
  }
}

/** The segment after `name` (timeline, log, segment: 8 hex digits each; 256 segments of 16 MB a log). */
function nextSegment(name: string): string {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(8, '0')
  const log = Number.parseInt(name.slice(8, 16), 16)
  const seg = Number.parseInt(name.slice(16), 16) + 1
  return name.slice(0, 8) + (seg > 0xff ? hex(log + 1) + hex(0) : hex(log) + hex(seg))
}

async function checkStarts(packed: string, dir: string, orders: number) {
  mkdirSync(join(dir, 'pgdata'), { recursive: true })
  await readArchive(packed, join(dir, 'pgdata'), () => true)
  const database = await openDatabase({ dataDir: dir })
  try {
    const [n] = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM orders`)
    if (n?.n !== orders) throw new Error(`the packed demo has ${n?.n} orders instead of ${orders}`)
  } finally {
    await database.close()
  }
}

export function sizeMb(file: string): number {
  return Math.round(statSync(file).size / 1e5) / 10
}
