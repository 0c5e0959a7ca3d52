import { execFile } from 'node:child_process'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { nodeArgsFor } from '../testing/cli.ts'

/** What building the command line (as `passerelle --help` or any command does before it runs) loads. */
async function loadedByBuildingTheProgram(): Promise<string[]> {
  const args = nodeArgsFor(new URL('./program.ts', import.meta.url))
  const program = pathToFileURL(args.at(-1)!).href
  const script = `
    import { createRequire } from 'node:module'
    const { buildProgram } = await import(process.argv[1])
    buildProgram()
    console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)))`
  const { stdout } = await promisify(execFile)(process.execPath, [
    ...args.slice(0, -1),
    '--input-type=module',
    '-e',
    script,
    program,
  ])
  return JSON.parse(stdout) as string[]
}

describe('the command line', () => {
  it('is built without the database driver or the HTTP stack, which each command loads when it runs', async () => {
    const heavy = (await loadedByBuildingTheProgram()).filter((path) =>
      /\/node_modules\/(pg|fastify|ajv|pdf-lib)\//.test(path),
    )
    expect(heavy).toEqual([])
  })
})
