/**
 * Face-detection benchmark: real MediaPipe BlazeFace in Debian's Chromium (the e2e/face-page harness), measuring
 * initialisation, the first detection and warm detections per picture, against the media handler's avatar cost.
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { startFaceHarness } from '../e2e/face-page/server.ts';
import { encodePng, renderAvatar } from '../simulator/media/index.ts';
import type { BenchRow } from './types.ts';

const CHROMIUM = process.env.TIKSIM_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PICTURES = ['/media/face/0.png', '/media/face/1.png', '/media/face/2.png', '/media/avatar/1.png', '/media/avatar/2.png'];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number): number => Math.round(x * 100) / 100;

/** Runs the face benchmark and returns its rows (see bench/types.ts). */
export async function run(progress: (msg: string) => void): Promise<BenchRow[]> {
  progress('face: generating avatars in Node (baseline)');
  for (let i = 0; i < 30; i++) encodePng(renderAvatar(i), true);
  const gen: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t0 = performance.now();
    encodePng(renderAvatar(10_000 + i), true);
    gen.push(performance.now() - t0);
  }
  const avatarMs = median(gen);

  progress('face: starting harness and Chromium');
  const harness = await startFaceHarness();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage();
    const offline: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (/^https?:\/\/127\.0\.0\.1(:\d+)?\//.test(url)) return route.continue();
      offline.push(url);
      return route.abort('blockedbyclient');
    });
    await page.goto(`${harness.url}/`);
    await page.waitForFunction(() => window.__faceReady === true, undefined, { timeout: 60_000 });
    progress('face: loading wasm + model');
    const initMs = await page.evaluate(() => window.__face.init());
    const first = await page.evaluate(() => window.__face.detect('/media/face/0.png'));
    progress('face: warm detections');
    await page.evaluate((u) => window.__face.timeDetections(u, 2), PICTURES);
    const times = await page.evaluate((u) => window.__face.timeDetections(u, 10), PICTURES);
    if (offline.length) throw new Error(`the harness tried to leave the machine: ${offline.join(', ')}`);
    const warm = median(times);
    return [
      { part: 'face', figure: 'avatar render+encode (Node, 200x200)', value: round(avatarMs), unit: 'ms', target: '< 5 ms', pass: avatarMs < 5 },
      { part: 'face', figure: 'detector init (wasm + model, CPU)', value: round(initMs), unit: 'ms', target: '< 3000 ms', pass: initMs < 3000 },
      { part: 'face', figure: 'first detection', value: round(first.ms), unit: 'ms', baseline: round(warm), ratio: round(first.ms / warm) },
      {
        part: 'face', figure: `warm detection per picture (median of ${times.length})`, value: round(warm), unit: 'ms',
        baseline: round(avatarMs), ratio: round(warm / avatarMs), target: '< 50 ms', pass: warm < 50,
      },
    ];
  } finally {
    await browser.close();
    await harness.close();
  }
}
