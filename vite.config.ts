import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, 'dist/web');
const api = 'http://localhost:3000';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes .br and .gz beside every text asset, so a static server (or @fastify/static with
 * `preCompressed: true`) can send ~70 % fewer bytes to a phone on a weak connection.
 */
const precompress = (): Plugin => ({
  name: 'kelisim-precompress',
  apply: 'build',
  async writeBundle() {
    const files = fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' });
    await Promise.all(
      files
        .filter((file) => /\.(js|css|html|svg|json)$/.test(file))
        .map(async (file) => {
          const full = path.join(outDir, file);
          const data = fs.readFileSync(full);
          if (data.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 10 } }),
            gzip(data, { level: 9 }),
          ]);
          fs.writeFileSync(`${full}.br`, br);
          fs.writeFileSync(`${full}.gz`, gz);
        }),
    );
  },
});

// The SPA lives in src/web and is built into dist/web, which the server serves (index.html for
// any page route). `npm run dev` (server on :3000) + `npx vite` gives hot reload with the API proxied.
export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [react(), tailwindcss(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // Slow connections: keep an eye on what every page costs.
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: {
      '/api': { target: api },
      '/healthz': { target: api },
    },
  },
});
