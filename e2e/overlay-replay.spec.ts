import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { RunningSimulator } from '../simulator/server/app.ts';
import { NO_TOASTY, allFramesIn, expect, expectLiveCanvas, openOverlay, post, runUntil, startTestSimulator, test, untilCheckpoint } from './fixtures.ts';

// Each committed recording (recordings/<name>/) replayed through the built overlay in instant slices (a known set of frames each time), with a
// screenshot at the moments that matter: the first gift, a streak mid-way and settled, a join burst, the leaderboard.

interface Line {
  t: number;
  event: string;
  data: Record<string, unknown>;
}

const recordingsDir = new URL('../recordings', import.meta.url).pathname;
const recordings = readdirSync(recordingsDir).filter((d) => existsSync(join(recordingsDir, d, 'events.jsonl'))).sort();

function readFrames(path: string): Line[] {
  const out: Line[] = [];
  for (const raw of readFileSync(join(path, 'events.jsonl'), 'utf8').split('\n').slice(1)) {
    if (!raw.trim()) continue;
    const l = JSON.parse(raw) as { t?: number; frame?: string };
    if (typeof l.frame !== 'string' || l.t === undefined) continue;
    try {
      const f = JSON.parse(l.frame) as { event: string; data: Record<string, unknown> };
      out.push({ t: l.t, event: f.event, data: f.data ?? {} });
    } catch {
      // A recorded malformed frame: replay sends it as is; the robustness spec covers those.
    }
  }
  return out;
}

/** Replays [fromMs, toMs] of the recording at once and waits until the overlay got every frame of it. */
async function slice(page: Page, sim: RunningSimulator, recording: string, fromMs: number, toMs: number): Promise<void> {
  await post(sim, '/api/replay', { recording, instant: true, fromMs, toMs });
  await allFramesIn(page, sim);
}

let sim: RunningSimulator | undefined;
test.afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

test('there are recordings to replay', () => expect(recordings.length).toBeGreaterThan(0));

for (const name of recordings) {
  const rec = { name, path: join(recordingsDir, name) };
  test(`recording ${rec.name}: first gift, streak, join burst, leaderboard`, async ({ page }) => {
    const frames = readFrames(rec.path);
    sim = await startTestSimulator({ paused: true, chatBacklog: false, recordingsDir });
    // Toasty cuts faces with MediaPipe in real time, outside the fake clock: it has its own spec, so it is off here.
    await openOverlay(page, sim, NO_TOASTY);
    const shots: string[] = [];

    // The leaderboard: the first roomUser frame on its own.
    const room = frames.find((f) => f.event === 'roomUser');
    if (room) {
      await slice(page, sim, rec.name, room.t, room.t);
      await untilCheckpoint(page, `leaderboard:${room.data.viewerCount}`);
      await expect(page).toHaveScreenshot(`${rec.name}-leaderboard.png`);
      shots.push('leaderboard');
    }

    // A join burst: the first join and whatever else happened in the next second.
    const join1 = frames.find((f) => f.event === 'member');
    if (join1) {
      await slice(page, sim, rec.name, join1.t, join1.t + 1000);
      await runUntil(page, (p) => p.checkpoints.some((c) => c.startsWith('join-burst:')), 'join-burst');
      await expect(page).toHaveScreenshot(`${rec.name}-join-burst.png`);
      shots.push('join burst');
    }

    // The first gift, with the second before it.
    const gift1 = frames.find((f) => f.event === 'gift');
    if (gift1) {
      const end = frames.find((f) => f.event === 'gift' && f.data.groupId === gift1.data.groupId && f.data.repeatEnd === true) ?? gift1;
      await slice(page, sim, rec.name, Math.max(0, gift1.t - 1000), end.t);
      await untilCheckpoint(page, `gift:${gift1.data.groupId}:settled`);
      await expect(page).toHaveScreenshot(`${rec.name}-first-gift.png`);
      await expectLiveCanvas(page);
      shots.push('first gift');
    }

    // A streak of at least 4: mid-way (counter shown, not settled), then the rest up to its end.
    const mid = frames.find((f) => f.event === 'gift' && f.data.giftType === 1 && f.data.repeatEnd === false && Number(f.data.repeatCount) >= 4 &&
      frames.some((g) => g.t > f.t && g.data.groupId === f.data.groupId && g.data.repeatEnd === true));
    if (mid) {
      const g = mid.data.groupId;
      const start = frames.find((f) => f.event === 'gift' && f.data.groupId === g)!;
      const end = frames.find((f) => f.t > mid.t && f.data.groupId === g && f.data.repeatEnd === true)!;
      await slice(page, sim, rec.name, start.t, mid.t);
      await untilCheckpoint(page, `gift:${g}:shown`);
      await expect(page).toHaveScreenshot(`${rec.name}-streak-mid.png`);
      await slice(page, sim, rec.name, mid.t + 1, end.t);
      await untilCheckpoint(page, `gift:${g}:settled`);
      await expect(page).toHaveScreenshot(`${rec.name}-streak-settled.png`);
      shots.push('streak');
    }
    console.log(`${rec.name}: screenshots at ${shots.join(', ') || 'nothing'}`);
    expect(shots.length, 'a recording with nothing to show').toBeGreaterThan(0);
  });
}
