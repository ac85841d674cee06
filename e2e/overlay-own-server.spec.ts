import type { RunningSimulator } from '../simulator/server/app.ts';
import { CLOCK_T0, expect, post, probe, runUntil, startTestSimulator, test } from './fixtures.ts';

// Issue 15: the overlay served by tiksim connects to the server that served it (any port), with no ?ws=.

let sim: RunningSimulator | undefined;
test.afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

test('an overlay served on a non-default port shows a gift fired at that port', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false });
  expect(sim.port).not.toBe(21213);
  await page.clock.pauseAt(CLOCK_T0);
  await page.goto(`${sim.url}/overlay/?seed=1&renderer=canvas&toasty=100000`);
  await expect.poll(async () => {
    const p = await probe(page);
    return !!p && p.ready && p.connected;
  }, { message: 'overlay connected to the server that served it', timeout: 20_000 }).toBe(true);
  expect(sim.state.hub.list()[0]?.path).toBe('/');
  await post(sim, '/api/events', { event: 'gift', data: { giftName: 'Lion' } });
  const p = await runUntil(page, (q) => q.checkpoints.some((c) => /^gift:.*:shown$/.test(c)), 'the Lion shown');
  expect(p.counters.diamonds).toBeGreaterThanOrEqual(29_999);
});
