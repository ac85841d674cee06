/**
 * `import { test, expect } from 'tiksim/playwright'`: each test gets `sim`, its own simulator on a free port (closed
 * after the test), and a `page` on which TikFinity's socket (`ws://localhost:21213/`, `ws://127.0.0.1:21213/`, any
 * path and query: what overlays hard-code) is routed to that simulator. An overlay never written for tests works
 * unchanged, from a file, `setContent` or its own dev server; tests run in parallel workers without port clashes.
 *
 * @example
 * import { test, expect } from 'tiksim/playwright';
 * test.use({ simOptions: { seed: 1, paused: true } });
 * test('a Lion gets its card', async ({ page, sim }) => {
 *   await page.goto('http://localhost:5173/');
 *   await sim.fire({ event: 'gift', data: { giftName: 'Lion' } });   // resolves once the page has the frame
 *   await expect(page.getByText('Lion')).toBeVisible();
 * });
 */
import { test as base, expect, type Page, type WebSocketRoute } from '@playwright/test';
import WebSocket from 'ws';
import { startSimulator, type Fired, type Simulator, type StartOptions } from './simulator.ts';

export { expect };
export type { Simulator, StartOptions } from './simulator.ts';

/** TikFinity's socket, as overlays write it: localhost or 127.0.0.1, port 21213, any path and query. */
export const TIKFINITY_SOCKET = /^wss?:\/\/(localhost|127\.0\.0\.1|\[::1\]):21213(\/[^#]*)?$/;

/** The simulator of one test, plus what reached its pages through the routed socket. */
export interface TestSimulator extends Simulator {
  /** Fires, and resolves once every frame it sent has been handed to the routed page(s). */
  fire: Simulator['fire'];
  /** Frames handed to the routed page(s) so far. */
  pageFrames(): number;
  /** Resolves once `n` frames in all have been handed to the routed page(s). */
  waitForPageFrames(n: number, opts?: { timeoutMs?: number }): Promise<void>;
}

interface Relay {
  sent: Map<string, number>;
  total: number;
  /** Routed sockets connected through to the simulator now. */
  open: number;
  changed: Set<() => void>;
}

const CLOSE_OK = (code: number) => code === 1000 || (code >= 3000 && code <= 4999) || (code >= 1001 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006);

/** Relays one routed page socket to the simulator, as a plain client of it (the page sees no difference). */
function relay(route: WebSocketRoute, sim: Simulator, r: Relay): void {
  const u = new URL(route.url());
  const up = new WebSocket(`ws://127.0.0.1:${sim.port}${u.pathname}${u.search}`);
  const queued: Array<string | Buffer> = [];
  let closed = false;
  up.on('open', () => {
    r.open++;
    for (const m of queued.splice(0)) up.send(m);
  });
  up.on('message', (data, isBinary) => {
    if (closed) return;
    const text = isBinary ? null : String(data);
    route.send(isBinary ? (data as Buffer) : (text as string));
    if (text !== null) r.sent.set(text, (r.sent.get(text) ?? 0) + 1);
    r.total++;
    for (const f of r.changed) f();
  });
  up.on('close', (code, reason) => {
    r.open = Math.max(0, r.open - 1);
    if (closed) return;
    closed = true;
    // A dropped connection (1006) cannot be sent as a close code: the page sees a server-side close instead.
    void route.close(CLOSE_OK(code) ? { code, reason: reason.toString() } : { code: 1011, reason: 'connection dropped' }).catch(() => {});
  });
  up.on('error', () => {});
  route.onMessage((m) => {
    if (up.readyState === WebSocket.OPEN) up.send(m);
    else queued.push(m);
  });
  route.onClose(() => {
    closed = true;
    up.close();
  });
}

async function until(r: Relay, cond: () => boolean, what: string, timeoutMs: number): Promise<void> {
  if (cond()) return;
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (!cond()) return;
      cleanup();
      resolve();
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`tiksim: ${what} within ${timeoutMs} ms (is a page open and connected to ws://localhost:21213/?)`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      r.changed.delete(check);
    };
    r.changed.add(check);
  });
}

/** Routes TikFinity's socket on `page` to `sim`; returns the relay's counters (`r` shares them across pages). */
export async function routeTikFinity(page: Page, sim: Simulator, r: Relay = newRelay()): Promise<Relay> {
  await page.routeWebSocket(TIKFINITY_SOCKET, (route) => relay(route, sim, r));
  return r;
}

function newRelay(): Relay {
  return { sent: new Map(), total: 0, open: 0, changed: new Set() };
}

export const test = base.extend<{ simOptions: StartOptions; sim: TestSimulator; relay: Relay }>({
  simOptions: [{}, { option: true }],
  relay: async ({}, use) => {
    await use(newRelay());
  },
  sim: async ({ simOptions, relay: r }, use) => {
    const sim = await startSimulator({ port: 0, ...simOptions });
    const fire: Simulator['fire'] = async (body, opts) => {
      const before = new Map(r.sent);
      const fired: Fired = await sim.fire(body, opts);
      const want = new Map<string, number>();
      for (const t of fired.frames) want.set(t, (want.get(t) ?? 0) + 1);
      // Only when a page is connected: a fire with no page open resolves once the frames are sent.
      if (r.open > 0) {
        await until(r, () => [...want].every(([t, n]) => (r.sent.get(t) ?? 0) - (before.get(t) ?? 0) >= n), `the fired ${fired.event} did not reach the page`, opts?.timeoutMs ?? 10_000);
      }
      return fired;
    };
    const handle: TestSimulator = Object.assign(Object.create(null) as object, sim, {
      fire,
      pageFrames: () => r.total,
      waitForPageFrames: (n: number, o: { timeoutMs?: number } = {}) => until(r, () => r.total >= n, `${n} frames did not reach the page`, o.timeoutMs ?? 10_000),
    });
    await use(handle);
    await sim.close();
  },
  page: async ({ page, sim, relay: r }, use) => {
    await routeTikFinity(page, sim, r);
    await use(page);
  },
});
