import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { serveDist } from '../overlay/dev/serve-dist.ts';
import type { BenchRow } from './types.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--enable-precise-memory-info'];

function pct(xs: number[], p: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function feeder(storm: boolean): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'overlay/dev/feed.ts', '--port', '0', ...(storm ? ['--storm'] : [])], { cwd: root });
  const url = await new Promise<string>((r) => createInterface({ input: proc.stdout! }).once('line', r));
  return { url, proc };
}

async function sample(page: Page, ms: number): Promise<{ frames: number[]; lat: number[] }> {
  await page.evaluate(() => { window.__overlay.frameMs.length = 0; window.__overlay.latencies.length = 0; });
  await new Promise((r) => setTimeout(r, ms));
  return page.evaluate(() => ({ frames: [...window.__overlay.frameMs], lat: [...window.__overlay.latencies] }));
}

const heap = (page: Page): Promise<number> =>
  page.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1048576);

/** Overlay benchmark: frame time and dropped frames quiet vs gift-storm, heap over a long storm, arrival-to-screen p95. */
export async function run(progress: (m: string) => void): Promise<BenchRow[]> {
  if (!existsSync(`${root}dist/overlay/index.html`)) throw new Error('build the overlay first: npx vite build --config overlay/vite.config.ts');
  const { origin, server } = await serveDist(`${root}dist`);
  const browser = await chromium.launch({ executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined, args: ARGS });
  const rows: BenchRow[] = [];
  const part = 'overlay';
  try {
    const results: Record<string, { frames: number[]; lat: number[]; heap0: number; heap1: number }> = {};
    for (const mode of ['quiet', 'storm'] as const) {
      progress(`overlay: ${mode}`);
      const f = await feeder(mode === 'storm');
      const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
      await page.goto(`${origin}/overlay/?mute&ws=${encodeURIComponent(f.url)}`);
      await page.waitForFunction(() => window.__overlay?.ready === true, null, { timeout: 30_000 });
      await new Promise((r) => setTimeout(r, 1500));
      const heap0 = await heap(page);
      const s = await sample(page, mode === 'storm' ? 20_000 : 8000);
      const heap1 = await heap(page);
      results[mode] = { ...s, heap0, heap1 };
      await page.close();
      f.proc.kill();
    }
    const q = results.quiet!;
    const st = results.storm!;
    const dropped = (xs: number[]): number => xs.filter((x) => x > 1000 / 60 * 1.5).length / Math.max(1, xs.length) * 100;
    rows.push({ part, figure: 'frame time p50 (storm)', value: pct(st.frames, 50), unit: 'ms', baseline: pct(q.frames, 50), ratio: pct(st.frames, 50) / Math.max(0.1, pct(q.frames, 50)), target: '≤ 1.5x quiet' });
    rows.push({ part, figure: 'frame time p95 (storm)', value: pct(st.frames, 95), unit: 'ms', baseline: pct(q.frames, 95), target: '≤ 33 ms', pass: pct(st.frames, 95) <= 33 });
    rows.push({ part, figure: 'dropped frames (storm)', value: dropped(st.frames), unit: '%', baseline: dropped(q.frames), target: '≤ 5%', pass: dropped(st.frames) <= 5 });
    rows.push({ part, figure: 'heap growth over 20 s storm', value: st.heap1 - st.heap0, unit: 'MB', baseline: q.heap1 - q.heap0, target: '≤ 20 MB', pass: st.heap1 - st.heap0 <= 20 });
    rows.push({ part, figure: 'arrival-to-screen p95 (storm)', value: pct(st.lat, 95), unit: 'ms', baseline: pct(q.lat, 95), target: '≤ 1000 ms', pass: pct(st.lat, 95) <= 1000 });
  } finally {
    await browser.close();
    server.close();
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  run((m) => console.error(m)).then((r) => console.table(r), (e: unknown) => { console.error(e); process.exitCode = 1; });
}
