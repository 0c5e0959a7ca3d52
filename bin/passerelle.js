#!/usr/bin/env node
// The CLI runs the compiled build (dist/, made by `npm install` and before `npm start`); from a
// checkout without a build it runs the TypeScript sources through tsx.
import { existsSync } from 'node:fs'

const built = new URL('../dist/cli/main.js', import.meta.url)
if (existsSync(built)) {
  await import(built.href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/cli/main.ts')
}
