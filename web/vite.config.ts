/** Builds the dashboard into web/dist (served by src/http/dashboard.ts). `vite --config web/vite.config.ts` for development. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  // Preact's automatic JSX runtime, without a framework plugin.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // In development, API calls go to a `reelscript serve` on 8080.
  server: { proxy: { '/serve': 'http://127.0.0.1:8080' } },
});
