/**
 * Playwright global setup: the overlay specs (and the panel spec's overlay half) load the built overlay from
 * dist/overlay. When it is missing (a fresh checkout, `npx playwright test` without `npm run build`), build it here,
 * face assets first as `npm run build` does, instead of letting specs fail on a 404 or skip what they cannot load.
 * An existing build is used as it is: rebuilding empties dist/overlay, which would pull it from under any other run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The built overlay's entry page; the simulator serves dist/ under /overlay/. */
export const OVERLAY_INDEX = fileURLToPath(new URL('../dist/overlay/index.html', import.meta.url));

/** Builds the overlay into dist/overlay unless it is there already. Throws, saying what failed, when it cannot. */
export async function ensureOverlayBuilt(): Promise<void> {
  if (existsSync(OVERLAY_INDEX)) return;
  console.log('e2e: dist/overlay is missing; building the overlay (npm run build does this too)');
  const faces = spawnSync(process.execPath, ['scripts/prepare-face-assets.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
  if (faces.status !== 0) throw new Error('e2e: scripts/prepare-face-assets.mjs failed (see above); the overlay cannot be built');
  await build({ configFile: fileURLToPath(new URL('../overlay/vite.config.ts', import.meta.url)), logLevel: 'warn' });
  if (!existsSync(OVERLAY_INDEX)) throw new Error(`e2e: the overlay build finished but ${OVERLAY_INDEX} is not there`);
}

export default ensureOverlayBuilt;
