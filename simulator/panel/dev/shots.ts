// Screenshots of the built panel (dist/panel) against a real simulator, at a desktop and a phone size, in the states
// worth looking at: as loaded, a scenario steering the rates, a refused rate, generation paused, the faults card.
// Run: npm run build && node bin/run-ts.js simulator/panel/dev/shots.ts <out-dir>
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startSimulator } from '../../server/app.ts';

const out = process.argv[2] ?? 'test-results/panel-shots';
mkdirSync(out, { recursive: true });
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

const sim = await startSimulator({
  host: '127.0.0.1',
  port: 0,
  seed: 1,
  startMs: Date.UTC(2025, 0, 1, 20),
  config: null,
  distDir: new URL('../../../dist', import.meta.url).pathname,
  recordingsDir: new URL('../../../recordings', import.meta.url).pathname,
});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });

async function put(path: string, body: unknown): Promise<void> {
  await fetch(`${sim.url}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function shot(page: Page, name: string, full = true): Promise<void> {
  await page.waitForTimeout(1300);
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: full });
}

try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
    page.on('pageerror', (e) => console.log('pageerror:', e.message));
    await page.goto(`${sim.url}/panel/`);
    await page.getByRole('status', { name: /Connection: Connected/ }).waitFor();
    await shot(page, `${size.name}-loaded`);
    // The whole page in window-sized tiles (a tall full-page picture is shrunk past reading when viewed).
    const { scrollW, scrollH } = await page.evaluate(() => ({ scrollW: document.documentElement.scrollWidth, scrollH: document.documentElement.scrollHeight }));
    console.log(`${size.name}: page ${scrollW}x${scrollH} in a ${size.width}x${size.height} window${scrollW > size.width ? ' (scrolls sideways!)' : ''}`);
    for (let y = 0, i = 0; y < scrollH; y += size.height, i++) {
      await page.screenshot({ path: join(out, `${size.name}-loaded-${i}.png`), fullPage: true, clip: { x: 0, y, width: scrollW, height: Math.min(size.height, scrollH - y) } });
    }

    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('busy');
    await shot(page, `${size.name}-scenario`);
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('', { timeout: 2000 }).catch(() => put('/api/scenario', null));

    const box = page.getByRole('spinbutton', { name: 'chat rate value' });
    await box.fill('-1');
    await box.press('Enter');
    await shot(page, `${size.name}-negative-rate`);

    await put('/api/generation', { paused: true });
    await shot(page, `${size.name}-paused`);
    await put('/api/generation', { paused: false });

    await page.getByRole('combobox', { name: 'Close code' }).selectOption('1011');
    await page.getByRole('combobox', { name: 'Close code' }).scrollIntoViewIfNeeded();
    await shot(page, `${size.name}-faults`, false);
    await page.close();
  }
} finally {
  await browser.close();
  await sim.close();
}
console.log(`screenshots in ${out}`);
