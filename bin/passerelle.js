#!/usr/bin/env node
// The CLI runs its TypeScript sources directly: register tsx, then load the entry point.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')
