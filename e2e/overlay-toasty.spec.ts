import type { RunningSimulator } from '../simulator/server/app.ts';
import { allFramesIn, expect, openOverlay, post, runUntil, startTestSimulator, step, test } from './fixtures.ts';

// Toasty on real photos with real MediaPipe in the page (no stub): a big gift from a viewer whose avatar is a face
// photo slides in the face cut; a viewer with a generated avatar (no face) falls back to the whole picture.
// The face cut runs in real time, outside the fake clock, so the gift cards beside it may be at any step: the
// screenshot is of Toasty's corner only, taken a fixed 250 ms after it announced 'in' (then it holds still for 900 ms).

// Toasty's region in the portrait layout (overlay/layout.ts), beside the chat and above the banner band.
const CORNER = { x: 710, y: 1226, width: 370, height: 524 };

let sim: RunningSimulator | undefined;
test.afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function toasty(page: import('@playwright/test').Page, sim: RunningSimulator, user: Record<string, unknown>, shot: string, nth: number): Promise<void> {
  await post(sim, '/api/events', { event: 'gift', data: { giftName: 'Lion', repeatCount: 1 }, user });
  await allFramesIn(page, sim);
  await runUntil(page, (q) => q.checkpoints.filter((c) => /^toasty:.*:in$/.test(c)).length >= nth, `toasty #${nth} in`, 100, 20_000);
  await step(page, 250);
  await expect(page).toHaveScreenshot(shot, { clip: CORNER });
}

test('a big gift from a face viewer: Toasty slides the cut face in; a faceless avatar falls back to the whole picture', async ({ page }) => {
  test.setTimeout(90_000);
  sim = await startTestSimulator({ paused: true, chatBacklog: false });
  await openOverlay(page, sim);
  await toasty(page, sim, { face: 0 }, 'toasty-face.png', 1);
  await runUntil(page, (q) => q.checkpoints.filter((c) => /^toasty:.*:out$/.test(c)).length >= 1 && q.idle, 'toasty out', 100, 20_000);
  await toasty(page, sim, { random: true }, 'toasty-no-face.png', 2);
});
