import { describe, expect, it } from 'vitest';
import { eventSchemas, giftDiamonds, type GiftData } from '../../protocol/index.ts';
import { collect, keyOrder, makeEngine, realSample, SILENT, T0 } from '../generator-test-utils.ts';

const gifts = (frames: { event: string; data: Record<string, unknown> }[]) =>
  frames.filter((f) => f.event === 'gift').map((f) => f.data as unknown as GiftData);

describe('gift generator', () => {
  it('plays a fired Rose x5 as 5 taps 0.6-0.9 s apart, then repeatEnd 3.2-4.0 s after the last tap, one groupId', () => {
    const e = makeEngine({ rates: SILENT });
    expect(e.fire({ event: 'gift', data: { giftName: 'Rose', repeatCount: 5 } }, T0 + 1000)).toEqual({ ok: true, value: { scheduled: 6, event: 'gift' } });
    const g = gifts(collect(e, T0 + 15_000));
    expect(g.map((x) => x.repeatCount)).toEqual([1, 2, 3, 4, 5, 5]);
    expect(g.map((x) => x.repeatEnd)).toEqual([false, false, false, false, false, true]);
    expect(g.map((x) => x.gift.repeat_end)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(new Set(g.map((x) => x.groupId))).toEqual(new Set([String(T0 + 1000)]));
    const times = g.map((x) => Number(x.createTime));
    for (let i = 1; i < 5; i++) {
      expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(599);
      expect(times[i] - times[i - 1]).toBeLessThanOrEqual(900);
    }
    expect(times[5] - times[4]).toBeGreaterThanOrEqual(3199);
    expect(times[5] - times[4]).toBeLessThanOrEqual(4000);
    expect(new Set(g.map((x) => x.userId)).size).toBe(1);
    expect(g.map(giftDiamonds)).toEqual([0, 0, 0, 0, 0, 5]);
  });

  it('sends a non-streak gift once with repeatCount 1 and repeatEnd false', () => {
    const e = makeEngine({ rates: SILENT });
    e.fire({ event: 'gift', data: { giftName: 'Lion' } }, T0 + 10);
    const g = gifts(collect(e, T0 + 10_000));
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ giftName: 'Lion', giftType: 2, repeatCount: 1, repeatEnd: false, diamondCount: 29999 });
  });

  it('never sends the end frame when dropStreakEnd is 1', () => {
    const e = makeEngine({ rates: SILENT, quirks: { dropStreakEnd: 1 } });
    e.fire({ event: 'gift', data: { giftName: 'Rose', repeatCount: 3 } }, T0);
    const g = gifts(collect(e, T0 + 20_000));
    expect(g.map((x) => x.repeatEnd)).toEqual([false, false, false]);
    expect(e.status().diamonds).toBe(3); // credited at the last tap
  });

  it('generates valid gift frames with the real key order, mostly Roses, streaks mostly short', () => {
    const e = makeEngine({ rates: { ...SILENT, gift: 5 } });
    const g = collect(e, T0 + 120_000).filter((f) => f.event === 'gift');
    expect(g.length).toBeGreaterThan(500);
    const real = keyOrder(realSample('gift').data).filter((k) => !k.startsWith('userDetails.profilePictureUrls'));
    for (const f of g) {
      expect(eventSchemas.gift.safeParse(f.data).success).toBe(true);
    }
    expect(keyOrder(g[0].data).filter((k) => !k.startsWith('userDetails.profilePictureUrls'))).toEqual(real);
    const ends = g.filter((f) => f.data.repeatEnd === true || f.data.giftType !== 1);
    const roses = ends.filter((f) => f.data.giftName === 'Rose').length;
    expect(roses / ends.length).toBeGreaterThan(0.3);
    const short = ends.filter((f) => (f.data.repeatCount as number) <= 3).length;
    expect(short / ends.length).toBeGreaterThan(0.6);
    expect(g.every((f) => (f.data.giftPictureUrl as string).startsWith('http://127.0.0.1:21213/media/gift/'))).toBe(true);
  });
});
