import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const api = 'http://localhost:3000';

// The SPA lives in src/web and is built into dist/web, which the server serves (index.html for
// any page route). `npm run dev` (server on :3000) + `npx vite` gives hot reload with the API proxied.
export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [react(), tailwindcss()],
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    // Slow connections: keep an eye on what every page costs.
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': { target: api },
    },
  },
});
