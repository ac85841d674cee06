import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tlcUserFromFlat, toTlcData } from '../protocol/index.ts';
import { createEngine } from '../simulator/engine.ts';
import { mapArmyUser, mapBattleUser, mapUser } from './tiktok-user.ts';

// protocol's TikFinity → TLC user (toTlcData) and the decoder's TLC → TikFinity user (TLC v1's mapping) are inverses:
// a user block survives the trip there and back, badges, flags and levels included.

const USER_KEYS = ['userId', 'secUid', 'uniqueId', 'nickname', 'profilePictureUrl', 'followRole', 'userBadges', 'userSceneTypes', 'userDetails', 'followInfo', 'isModerator', 'isNewGifter', 'isSubscriber', 'topGifterRank', 'gifterLevel', 'teamMemberLevel'];
const pick = (d: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(USER_KEYS.map((k) => [k, d[k]]));

describe('the user block, TikFinity → TLC → TikFinity', () => {
  it('comes back unchanged from every real TikFinity sample that carries one', () => {
    const samples = JSON.parse(readFileSync(new URL('../protocol/fixtures/tikfinity-samples.json', import.meta.url), 'utf8')) as { event: string; data: Record<string, unknown> }[];
    const withUser = samples.filter((s) => typeof s.data.uniqueId === 'string');
    expect(withUser.length).toBeGreaterThanOrEqual(4);
    for (const s of withUser) expect(mapUser(tlcUserFromFlat(s.data)), s.event).toEqual(pick(s.data));
  });

  it('comes back unchanged for the simulator\'s viewers (moderators, subscribers, new gifters, fan-club members, top gifters)', () => {
    const T0 = Date.UTC(2025, 0, 1, 20);
    const e = createEngine({ seed: 11, population: 2000, startMs: T0, mediaBase: 'http://127.0.0.1:21213', rates: { chat: 50, gift: 5, like: 0, member: 0 } });
    const users: Record<string, unknown>[] = [];
    for (let t = T0; t < T0 + 60_000; t += 500) e.advance(t, (f) => f.event === 'chat' && users.push((JSON.parse(f.text) as { data: Record<string, unknown> }).data));
    expect(users.length).toBeGreaterThan(1000);
    const bad = users.filter((u) => JSON.stringify(mapUser(tlcUserFromFlat(u))) !== JSON.stringify(pick(u)));
    expect(bad.slice(0, 2).map((u) => ({ flat: pick(u), back: mapUser(tlcUserFromFlat(u)) }))).toEqual([]);
    expect(users.some((u) => u.isModerator) && users.some((u) => u.isSubscriber) && users.some((u) => (u.teamMemberLevel as number) > 0)).toBe(true);
  });

  it("comes back unchanged for a battle's hosts and its armies' participants (the few fields TikTok sends for them)", () => {
    const T0 = Date.UTC(2025, 0, 1, 20);
    const e = createEngine({ seed: 4, population: 300, startMs: T0, mediaBase: 'http://127.0.0.1:21213', rates: { chat: 0, like: 0, gift: 0, member: 0 } });
    expect(e.fire({ event: 'linkMicBattle' }, T0).ok && e.fire({ event: 'linkMicArmies', count: 3 }, T0 + 10).ok).toBe(true);
    const frames: { event: string; data: Record<string, any> }[] = [];
    e.advance(T0 + 1000, (f) => frames.push(JSON.parse(f.text)));
    const battle = frames.find((f) => f.event === 'linkMicBattle')!;
    const tb = toTlcData('linkMicBattle', battle.data);
    expect(tb.ok).toBe(true);
    const hosts = (tb.ok ? tb.data.anchorsInfo : []) as { value: { user: unknown } }[];
    expect(hosts.map((h) => mapBattleUser(h.value.user))).toEqual(battle.data.battleUsers.map(pick));
    for (const a of frames.filter((f) => f.event === 'linkMicArmies')) {
      const ta = toTlcData('linkMicArmies', a.data);
      expect(ta.ok).toBe(true);
      const armies = (ta.ok ? ta.data.armies : {}) as Record<string, { userArmies: unknown[] }>;
      for (const army of a.data.battleArmies as { hostUserId: string; participants: Record<string, unknown>[] }[]) {
        expect(armies[army.hostUserId]!.userArmies.map(mapArmyUser)).toEqual(army.participants.map(pick));
      }
    }
  });
});
