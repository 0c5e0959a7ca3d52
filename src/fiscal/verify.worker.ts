import { parentPort, workerData } from 'node:worker_threads'
import pg from 'pg'
import type { ChainName, RegisterHead } from './chain.store.ts'
import { PAGE, pageQuery, type Walked, type WalkRow, walkChain } from './verify.walk.ts'

/**
 * A verifier thread: walks the chains it is handed on a connection of its own, so that reading,
 * parsing and hashing run on every core. Answers each chain's outcome with the chain's index.
 */
export interface WalkOrder {
  index: number
  head: RegisterHead
  chain: ChainName
}
export interface WalkAnswer {
  index: number
  walked?: Walked
  error?: string
}

const { databaseUrl, keys } = workerData as { databaseUrl: string; keys: Array<[string, string]> }
const keyMap = new Map(keys)
const client = new pg.Client({ connectionString: databaseUrl })
const connected = client.connect()
// A lost connection fails the walk under way (answered below), not the thread.
client.on('error', () => {})

parentPort!.on('message', async (order: WalkOrder | 'end') => {
  if (order === 'end') {
    await client.end().catch(() => undefined)
    parentPort!.close()
    return
  }
  try {
    await connected
    const text = pageQuery(order.chain)
    const name = `fiscal_verify_${order.chain}`
    const read = async (from: number) =>
      (await client.query<WalkRow>({ name, text, values: [order.head.id, from, PAGE] })).rows
    const walked = await walkChain(read, order.head, order.chain, keyMap)
    parentPort!.postMessage({ index: order.index, walked } satisfies WalkAnswer)
  } catch (err) {
    parentPort!.postMessage({ index: order.index, error: (err as Error).message } satisfies WalkAnswer)
  }
})
