// A process for the kill -9 test of closings (closing-crash.api.test.ts): closes a register's day on
// DATABASE_URL in one transaction and, with CRASH_AT=k, kills itself with SIGKILL just before the
// transaction's k-th statement, or (CRASH_AT=commit) once every statement ran but before COMMIT.
// With COUNT=1 it prints how many statements a closing makes and rolls back.
import type { sql } from 'drizzle-orm'
import { openDatabase, type Tx } from '../db/database.ts'
import { lockRegister } from './chain.store.ts'
import { closePeriodIn } from './closings.service.ts'

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, poolSize: 2 })
const registerId = process.env.REGISTER_ID!
const day = process.env.DAY!
const crashAt = process.env.CRASH_AT
const now = new Date(process.env.NOW!)
let statements = 0
const die = () => process.kill(process.pid, 'SIGKILL')

try {
  await database.db.transaction(async (inner) => {
    const tx = new Proxy(inner, {
      get(target, prop, receiver) {
        if (prop === 'execute') {
          return (statement: ReturnType<typeof sql>) => {
            statements++
            if (crashAt === String(statements)) die()
            return target.execute(statement)
          }
        }
        const value = Reflect.get(target, prop, receiver)
        return typeof value === 'function' ? value.bind(target) : value
      },
    }) as Tx
    const head = (await lockRegister(tx, registerId))!
    await closePeriodIn(tx, head, 'daily', day, 'crash-test', false, now)
    if (process.env.COUNT === '1') {
      process.stdout.write(`${statements}\n`)
      throw new Error('rollback')
    }
    if (crashAt === 'commit') die()
  })
  process.stdout.write('closed\n')
} catch (err) {
  if (!(err instanceof Error && err.message === 'rollback')) throw err
} finally {
  await database.close()
}
