import { test as base, expect, type Page } from '@playwright/test';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../simulator/server/app.ts';

/** The fixed virtual start of seeded test streams (the CLI's --seed default). */
export const TEST_EPOCH_MS = Date.UTC(2025, 0, 1, 20, 0, 0);

const LOOPBACK = /^(https?|wss?):\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//;

/** Starts a real simulator on a free loopback port; the caller closes it. */
export async function startTestSimulator(opts: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  return startSimulator({
    host: '127.0.0.1',
    port: 0,
    seed: 1,
    startMs: TEST_EPOCH_MS,
    config: null,
    distDir: new URL('../dist', import.meta.url).pathname,
    recordingsDir: new URL('../recordings', import.meta.url).pathname,
    ...opts,
  });
}

interface Fixtures {
  /** Requests that tried to leave this machine; the test fails if any. */
  offlineGuard: string[];
}

/**
 * Every test: every non-loopback request from the page is aborted and recorded, and the test fails if one was
 * attempted (offline by construction, checked rather than hoped for).
 */
export const test = base.extend<Fixtures>({
  offlineGuard: [
    async ({ context }, use) => {
      const attempted: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (LOOPBACK.test(url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        attempted.push(url);
        return route.abort('blockedbyclient');
      });
      // WebSockets do not pass through context.route; watch them too.
      context.on('page', (p) => p.on('websocket', (ws) => !LOOPBACK.test(ws.url()) && attempted.push(ws.url())));
      await use(attempted);
      expect(attempted, 'requests that tried to leave this machine').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The overlay's test hook, as announced on `window.__overlay`. */
export interface OverlayProbe {
  ready: boolean;
  connected: boolean;
  received: number;
  bad: number;
  processed: number;
  idle: boolean;
  checkpoints: string[];
  counters: Record<string, number>;
}

/** Reads window.__overlay. */
export async function probe(page: Page): Promise<OverlayProbe> {
  return page.evaluate(() => (window as unknown as { __overlay: OverlayProbe }).__overlay);
}

/**
 * Advances the page's fake clock in steps of `stepMs` until `cond(probe)` holds (at most `maxMs` of page time).
 * Never sleeps in real time except to let socket messages arrive between steps.
 */
export async function runUntil(page: Page, cond: (p: OverlayProbe) => boolean, what: string, stepMs = 100, maxMs = 60_000): Promise<OverlayProbe> {
  let elapsed = 0;
  for (;;) {
    const p = await probe(page);
    if (p && cond(p)) return p;
    if (elapsed >= maxMs) throw new Error(`overlay never reached "${what}" within ${maxMs} ms of page time; last state: ${JSON.stringify(p)}`);
    await page.clock.runFor(stepMs);
    elapsed += stepMs;
  }
}

/** Waits (real time, while the page clock stays paused) until the overlay has received `n` frames. */
export async function waitReceived(page: Page, n: number, timeoutMs = 15_000): Promise<void> {
  await expect
    .poll(async () => (await probe(page))?.received ?? 0, { timeout: timeoutMs, intervals: [20, 50, 100] })
    .toBeGreaterThanOrEqual(n);
}

/** Checks that the overlay's canvas is WebGL, live, and not blank. */
export async function expectLiveCanvas(page: Page): Promise<void> {
  const info = await page.evaluate(() => {
    const c = document.querySelector('canvas');
    if (!c) return { ok: false, why: 'no canvas' };
    const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return { ok: false, why: 'canvas is not WebGL' };
    if (gl.isContextLost()) return { ok: false, why: 'WebGL context lost' };
    const w = gl.drawingBufferWidth;
    const h = gl.drawingBufferHeight;
    const px = new Uint8Array(w * h * 4);
    gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, px);
    let painted = 0;
    for (let i = 3; i < px.length; i += 4 * 16) if (px[i] > 0) painted++;
    return { ok: painted > 50, why: `${painted} painted samples`, w, h };
  });
  expect(info.ok, `canvas check: ${info.why}`).toBe(true);
}
