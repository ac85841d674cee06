import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { mockApi } from './dev/mock-api.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The control panel: served by `tiksim serve` at /panel/ from dist/panel. `vite` alone serves it with a mock API. */
export default defineConfig({
  root,
  base: '/panel/',
  plugins: [mockApi()],
  build: {
    outDir: '../../dist/panel',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: { host: '127.0.0.1', port: 5174, strictPort: false },
});
