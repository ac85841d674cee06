import type { ViewerSummary } from '../protocol/index.ts';
import type { RunningSimulator } from '../simulator/server/app.ts';
import { NO_TOASTY, allFramesIn, expect, expectLiveCanvas, openOverlay, post, probe, runUntil, startTestSimulator, test, untilCheckpoint } from './fixtures.ts';

// Seeded scenarios and fired events through the built overlay. Generated streams run in real time, so each test
// starts the simulator paused and fires a known set of events (a scenario's own mix via /api/faults/burst), so the
// overlay's input is an exact, known list of frames.

let sim: RunningSimulator | undefined;
test.afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

test('quiet: a Rose from a viewer, a chat and a follow, settled', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, scenario: 'quiet' });
  await openOverlay(page, sim, NO_TOASTY);
  await post(sim, '/api/events', { event: 'chat', data: { comment: 'hello from the quiet stream' } });
  await post(sim, '/api/events', { event: 'gift', data: { giftName: 'Rose', repeatCount: 3 } });
  await post(sim, '/api/events', { event: 'follow' });
  await allFramesIn(page, sim);
  const p = await runUntil(page, (q) => q.checkpoints.some((c) => /^gift:.*:settled$/.test(c)) && q.checkpoints.some((c) => c.startsWith('follow:')), 'gift settled + follow');
  expect(p.counters.gifts).toBe(3);
  await expect(page).toHaveScreenshot('quiet-rose-chat-follow.png');
  await expectLiveCanvas(page);
});

test('gift-storm: 600 gifts at once, and an alert fired after the storm still renders', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, scenario: 'gift-storm' });
  await openOverlay(page, sim, NO_TOASTY);
  await post(sim, '/api/faults/burst', { event: 'gift', count: 600 });
  await allFramesIn(page, sim, 30_000);
  // Let the storm be taken in, then a recognisable last gift: a Lion from a viewer who exists (GET /api/viewers),
  // caught as the simulator sends it. Its own alert must make it to the screen.
  await runUntil(page, (q) => q.processed === q.received, 'storm processed');
  const who = ((await (await fetch(`${sim.url}/api/viewers?limit=1`)).json()) as { viewers: ViewerSummary[] }).viewers[0]!;
  const lions: Record<string, unknown>[] = [];
  sim.state.sentListeners.add((f) => {
    if (f.event === 'gift') lions.push((JSON.parse(f.text) as { data: Record<string, unknown> }).data);
  });
  await post(sim, '/api/events', { event: 'gift', data: { giftName: 'Lion', repeatCount: 1 }, user: { uniqueId: who.uniqueId } });
  await allFramesIn(page, sim);
  expect(lions.map((g) => [g.giftName, g.uniqueId]), 'the one gift sent after the storm').toEqual([['Lion', who.uniqueId]]);
  const shown = `gift:${String(lions[0]!.groupId)}:shown`;
  const p = await runUntil(page, (q) => q.processed === q.received && q.checkpoints.includes(shown), `the Lion from @${who.uniqueId} shown`, 100, 20_000);
  expect(p.counters.diamonds, 'the Lion counted').toBeGreaterThanOrEqual(29_999);
  expect(p.bad).toBe(0);
  await expectLiveCanvas(page);
  console.log(`storm: ${p.received} frames, ${p.counters.gifts} gifts, merged ${(p as unknown as { merged: number }).merged}, dropped ${(p as unknown as { dropped: number }).dropped}`);
  await expect(page).toHaveScreenshot('gift-storm-late.png');
});

test('a config frame drives action rules: a follow and a gift run their actions', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false });
  await openOverlay(page, sim, NO_TOASTY);
  const config = {
    events: [
      { type: 'event', enabled: true, trigger: { type: 'follow', availableFor: 'any' }, actions: [{ type: 'action', name: 'Follow Alert' }] },
      { type: 'event', enabled: true, trigger: { type: 'gift', id: 5655, availableFor: 'any' }, actions: [{ type: 'action', name: 'Gift Alert' }] },
    ],
  };
  sim.state.broadcast({ event: 'config', text: JSON.stringify({ event: 'config', data: config }) });
  await post(sim, '/api/events', { event: 'follow' });
  await allFramesIn(page, sim);
  await untilCheckpoint(page, 'rule:Follow Alert');
  await runUntil(page, (q) => q.checkpoints.some((c) => c.startsWith('follow:')), 'follow toast');
  await expect(page).toHaveScreenshot('config-follow-rule.png');
  await post(sim, '/api/events', { event: 'gift', data: { giftName: 'Rose', repeatCount: 1 } });
  await allFramesIn(page, sim);
  await untilCheckpoint(page, 'rule:Gift Alert');
  await runUntil(page, (q) => q.checkpoints.some((c) => /^gift:.*:settled$/.test(c)), 'gift settled');
  await expect(page).toHaveScreenshot('config-gift-rule.png');
  expect((await probe(page)).bad).toBe(0);
});

test('chat emotes sit in their place in the comment; an emote sent on its own gets a line of its own', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, scenario: 'quiet' });
  await openOverlay(page, sim, NO_TOASTY);
  const emote = (n: number, placeInComment: number) => ({ emoteId: `72406121546517081${60 + n}`, emoteImageUrl: `${sim!.url}/media/emote/${n}.png`, placeInComment });
  await post(sim, '/api/events', { event: 'chat', data: { comment: 'this song is a banger', emotes: [emote(2, 5), emote(5, 21)] } });
  await post(sim, '/api/events', { event: 'chat', data: { comment: 'when the drop hits and the whole chat goes wild at once, every single time', emotes: [emote(0, 0), emote(3, 56)] } });
  await post(sim, '/api/events', { event: 'emote', data: { emoteImageUrl: `${sim.url}/media/emote/6.png` } });
  await allFramesIn(page, sim);
  const p = await runUntil(page, (q) => q.checkpoints.filter((c) => c.startsWith('chat:')).length >= 3 && q.idle, 'three chat lines settled');
  expect(p.bad).toBe(0);
  await expect(page).toHaveScreenshot('chat-emotes.png', { clip: { x: 0, y: 1100, width: 1080, height: 700 } });
});

test('the Canvas renderer (what "auto" picks on software WebGL) draws the same quiet scene', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, scenario: 'quiet' });
  await openOverlay(page, sim, NO_TOASTY, 'canvas');
  await post(sim, '/api/events', { event: 'chat', data: { comment: 'hello from the quiet stream' } });
  await post(sim, '/api/events', { event: 'gift', data: { giftName: 'Rose', repeatCount: 3 } });
  await post(sim, '/api/events', { event: 'follow' });
  await allFramesIn(page, sim);
  const p = await runUntil(page, (q) => q.checkpoints.some((c) => /^gift:.*:settled$/.test(c)) && q.checkpoints.some((c) => c.startsWith('follow:')), 'gift settled + follow');
  expect(p.renderer, 'a 2D canvas').toBe('canvas');
  expect(p.counters.gifts).toBe(3);
  // The WebGL test's own baseline: both renderers must draw the same picture (within the suite's tolerance).
  await expect(page).toHaveScreenshot('quiet-rose-chat-follow.png');
});
