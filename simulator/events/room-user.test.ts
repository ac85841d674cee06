import { describe, expect, it } from 'vitest';
import { eventSchemas, type RoomUserData } from '../../protocol/index.ts';
import { collect, keyOrder, makeEngine, realSample, SILENT, T0 } from '../generator-test-utils.ts';

// Real roomUser frames list up to 16 viewers, 0-coin ones included, and their users carry no badges (docs/REAL-DATA.md).
describe('roomUser topViewers', () => {
  it('fill up to 16 with viewers of 0 coins after the gifters, with no badges, flags or levels, like the real samples', () => {
    const frames = collect(makeEngine({ rates: { ...SILENT, gift: 0.5 } }), T0 + 60_000, 250).filter((f) => f.event === 'roomUser');
    expect(frames.length).toBeGreaterThan(20);
    const lengths = new Set<number>();
    let zero = 0;
    for (const f of frames) {
      const d = f.data as unknown as RoomUserData;
      expect(eventSchemas.roomUser.safeParse(d).error).toBeUndefined();
      lengths.add(d.topViewers.length);
      const coins = d.topViewers.map((x) => x.coinCount);
      expect(coins).toEqual([...coins].sort((a, b) => b - a));
      zero += coins.filter((c) => c === 0).length;
      for (const { user } of d.topViewers) {
        expect(user).toMatchObject({ userBadges: [], userSceneTypes: [], isModerator: false, isNewGifter: false, isSubscriber: false, topGifterRank: null, gifterLevel: 0, teamMemberLevel: 0 });
      }
    }
    expect(Math.max(...lengths)).toBe(16);
    expect(zero).toBeGreaterThan(frames.length);
    // Key for key as the real sample's first viewer (a 3-coin one), URLs aside.
    const real = realSample('roomUser').data as unknown as RoomUserData;
    const d = frames.at(-1)!.data as unknown as RoomUserData;
    expect(keyOrder(d.topViewers[0])).toEqual(keyOrder(real.topViewers[0]));
  });

  it('in a room of 3 list 3 viewers, as the real sample of viewerCount 3 does', () => {
    const e = makeEngine({ rates: SILENT, population: 500 });
    e.fire({ event: 'roomUser', data: { viewerCount: 3 } }, T0 + 10);
    const f = collect(e, T0 + 1000).find((x) => x.event === 'roomUser' && x.data.viewerCount === 3)!;
    expect((f.data as unknown as RoomUserData).topViewers).toHaveLength(3);
  });
});
