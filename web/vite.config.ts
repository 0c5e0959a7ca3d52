import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const compressible = /\.(js|css|html|svg|json|webmanifest|txt)$/

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesOf(path) : [path]
  })
}

/**
 * After the build (brotli at 9, not 11: within 3 % of its size for a tenth of the time): the service worker (web/pwa/sw.js) gets this build's shell (index.html, the
 * manifest, icons and every hashed asset) and version; then every text file gets its brotli and gzip
 * copy beside it, which the server sends as they are (@fastify/static preCompressed).
 */
function offlineShell(): Plugin {
  let outDir = ''
  return {
    name: 'passerelle-offline-shell',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    closeBundle() {
      const files = filesOf(outDir)
        .map((f) => `/${relative(outDir, f).split('\\').join('/')}`)
        .filter((f) => !/\.(br|gz)$/.test(f) && f !== '/sw.js')
      const shell = ['/index.html', ...files.filter((f) => f !== '/index.html')].sort()
      const build = createHash('sha256').update(shell.join('\n')).digest('hex').slice(0, 12)
      const template = readFileSync(new URL('./pwa/sw.js', import.meta.url), 'utf8')
      writeFileSync(
        join(outDir, 'sw.js'),
        template.replace('__BUILD__', build).replace('__SHELL__', JSON.stringify(shell)),
      )
      for (const path of filesOf(outDir)) {
        if (!compressible.test(path)) continue
        const body = readFileSync(path)
        if (body.length < 1024) continue
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
        )
        writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }))
      }
    },
  }
}

// The workspace is served by the Passerelle server itself (src/http/http-app.ts) from web/dist.
// `npm run dev:web` proxies the API to a server started with `npm start`.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), offlineShell()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/openapi.json': 'http://127.0.0.1:3000' },
  },
})
