/**
 * Screenshots of the built overlay against the dev feeder, under Playwright's fake clock.
 * Usage: npx tsx overlay/dev/shot.ts [outDir] [--landscape]  (build first: npx vite build --config overlay/vite.config.ts)
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { serveDist } from './serve-dist.ts';

const out = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '/tmp/overlay-shots';
const landscape = process.argv.includes('--landscape');
const root = fileURLToPath(new URL('../..', import.meta.url));
const feed = spawn(process.execPath, ['--import', 'tsx', 'overlay/dev/feed.ts', '--port', '0'], { cwd: root });
feed.stderr.pipe(process.stderr);
const wsUrl = await new Promise<string>((r) => createInterface({ input: feed.stdout }).once('line', r));
const { origin, server } = await serveDist(`${root}dist`);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
const page = await browser.newPage({ viewport: landscape ? { width: 1920, height: 1080 } : { width: 1080, height: 1920 } });
page.on('console', (m) => { if (m.type() === 'error') console.error('page:', m.text()); });
page.on('crash', () => console.error('page crashed'));
page.on('pageerror', (e) => console.error('pageerror:', e.message));
await page.clock.pauseAt(new Date('2025-06-14T00:00:00Z'));
await page.goto(`${origin}/overlay/?ws=${encodeURIComponent(wsUrl)}&seed=7&debug${landscape ? '&layout=landscape' : ''}`);
await page.waitForFunction(() => window.__overlay?.ready === true, null, { timeout: 20_000 });
await page.evaluate(() => document.body.style.background = 'linear-gradient(160deg,#3a4a5e,#6b5a4a 60%,#2d3b2a)');
const times = [1500, 3000, 4000, 4000, 3000, 3000];
for (let i = 0; i < times.length; i++) {
  // Real time passes for frames to arrive; the game only moves with the fake clock.
  await new Promise((r) => setTimeout(r, times[i]! / 2));
  await page.clock.runFor(times[i]!);
  const h = await page.evaluate(() => ({ ...window.__overlay, frameMs: undefined, latencies: undefined, log: window.__overlay.log.slice(-3), checkpoints: window.__overlay.checkpoints.slice(-6) }));
  console.log(i, JSON.stringify(h));
  await page.screenshot({ path: `${out}/shot-${landscape ? 'land-' : ''}${i}.png` });
}
await browser.close();
server.close();
feed.kill();
