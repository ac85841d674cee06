import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { RunningSimulator } from '../simulator/server/app.ts';
import { NO_TOASTY, allFramesIn, expect, expectLiveCanvas, openOverlay, post, probe, runUntil, startTestSimulator, test, untilCheckpoint } from './fixtures.ts';

/** The leaderboard board's height with the viewer count alone (overlay/scenes/Leaderboard.ts: 66, plus 62 a row). */
const LEADERBOARD_COUNT_ONLY_H = 66;

// Each committed recording (recordings/<name>/) replayed through the built overlay in instant slices (a known set of frames each time), with a
// screenshot at the moments that matter: the first gift, a streak mid-way and settled, a join burst, the leaderboard.
// MOMENTS names the ones each recording must have; a missing one fails rather than being skipped.

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

/** The moments a recording can show, each a screenshot `<recording>-<moment>.png`. */
type Moment = 'leaderboard' | 'join-burst' | 'first-gift' | 'streak-mid' | 'streak-settled';

/**
 * The moments each committed recording must show, in the order they are shot; a recording that lacks one fails, and
 * so does a recording without a row here. quiet has no streak of 4 or more, so no streak moments.
 */
const MOMENTS: Record<string, Moment[]> = {
  quiet: ['leaderboard', 'join-burst', 'first-gift'],
  'busy-streaks': ['leaderboard', 'join-burst', 'first-gift', 'streak-mid', 'streak-settled'],
};

test('there are recordings to replay, each with its moments named', () => {
  expect(recordings.length).toBeGreaterThan(0);
  expect(recordings, 'recordings/ and the MOMENTS table (add a row for a new recording)').toEqual(Object.keys(MOMENTS).sort());
});

/** The frames [from, to] one moment replays, and the checkpoint (with `idle`: and nothing moving) it waits for. */
interface MomentFrames {
  from: number;
  to: number;
  checkpoint: string;
  idle?: boolean;
}

/** Finds, in a recording's frames, the frames each moment replays; a moment the recording lacks is absent. */
function findMoments(frames: Line[]): Partial<Record<Moment, MomentFrames>> {
  const out: Partial<Record<Moment, MomentFrames>> = {};
  // The leaderboard: the first roomUser frame with top viewers (earlier ones have none: a bare viewer count), on its own.
  const room = frames.find((f) => f.event === 'roomUser' && Array.isArray(f.data.topViewers) && f.data.topViewers.length > 0);
  // The board is drawn (and announced) in the step its avatars are asked for: wait until they are in (idle), or the
  // picture depends on how fast they loaded.
  if (room) out.leaderboard = { from: room.t, to: room.t, checkpoint: `leaderboard:${String(room.data.viewerCount)}`, idle: true };
  // A join burst: the first join and whatever else happened in the next second.
  const join1 = frames.find((f) => f.event === 'member');
  if (join1) out['join-burst'] = { from: join1.t, to: join1.t + 1000, checkpoint: 'join-burst' };
  // The first gift, with the second before it, up to its streak's end.
  const gift1 = frames.find((f) => f.event === 'gift');
  if (gift1) {
    const end = frames.find((f) => f.event === 'gift' && f.data.groupId === gift1.data.groupId && f.data.repeatEnd === true) ?? gift1;
    out['first-gift'] = { from: Math.max(0, gift1.t - 1000), to: end.t, checkpoint: `gift:${String(gift1.data.groupId)}:settled` };
  }
  // A streak of at least 4: mid-way (counter shown, not settled), then the rest up to its end.
  const mid = frames.find((f) => f.event === 'gift' && f.data.giftType === 1 && f.data.repeatEnd === false && Number(f.data.repeatCount) >= 4 &&
    frames.some((g) => g.t > f.t && g.data.groupId === f.data.groupId && g.data.repeatEnd === true));
  if (mid) {
    const g = String(mid.data.groupId);
    const start = frames.find((f) => f.event === 'gift' && String(f.data.groupId) === g)!;
    const end = frames.find((f) => f.t > mid.t && String(f.data.groupId) === g && f.data.repeatEnd === true)!;
    out['streak-mid'] = { from: start.t, to: mid.t, checkpoint: `gift:${g}:shown` };
    out['streak-settled'] = { from: mid.t + 1, to: end.t, checkpoint: `gift:${g}:settled` };
  }
  return out;
}

for (const name of recordings) {
  const rec = { name, path: join(recordingsDir, name) };
  const required = MOMENTS[name] ?? [];
  test(`recording ${rec.name}: ${required.join(', ') || 'no moments named'}`, async ({ page }) => {
    expect(required.length, `${name}: no row in MOMENTS`).toBeGreaterThan(0);
    const found = findMoments(readFrames(rec.path));
    for (const m of required) expect(found[m], `${name}: the recording has no ${m} moment`).toBeDefined();
    sim = await startTestSimulator({ paused: true, chatBacklog: false, recordingsDir });
    // Toasty cuts faces with MediaPipe in real time, outside the fake clock: it has its own spec, so it is off here.
    await openOverlay(page, sim, NO_TOASTY);
    for (const m of required) {
      const { from, to, checkpoint, idle } = found[m]!;
      await slice(page, sim, rec.name, from, to);
      if (m === 'join-burst') await runUntil(page, (p) => p.checkpoints.some((c) => /^join-burst:\d+$/.test(c)), 'join-burst');
      else await untilCheckpoint(page, checkpoint, { idle });
      if (m === 'leaderboard') {
        const board = (await probe(page)).boxes.find((b) => b.part === 'leaderboard');
        expect(board?.h, 'the leaderboard draws rows of top viewers, not only the count').toBeGreaterThan(LEADERBOARD_COUNT_ONLY_H);
      }
      await expect(page).toHaveScreenshot(`${rec.name}-${m}.png`);
      if (m === 'first-gift') await expectLiveCanvas(page);
    }
  });
}
