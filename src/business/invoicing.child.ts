// An invoicing process for the kill -9 test (invoices.api.test.ts): invoices the orders of ORDERS
// ("account:order,…") one by one in DATABASE_URL, writing a line after each. With CRASH_AT=n it kills
// itself during its n-th invoice, after the number is taken and before the commit: the worst moment.
import { openDatabase } from '../db/database.ts'
import { issueInvoiceIn } from './invoices.service.ts'

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, poolSize: 2 })
const crashAt = Number(process.env.CRASH_AT ?? '0')
let n = 0
for (const pair of (process.env.ORDERS ?? '').split(',')) {
  const [account, order] = pair.split(':') as [string, string]
  n++
  await database.db.transaction(async (tx) => {
    await issueInvoiceIn(tx, account, [order])
    if (n === crashAt) process.kill(process.pid, 'SIGKILL')
  })
  process.stdout.write(`invoiced ${order}\n`)
  await new Promise((r) => setTimeout(r, 20))
}
await database.close()
process.exit(0)
