import { describe, expect, it } from 'vitest';
import { eventSchemas, type LinkMicArmiesData, type LinkMicBattleData } from '../../protocol/index.ts';
import { collect, makeEngine, SILENT, T0 } from '../generator-test-utils.ts';

// What TikTok sends of battle users (docs/REAL-DATA.md): linkMicBattle users userId, uniqueId, nickname, picture;
// linkMicArmies participants userId and nickname; battle points into the tens of thousands.
const BLANK = {
  secUid: '', followRole: 0, userBadges: [], userSceneTypes: [], followInfo: { followingCount: 0, followerCount: 0, followStatus: 0, pushStatus: 0 },
  isModerator: false, isNewGifter: false, isSubscriber: false, topGifterRank: 0, gifterLevel: 0, teamMemberLevel: 0,
};

describe('battle frames', () => {
  const e = makeEngine({ rates: { ...SILENT, linkMicBattle: 0.02, linkMicArmies: 1 } });
  const frames = collect(e, T0 + 300_000, 500);

  it('linkMicBattle users carry only userId, uniqueId, nickname and picture; the rest is blank', () => {
    const battles = frames.filter((f) => f.event === 'linkMicBattle');
    expect(battles.length).toBeGreaterThan(0);
    for (const f of battles) {
      const d = f.data as unknown as LinkMicBattleData;
      expect(eventSchemas.linkMicBattle.safeParse(d).error).toBeUndefined();
      for (const u of d.battleUsers) {
        expect(u).toMatchObject(BLANK);
        expect(u.userId).toMatch(/^\d{19}$/);
        expect(u.uniqueId).not.toBe('');
        expect(u.nickname).not.toBe('');
        expect(u.userDetails.profilePictureUrls).toEqual([u.profilePictureUrl]);
      }
    }
  });

  it('linkMicArmies participants carry only userId and nickname, and points reach the tens of thousands', () => {
    const armies = frames.filter((f) => f.event === 'linkMicArmies');
    expect(armies.length).toBeGreaterThan(250);
    let top = 0;
    for (const f of armies) {
      const d = f.data as unknown as LinkMicArmiesData;
      expect(eventSchemas.linkMicArmies.safeParse(d).error).toBeUndefined();
      for (const a of d.battleArmies) {
        top = Math.max(top, a.points);
        for (const p of a.participants) {
          expect(p).toMatchObject({ ...BLANK, uniqueId: '', profilePictureUrl: '' });
          expect(p.nickname).not.toBe('');
        }
      }
    }
    expect(top).toBeGreaterThan(10_000);
  });
});
