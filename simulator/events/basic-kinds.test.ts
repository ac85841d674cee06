import { describe, expect, it } from 'vitest';
import { eventSchemas, giftDiamonds, type GiftData, type RoomUserData } from '../../protocol/index.ts';
import { collect, keyOrder, makeEngine, realSample, SILENT, T0 } from '../generator-test-utils.ts';

const noUrls = (ks: string[]) => ks.filter((k) => !k.includes('profilePictureUrls'));

describe.each(['chat', 'like', 'member'] as const)('%s generator', (kind) => {
  it('produces frames valid against the protocol schema with the real sample key order', () => {
    const e = makeEngine({ rates: { ...SILENT, [kind]: 20 } });
    const frames = collect(e, T0 + 60_000).filter((f) => f.event === kind);
    expect(frames.length).toBeGreaterThan(800);
    for (const f of frames) expect(eventSchemas[kind].safeParse(f.data).error).toBeUndefined();
    const real = noUrls(keyOrder(realSample(kind).data)).filter((k) => !k.startsWith('emotes['));
    expect(noUrls(keyOrder(frames.find((f) => !JSON.stringify(f.data.emotes ?? []).includes('emoteId'))?.data))).toEqual(real);
    const last = Object.keys(frames[0].data).slice(-2);
    expect(last).toEqual(['tikfinityUserId', 'tikfinityUsername']);
  });
});

describe('like generator', () => {
  it('batches 1..15 likes with a room-wide monotonic totalLikeCount', () => {
    const e = makeEngine({ rates: { ...SILENT, like: 30 } });
    e.fire({ event: 'like', data: { likeCount: 15 }, count: 3 }, T0 + 5000);
    const likes = collect(e, T0 + 30_000).filter((f) => f.event === 'like');
    let total = 0;
    for (const f of likes) {
      const n = f.data.likeCount as number;
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(15);
      total += n;
      expect(f.data.totalLikeCount).toBe(total);
    }
    expect(e.status().totalLikes).toBe(total);
  });
});

describe('member generator', () => {
  it('sends mostly actionId 1, sometimes 26/27 (memberOtherActions)', () => {
    const e = makeEngine({ rates: { ...SILENT, member: 50 }, quirks: { memberOtherActions: 0.2 } });
    const ids = collect(e, T0 + 30_000).filter((f) => f.event === 'member').map((f) => f.data.actionId);
    const others = ids.filter((x) => x !== 1);
    expect(others.length / ids.length).toBeGreaterThan(0.1);
    expect(others.length / ids.length).toBeLessThan(0.3);
    expect(new Set(others)).toEqual(new Set([26, 27]));
  });
});

describe('roomUser generator', () => {
  it('comes every 1.6-2.5 s with topViewers equal to the coins credited, sorted, padded with 0-coin viewers, valid and in real key order', () => {
    const e = makeEngine({ rates: { ...SILENT, gift: 3, member: 2 } });
    const frames = collect(e, T0 + 120_000, 50);
    const coins = new Map<string, number>();
    let checked = 0;
    for (const f of frames) {
      if (f.event === 'gift') {
        const d = giftDiamonds(f.data as unknown as GiftData);
        if (d > 0) coins.set(f.data.userId as string, (coins.get(f.data.userId as string) ?? 0) + d);
      } else if (f.event === 'roomUser') {
        const d = f.data as unknown as RoomUserData;
        expect(eventSchemas.roomUser.safeParse(d).error).toBeUndefined();
        // The top gifters first, then viewers who sent nothing, up to 16 (as real frames list them).
        const expected = [...coins.entries()].sort((a, b) => b[1] - a[1]).slice(0, 16);
        const gifters = d.topViewers.filter((x) => x.coinCount > 0);
        expect(gifters.map((x) => x.coinCount)).toEqual(expected.map((x) => x[1]));
        expect(d.topViewers.slice(gifters.length).every((x) => x.coinCount === 0)).toBe(true);
        expect(d.topViewers).toHaveLength(Math.min(16, d.viewerCount));
        for (const tv of d.topViewers) expect(coins.get(tv.user.userId) ?? 0).toBe(tv.coinCount);
        checked++;
        if (checked === 10) {
          expect(noUrls(keyOrder(d))).toEqual(noUrls(keyOrder(realSample('roomUser').data)));
        }
      }
    }
    expect(checked).toBeGreaterThan(45);
    expect(coins.size).toBeGreaterThan(3);
  });
});
