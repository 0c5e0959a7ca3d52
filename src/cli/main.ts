import { exitWithError } from './exit.ts'
import { buildProgram } from './program.ts'

// `passerelle <command>`: run through bin/passerelle.js (`npm start` is `passerelle serve`).
try {
  await buildProgram().parseAsync(process.argv)
} catch (err) {
  exitWithError(err)
}
