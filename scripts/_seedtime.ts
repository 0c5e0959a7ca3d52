import { openDatabase } from '../src/db/database.ts'
import { migrate } from '../src/db/migrate.ts'
import { seedDemo } from '../src/demo/seed.ts'
const kind = process.argv[2]
const db = kind === 'pg' ? await openDatabase({ databaseUrl: process.env.U! }) : await openDatabase({ memory: true })
await migrate(db)
let last = performance.now(); let lastStep = 'start'
const t0 = last
const lines: string[] = []
await seedDemo(db.db, { seed: 1, tillSales: Number(process.argv[3] ?? 300), onProgress: (step) => {
  if (step !== lastStep) { const n = performance.now(); if (n - last > 300) lines.push(`${lastStep} ${(n - last).toFixed(0)}ms`); last = n; lastStep = step }
} })
lines.push(`${lastStep} ${(performance.now() - last).toFixed(0)}ms; total ${(performance.now() - t0).toFixed(0)}ms`)
console.log(lines.join('\n'))
await db.close()
