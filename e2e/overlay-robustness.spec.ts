import type { RunningSimulator } from '../simulator/server/app.ts';
import { NO_TOASTY, allFramesIn, expect, expectLiveCanvas, openOverlay, post, probe, runUntil, startTestSimulator, step, test } from './fixtures.ts';

// Bad input mid-stream and a simulator that goes away: the overlay counts what it cannot use and carries on.

let sim: RunningSimulator | undefined;
test.afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const shownCount = (cps: string[]): number => cps.filter((c) => /^gift:.*:shown$/.test(c)).length;

test('malformed frames, unknown events and huge strings leave the overlay rendering', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false });
  await openOverlay(page, sim, NO_TOASTY);
  await post(sim, '/api/events', { event: 'gift', data: { giftName: 'Rose', repeatCount: 1 } });
  await allFramesIn(page, sim);
  await runUntil(page, (q) => shownCount(q.checkpoints) === 1, 'first gift shown');

  await post(sim, '/api/faults/malformed', {});
  await post(sim, '/api/faults/malformed', { text: '\u0000\u00ff not json at all' });
  await post(sim, '/api/faults/malformed', { text: JSON.stringify({ event: 'gift', data: { giftId: 'not a number' } }) });
  await post(sim, '/api/faults/malformed', { text: JSON.stringify({ event: 'mysteryEvent', data: { x: 1 } }) });
  // A huge but valid comment (100 KB of emoji and text): taken in as a chat, not counted bad.
  await post(sim, '/api/events', { event: 'chat', data: { comment: `huge ${'🎉x'.repeat(20_000)}` } });
  await post(sim, '/api/events', { event: 'gift', data: { giftName: 'Lion', repeatCount: 1 }, user: { random: true } });
  await allFramesIn(page, sim);
  const p = await runUntil(page, (q) => shownCount(q.checkpoints) === 2, 'gift after the bad frames shown');
  expect(p.bad, 'the three malformed frames counted bad (the unknown event passes through)').toBe(3);
  expect(p.processed, 'later events still processed').toBeGreaterThan(2);
  expect(p.counters.chats, 'the huge chat taken in').toBe(1);
  await expectLiveCanvas(page);
  await expect(page).toHaveScreenshot('after-bad-frames.png');
});

test('the simulator restarted mid-test: the overlay reconnects on the same port and carries on', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false });
  const port = sim.port;
  await openOverlay(page, sim, NO_TOASTY);
  await post(sim, '/api/events', { event: 'gift', data: { giftName: 'Rose', repeatCount: 1 } });
  const before = await allFramesIn(page, sim);
  await runUntil(page, (q) => shownCount(q.checkpoints) === 1, 'gift shown');

  await sim.close();
  sim = undefined;
  await expect.poll(async () => (await probe(page)).connected, { message: 'overlay sees the socket closed' }).toBe(false);
  sim = await startTestSimulator({ paused: true, chatBacklog: false, port });
  // The reconnect timer runs on the page clock: advance it until the socket is back.
  await runUntil(page, (q) => q.connected, 'reconnected', 250, 30_000);
  await post(sim, '/api/events', { event: 'gift', data: { giftName: 'Lion', repeatCount: 1 }, user: { random: true } });
  await allFramesIn(page, sim, 20_000, before);
  const p = await runUntil(page, (q) => shownCount(q.checkpoints) === 2, 'gift after restart shown');
  expect(p.counters.gifts).toBe(2);
  await expectLiveCanvas(page);
});

test('a lost WebGL context fails the live-canvas check', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false });
  await openOverlay(page, sim, NO_TOASTY);
  await step(page, 500);
  await expectLiveCanvas(page, 100);
  await page.evaluate(() => {
    const c = document.querySelector('canvas')!;
    ((c.getContext('webgl2') ?? c.getContext('webgl'))!.getExtension('WEBGL_lose_context'))!.loseContext();
  });
  await expect.poll(async () => (await probe(page)).contextLost).toBe(true);
  await expect(expectLiveCanvas(page, 100)).rejects.toThrow(/context lost/);
});
