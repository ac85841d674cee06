import type { Page } from '@playwright/test';
import type { RunningSimulator } from '../simulator/server/app.ts';
import type { PartBox } from '../overlay/logic/boxes.ts';
import { NO_TOASTY, allFramesIn, expect, openOverlay, post, probe, runUntil, startTestSimulator, step, test } from './fixtures.ts';

// Every part of the overlay keeps to its own region and no two cards overlap, read from the layout boxes the overlay
// reports (window.__overlay.boxes, checked by the overlay itself on every game step: layoutChecked / layoutBad), not
// from pixels. A storm runs in real time and the page clock is stepped meanwhile: what matters here is that no step,
// whatever it shows, breaks the layout.

let sim: RunningSimulator | undefined;
test.afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** TikFinity rules that put a banner up for follows and for Roses and Lions (the storm's gifts include both). */
const RULES = {
  events: [
    { type: 'event', enabled: true, trigger: { type: 'follow', availableFor: 'any' }, actions: [{ type: 'action', name: 'Follow Alert' }] },
    { type: 'event', enabled: true, trigger: { type: 'gift', id: 5655, availableFor: 'any' }, actions: [{ type: 'action', name: 'Gift Alert' }] },
    { type: 'event', enabled: true, trigger: { type: 'gift', id: 6369, availableFor: 'any' }, actions: [{ type: 'action', name: 'Gift Alert' }] },
  ],
};

function sendRules(s: RunningSimulator): void {
  s.state.broadcast({ event: 'config', text: JSON.stringify({ event: 'config', data: RULES }) });
}

/** Pairs of boxes that overlap, as the test sees them (its own check of the overlay's reported boxes). */
function overlapping(boxes: PartBox[], part?: string): string[] {
  const out: string[] = [];
  const bs = part ? boxes.filter((b) => b.part === part) : boxes;
  for (let i = 0; i < bs.length; i++) {
    for (let j = i + 1; j < bs.length; j++) {
      const a = bs[i]!, b = bs[j]!;
      if (a.part === b.part && (a.part === 'hearts' || a.part === 'toasty')) continue;
      if (a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01 && a.y < b.y + b.h - 0.01 && b.y < a.y + a.h - 0.01) out.push(`${a.part}:${a.id} / ${b.part}:${b.id}`);
    }
  }
  return out;
}

const boxes = (page: Page): Promise<PartBox[]> => page.evaluate(() => window.__overlay.boxes);

/** Steps the page clock through `ms` of a live stream, sampling the reported boxes; returns the most chat cards seen at once. */
async function stepThrough(page: Page, ms: number, stepMs = 50): Promise<{ maxChat: number; parts: Set<string> }> {
  let maxChat = 0;
  const parts = new Set<string>();
  for (let t = 0; t < ms; t += stepMs) {
    await step(page, stepMs);
    const b = await boxes(page);
    for (const x of b) parts.add(x.part);
    maxChat = Math.max(maxChat, b.filter((x) => x.part === 'chat').length);
    expect(overlapping(b, 'chat'), `chat cards overlapping at +${t} ms`).toEqual([]);
  }
  return { maxChat, parts };
}

for (const layout of ['portrait', 'landscape'] as const) {
  test(`${layout}: under gift-storm no two cards ever overlap and every part keeps to its region`, async ({ page }) => {
    test.setTimeout(120_000);
    if (layout === 'landscape') await page.setViewportSize({ width: 1920, height: 1080 });
    sim = await startTestSimulator({ chatBacklog: false, scenario: 'gift-storm' });
    await openOverlay(page, sim, layout === 'landscape' ? '&layout=landscape' : '', 'auto');
    sendRules(sim);
    const seen = await stepThrough(page, 6000);
    const p = await probe(page);
    expect(p.received, 'a storm came in').toBeGreaterThan(500);
    expect(seen.maxChat, 'the chat filled up').toBeGreaterThanOrEqual(3);
    for (const part of ['chat', 'gifts', 'likes', 'hearts', 'spotlight']) expect([...seen.parts], `${part} was on screen`).toContain(part);
    expect(p.layoutChecked, 'steps checked by the overlay').toBeGreaterThan(300);
    expect(p.layoutProblems, 'layout problems the overlay found').toEqual([]);
    expect(p.layoutBad).toBe(0);
  });
}

test('portrait, normal rate: chat cards arriving one after another never overlap, settled or moving', async ({ page }) => {
  sim = await startTestSimulator({ paused: true, chatBacklog: false, scenario: 'quiet' });
  await openOverlay(page, sim, NO_TOASTY);
  const lines = ['hi', 'hello from the quiet stream, a line long enough to wrap onto a second line of the card', 'ok', 'one more message', 'and another one here'];
  for (let i = 0; i < 12; i++) {
    await post(sim, '/api/events', { event: 'chat', data: { comment: lines[i % lines.length] } });
    await allFramesIn(page, sim);
    // 4 chats a second: each arrives while the one before is still moving into place.
    await stepThrough(page, 250, 16);
  }
  await runUntil(page, (q) => q.idle, 'chat settled');
  const b = await boxes(page);
  const chat = b.filter((x) => x.part === 'chat');
  expect(chat.length).toBeGreaterThanOrEqual(4);
  expect(overlapping(chat)).toEqual([]);
  const R = (await probe(page)).regions.chat!;
  for (const c of chat) expect(c.y >= R.y && c.y + c.h <= R.y + R.h, `chat:${c.id} inside the chat region`).toBe(true);
  expect((await probe(page)).layoutProblems).toEqual([]);
});

for (const layout of ['portrait', 'landscape'] as const) {
  test(`${layout}: a Lion with a Gift Alert rule shows Toasty's face and the "Thank you for the gift!" banner apart`, async ({ page }) => {
  test.setTimeout(90_000);
  if (layout === 'landscape') await page.setViewportSize({ width: 1920, height: 1080 });
  sim = await startTestSimulator({ paused: true, chatBacklog: false });
  await openOverlay(page, sim, layout === 'landscape' ? '&layout=landscape' : '');
  sendRules(sim);
  await post(sim, '/api/events', { event: 'gift', data: { giftName: 'Lion', repeatCount: 1 }, user: { face: 0 } });
  await allFramesIn(page, sim);
  const p = await runUntil(page, (q) => q.checkpoints.some((c) => /^toasty:.*:in$/.test(c)), 'toasty in', 50, 20_000);
  // The face is in; its "Toasty!" label pops in over the next 160 ms.
  await step(page, 200);
  const b = await boxes(page);
  expect(b.filter((x) => x.part === 'toasty').map((x) => x.id).sort()).toEqual(['face', 'label']);
  const parts = b.map((x) => x.part);
  expect(parts, 'banner on screen with the face').toContain('spotlight');
  expect(parts).toContain('toasty');
  expect(overlapping(b)).toEqual([]);
  expect(p.layoutProblems).toEqual([]);
  await expect(page).toHaveScreenshot(layout === 'landscape' ? 'landscape-toasty-and-gift-banner.png' : 'toasty-and-gift-banner.png');
  });
}

test('landscape: the "New follower!" banner and the chat column keep apart', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  sim = await startTestSimulator({ paused: true, chatBacklog: false, scenario: 'quiet' });
  await openOverlay(page, sim, `${NO_TOASTY}&layout=landscape`);
  sendRules(sim);
  for (const comment of ['first!', 'hello from the landscape layout', 'the banner must not cover me', 'nor me']) {
    await post(sim, '/api/events', { event: 'chat', data: { comment } });
  }
  await post(sim, '/api/events', { event: 'follow' });
  await allFramesIn(page, sim);
  const p = await runUntil(page, (q) => q.checkpoints.includes('rule:Follow Alert') && q.checkpoints.filter((c) => /^chat:[^:]+$/.test(c)).length >= 4, 'banner + chat', 50);
  await step(page, 400);
  const b = await boxes(page);
  expect(b.filter((x) => x.part === 'spotlight').length, 'banner up').toBe(1);
  expect(b.filter((x) => x.part === 'chat').length).toBe(4);
  expect(overlapping(b)).toEqual([]);
  expect((await probe(page)).layoutProblems).toEqual([]);
  expect(p.bad).toBe(0);
  await expect(page).toHaveScreenshot('landscape-follow-banner.png');
});
