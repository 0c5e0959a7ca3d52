import { startServer } from '../app/server.ts'
import type { Config } from '../shared/config.ts'
import { AppError } from '../shared/errors.ts'

/** Where the server refused to start with this configuration, or undefined when it started (then stopped). */
export async function startRefusal(config: Config): Promise<AppError | undefined> {
  try {
    const server = await startServer(config, { handleSignals: false, print: () => {} })
    await server.stop()
    return undefined
  } catch (err) {
    if (err instanceof AppError) return err
    throw err
  }
}
