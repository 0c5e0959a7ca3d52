import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The workspace is served by the Passerelle server itself (src/http/http-app.ts) from web/dist.
// `npm run dev:web` proxies the API to a server started with `npm start`.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/openapi.json': 'http://127.0.0.1:3000' },
  },
})
