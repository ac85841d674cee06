import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StreakTracker, type StreakGift } from '../../overlay/logic/streaks.ts';
import { collector } from '../../test/faults/replay-cases.ts';
import { createReplayer } from './replayer.ts';
import { shiftForPass } from './loop-shift.ts';

const REC = new URL('../../recordings/busy-streaks', import.meta.url).pathname;
const recorded = readFileSync(`${REC}/events.jsonl`, 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l.startsWith('{"t":'))
  .map((l) => (JSON.parse(l) as { frame: string }).frame);

/** Plays `passes` loop passes of busy-streaks instantly and returns every frame sent, in order. */
async function loopPasses(passes: number, loopExact = false): Promise<string[]> {
  const c = collector();
  const r = await createReplayer({ path: REC, instant: true, loop: true, loopExact, rewriteMedia: false, mediaBase: 'http://x' }, c);
  r.start();
  const end = Date.now() + 10_000;
  while (c.got.length < recorded.length * passes && Date.now() < end) await new Promise((res) => setTimeout(res, 5));
  r.stop();
  return c.got.slice(0, recorded.length * passes);
}

const ids = (frames: string[], key: string) => frames.flatMap((f) => [...f.matchAll(new RegExp(`"${key}":"(\\d+)"`, 'g'))].map((m) => m[1]!));

describe('--loop: each pass looks like new events, the first stays byte-identical', () => {
  it('pass 1 is the recording byte for byte; passes 2 and 3 repeat no msgId or gift groupId and move createTime forward', async () => {
    const got = await loopPasses(3);
    expect(got.slice(0, recorded.length)).toEqual(recorded);
    const msgIds = ids(got, 'msgId');
    expect(new Set(msgIds).size).toBe(msgIds.length);
    const p1 = got.slice(0, recorded.length);
    const p2 = got.slice(recorded.length, 2 * recorded.length);
    const groups = (fs: string[]) => new Set(fs.filter((f) => f.startsWith('{"event":"gift"')).flatMap((f) => ids([f], 'groupId')));
    for (const g of groups(p2)) expect(groups(p1).has(g)).toBe(false);
    const lastTime1 = Math.max(...ids(p1, 'createTime').map(Number).filter((n) => n > 1e11));
    const firstTime2 = Math.min(...ids(p2, 'createTime').map(Number).filter((n) => n > 1e11));
    expect(firstTime2).toBeGreaterThan(lastTime1);
    // Nothing but the ids and times moved.
    const mask = (f: string) => f.replace(/"(msgId|groupId|createTime)":"\d+"/g, '"$1":""');
    expect(p2.map(mask)).toEqual(p1.map(mask));
  });

  it('the overlay\'s streak rule counts the second pass\'s gifts again (with --loop-exact it drops them as duplicates)', async () => {
    const count = (frames: string[]) => {
      const t = new StreakTracker();
      let starts = 0;
      let ignored = 0;
      for (const f of frames) {
        if (!f.startsWith('{"event":"gift"')) continue;
        const u = t.onGift((JSON.parse(f) as { data: StreakGift }).data, 0);
        if (u.kind === 'start') starts++;
        if (u.kind === 'ignored') ignored++;
      }
      return { starts, ignored };
    };
    const once = count(recorded);
    expect(once.starts).toBeGreaterThan(5);
    expect(count(await loopPasses(2)).starts).toBe(2 * once.starts);
    const exact = await loopPasses(2, true);
    expect(exact.slice(recorded.length)).toEqual(recorded);
    expect(count(exact).starts).toBe(once.starts);
  });

  it('shiftForPass leaves pass 0, "0" times, other digits and spacing alone', () => {
    const f = '{"event":"chat","data":{"userDetails":{"createTime":"0"},"userId":"7132834289279493190","msgId" : "7735761600469000010","createTime":"1735761600469"}}';
    const step = { timeMs: 1000n, id: 1000n * 8388608n };
    expect(shiftForPass(f, 0, step)).toBe(f);
    expect(shiftForPass(f, 2, step)).toBe(f.replace('"7735761600469000010"', `"${7735761600469000010n + 2000n * 8388608n}"`).replace('"1735761600469"', '"1735761602469"'));
  });
});
