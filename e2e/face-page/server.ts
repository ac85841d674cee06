/**
 * Serves the face harness page (e2e/face-page) with Vite's dev server on 127.0.0.1 and a free port: the page imports
 * overlay/face/face-cutter.ts, overlay/public/ supplies /face/ (model + wasm, from scripts/prepare-face-assets.mjs)
 * and the simulator's media handler answers /media/ on the same origin.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, type Plugin } from 'vite';
import { createMediaHandler } from '../../simulator/media/index.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** A running harness: its base URL (no trailing slash) and how to stop it. */
export interface FaceHarness { url: string; close(): Promise<void> }

function mediaPlugin(): Plugin {
  const media = createMediaHandler();
  return {
    name: 'tiksim-media',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!media(req, res)) next();
      });
    },
  };
}

/** Starts the harness; fails with a clear message when the face assets were not prepared. */
export async function startFaceHarness(): Promise<FaceHarness> {
  const model = `${repo}overlay/public/face/face_detection_short_range.tflite`;
  if (!existsSync(model)) throw new Error(`${model} is missing: run node scripts/prepare-face-assets.mjs first`);
  const server = await createServer({
    configFile: false,
    root: `${repo}e2e/face-page`,
    publicDir: `${repo}overlay/public`,
    cacheDir: `${repo}node_modules/.vite-face-page`,
    logLevel: 'warn',
    clearScreen: false,
    plugins: [mediaPlugin()],
    optimizeDeps: { include: ['@mediapipe/tasks-vision'] },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, fs: { allow: [repo] } },
  });
  await server.listen();
  const addr = server.httpServer?.address() as AddressInfo | null;
  if (!addr) throw new Error('face harness did not start listening');
  return { url: `http://127.0.0.1:${addr.port}`, close: () => server.close() };
}
