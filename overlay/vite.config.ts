import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The overlay app: served under /overlay/ by the simulator, built into dist/overlay. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/overlay/',
  publicDir: 'public',
  build: {
    outDir: '../dist/overlay',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
