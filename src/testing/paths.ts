import { fileURLToPath } from 'node:url'

export const migratedDumpPath = fileURLToPath(new URL('../../.tmp/pglite-migrated.tar', import.meta.url))
