import { describe, expect, it } from 'vitest';
import { userSchema } from '../protocol/index.ts';
import { Population } from './population.ts';
import { MAX_NICKNAME_LENGTH, textPools } from './text-pools.ts';

// The user block's badges and flags against what real captures show (docs/REAL-DATA.md, "Simulator distributions").
const MEDIA = 'http://127.0.0.1:21213';
const N = 10_000;

interface Badge {
  type: string;
  badgeSceneType: number;
  name?: string;
  level?: number;
  privilegeId?: string;
  url?: string;
  displayType?: number;
}
type User = Record<string, unknown> & { userBadges: Badge[]; userSceneTypes: number[]; followInfo: { followStatus: number } };

function users(seed: number, n = N): User[] {
  const pop = new Population(seed, n, textPools(seed), MEDIA);
  return Array.from({ length: n }, (_, i) => JSON.parse(`{${pop.get(i).json}}`) as User);
}

/** The flags TLC v1's getUserAttributes derives from a badge list: a frame's flags must be what its badges say. */
function v1Flags(b: Badge[]): Record<string, boolean | number> {
  return {
    isModerator: b.some((x) => x.type.toLowerCase().includes('moderator') || x.badgeSceneType === 1),
    isNewGifter: b.some((x) => x.type.toLowerCase().includes('live_ng_')),
    isSubscriber: b.some((x) => (x.url ?? '').toLowerCase().includes('/sub_') || x.badgeSceneType === 4 || x.badgeSceneType === 7),
    gifterLevel: b.find((x) => x.badgeSceneType === 8)?.level ?? 0,
    teamMemberLevel: b.find((x) => x.badgeSceneType === 10)?.level ?? 0,
  };
}

describe('viewer badges agree with their flags', () => {
  const all = users(7);

  it('over 10,000 viewers, every flag and level is what TLC v1 derives from the badges', () => {
    for (const u of all) {
      expect(userSchema.safeParse(u).error).toBeUndefined();
      const { isModerator, isNewGifter, isSubscriber, gifterLevel, teamMemberLevel } = u;
      expect({ isModerator, isNewGifter, isSubscriber, gifterLevel, teamMemberLevel }).toEqual(v1Flags(u.userBadges));
    }
    // Each flag occurs, so the agreement above is not vacuous.
    for (const flag of ['isModerator', 'isNewGifter', 'isSubscriber'] as const) expect(all.filter((u) => u[flag]).length).toBeGreaterThan(20);
    expect(all.filter((u) => (u.teamMemberLevel as number) > 0).length).toBeGreaterThan(100);
  });

  it('uses the real badge objects, key for key: moderator (1), new gifter (2), subscriber image and privilege (4), fan club (10)', () => {
    const mod = all.find((u) => u.isModerator)!.userBadges.find((b) => b.badgeSceneType === 1);
    expect(JSON.stringify(mod)).toBe('{"badgeSceneType":1,"type":"pm_mt_moderator_im","name":"Moderator"}');
    const ng = all.find((u) => u.isNewGifter)!.userBadges.find((b) => b.badgeSceneType === 2);
    expect(JSON.stringify(ng)).toBe('{"badgeSceneType":2,"type":"pm_mt_live_ng_im","name":"New gifter"}');
    const sub = all.find((u) => u.isSubscriber)!.userBadges.filter((b) => b.badgeSceneType === 4);
    expect(sub.map((b) => Object.keys(b))).toEqual([
      ['type', 'badgeSceneType', 'displayType', 'url'],
      ['type', 'privilegeId', 'level', 'badgeSceneType'],
      ['type', 'privilegeId', 'level', 'badgeSceneType'],
    ]);
    expect(sub[0]).toEqual({ type: 'image', badgeSceneType: 4, displayType: 1, url: `${MEDIA}/media/badge/sub_badge.png` });
    const fan = all.find((u) => (u.teamMemberLevel as number) > 0)!;
    const fanBadge = fan.userBadges.find((b) => b.badgeSceneType === 10)!;
    expect(Object.keys(fanBadge)).toEqual(['type', 'privilegeId', 'level', 'badgeSceneType']);
    expect(fanBadge).toMatchObject({ type: 'privilege', level: fan.teamMemberLevel });
    expect(fanBadge.privilegeId).toMatch(/^\d{19}$/);
  });

  it('lists one scene type per badge group, in the real captures order ([4,8,4,10] for a levelled, subscribing fan)', () => {
    const fan = all.find((u) => u.isSubscriber && !u.isModerator && !u.isNewGifter && (u.gifterLevel as number) > 0 && (u.teamMemberLevel as number) > 0 && u.topGifterRank === 0);
    expect(fan?.userSceneTypes).toEqual([4, 8, 4, 10]);
    for (const u of all) {
      const fromBadges = [...new Set(u.userBadges.map((b) => b.badgeSceneType))];
      expect(new Set(u.userSceneTypes)).toEqual(new Set(fromBadges));
    }
  });

  it('followStatus equals followRole (TLC v1 copies one into the other), and role 3 occurs beside 0, 1 and 2', () => {
    const roles = new Map<number, number>();
    for (const u of all) {
      expect(u.followInfo.followStatus).toBe(u.followRole);
      roles.set(u.followRole as number, (roles.get(u.followRole as number) ?? 0) + 1);
    }
    expect([...roles.keys()].sort()).toEqual([0, 1, 2, 3]);
    expect(roles.get(3)! / N).toBeGreaterThan(0.005);
  });
});

describe('nicknames', () => {
  it(`are at most ${MAX_NICKNAME_LENGTH} characters, as the longest of 236 real TikTok users, over 10,000 viewers of 3 seeds`, () => {
    let longest = 0;
    let long = 0;
    for (const seed of [1, 7, 42]) {
      for (const u of users(seed)) {
        const n = u.nickname as string;
        longest = Math.max(longest, n.length);
        if (n.length > 20) long++;
        // Never a broken surrogate pair from the cut.
        expect(/[\uD800-\uDBFF]$/.test(n)).toBe(false);
      }
    }
    expect(longest).toBeLessThanOrEqual(MAX_NICKNAME_LENGTH);
    // Long names still occur (full names, decorated ones): the cap is not a cut to a short fixed length.
    expect(long / (3 * N)).toBeGreaterThan(0.03);
  });
});

describe('determinism', () => {
  it('the same seed gives the same viewers byte for byte, another seed others', () => {
    const a = users(11, 2000);
    expect(JSON.stringify(users(11, 2000))).toBe(JSON.stringify(a));
    expect(JSON.stringify(users(12, 2000))).not.toBe(JSON.stringify(a));
  });
});
