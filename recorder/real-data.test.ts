/**
 * The decoder against real data: webcast messages rebuilt from real captures (recorder/fixtures/real-webcast.ts), put in
 * gzipped push frames, decoded by tiktok-live-connector's own decoder and mapped. The TikFinity captures must come back
 * key for key; the other kinds TikFinity forwards must have the shapes real data has (docs/REAL-DATA.md); every kind
 * TikFinity does not forward comes out TLC-style under --all-kinds and validates against protocol/tlc.
 */
import { describe, expect, it } from 'vitest';
import { parseFrame } from '../protocol/index.ts';
import { tlcExamples, tlcSchemas } from '../protocol/tlc/index.ts';
import { isForwardedByTikfinity, TIKTOK_EVENT_NAMES, TLC_MESSAGE_TYPES } from '../protocol/tiktok-names.ts';
import { codecOf, withDefaults } from '../test/proto-defaults.ts';
import { decodePushFrame } from './decode.ts';
import { mapWebcastMessage } from './tiktok-map.ts';
import { badge, encode, pushFrame, user, type Encoded } from './webcast-builders.ts';
import { encodeMore } from './webcast-kinds.ts';
import { CAPTURE_ID, FAN_CLUB_GIFT, fanClubGift, FLAGGED, messageFor, SAMPLES, SCTT_CHAT, SUBSCRIBE_CAPTURE, subscribeCapture } from './fixtures/real-webcast.ts';

type Frame = { event: string; data: Record<string, unknown> };

/** What the library decodes from `m` (sent as TikTok sends it), mapped with the capture's streamer account. */
async function decodeOne(m: Encoded): Promise<{ type: string; data: unknown }> {
  const d = await decodePushFrame(pushFrame([m]));
  expect(d.errors).toEqual([]);
  expect(d.raw).toHaveLength(1);
  return d.raw[0]!;
}

async function mapped(m: Encoded): Promise<Frame> {
  const r = await decodeOne(m);
  const f = mapWebcastMessage(r.type, r.data, CAPTURE_ID);
  expect(f).not.toBeNull();
  const check = parseFrame(JSON.stringify(f), { validate: true });
  expect(check.ok ? 'valid' : check.error).toBe('valid');
  return f as Frame;
}

describe('TikFinity captures come back key for key from the webcast messages behind them', () => {
  const cases = SAMPLES.filter((s) => s.event !== 'config').map((s, i) => [`${s.event} #${i}`, s] as const);
  it.each(cases)('%s', async (_n, sample) => {
    const f = await mapped(messageFor(sample)!);
    // Same keys in the same order, same values and types: compare the serialised frames.
    expect(JSON.stringify(f)).toBe(JSON.stringify(sample));
  });
});

describe('the user block as TLC v1 built it', () => {
  it("v1's picture choice: the 100x100 webp, not the first (shrink) URL; followRole from followStatus", async () => {
    const c = SCTT_CHAT;
    const u = user({ id: c.user.userId, handle: c.user.uniqueId, nickname: c.user.nickname, followStatus: c.user.followStatus, following: c.user.following, followers: c.user.followers, avatar: c.user.pictures });
    const f = await mapped(encode.chat('7231000000000000001', 1683800000000, { ...u, secUid: c.user.secUid }, c.comment));
    expect(f.data.profilePictureUrl).toBe(c.user.pictures[1]);
    expect(f.data).toMatchObject({ followRole: 1, followInfo: { followingCount: 888, followerCount: 803, followStatus: 1, pushStatus: 0 }, userDetails: { profilePictureUrls: c.user.pictures } });
  });

  it('a fan-club member: privilege badges for scene 10 and 8 in TikTok order, teamMemberLevel and gifterLevel from them, followRole 3', async () => {
    const f = await mapped(fanClubGift());
    const g = FAN_CLUB_GIFT;
    expect(f.data.userBadges).toEqual([
      { type: 'privilege', privilegeId: '7196929090442513157', level: 1, badgeSceneType: 10 },
      { type: 'privilege', privilegeId: '7138381176787506980', level: 5, badgeSceneType: 8 },
      { type: 'image', badgeSceneType: 6, displayType: 1, url: 'https://p19-webcast.tiktokcdn.com/webcast-sg/new_top_gifter_version_2.png~tplv-obj.image' },
    ]);
    expect(f.data).toMatchObject({
      userSceneTypes: [10, 8, 6, 6],
      followRole: 3,
      gifterLevel: 5,
      teamMemberLevel: 1,
      topGifterRank: 2,
      profilePictureUrl: g.user.pictures[0],
      receiverUserId: g.gift.receiver,
      timestamp: g.gift.sentMs,
      giftPictureUrl: g.image,
      describe: 'Sent Team Bracelet',
      groupId: g.gift.groupId,
      giftType: 1,
    });
  });

  it('a moderator badge (scene 1) makes isModerator, a new-gifter badge (scene 2, live_ng_) isNewGifter, a subscriber badge (4) isSubscriber', async () => {
    const mod = await mapped(encode.chat('1', 1750000000000, FLAGGED.moderator, 'be nice'));
    expect(mod.data).toMatchObject({ isModerator: true, isNewGifter: false, isSubscriber: false, gifterLevel: 14, teamMemberLevel: 9, followRole: 2, userSceneTypes: [1, 8, 10] });
    const ng = await mapped(encode.gift('2', 1750000000000, FLAGGED.newGifter, { id: 5655, name: 'Rose', diamonds: 1, type: 1, repeatCount: 1, repeatEnd: false, groupId: '1750000000001', image: 'https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/eba3a9bb85c33e017f3648eaf88d7189~tplv-obj.png' }));
    expect(ng.data).toMatchObject({ isModerator: false, isNewGifter: true, userBadges: [{ badgeSceneType: 2, type: 'live_ng_badge_title_new_gifter', name: 'New gifter' }], topGifterRank: 0, gifterLevel: 0 });
    const sub = await mapped(subscribeCapture());
    expect(sub.data).toMatchObject({ isSubscriber: true, gifterLevel: 12 });
  });
});

describe('the other kinds TikFinity forwards, as real data has them', () => {
  const host = user({ id: '6983923605470856197', handle: 'wizardofdealz', nickname: 'Wizard of Dealz' });

  it('subscribe: exhibitionType, subMonth, subscribingStatus before the user block, a 0 field absent (the TikFinity capture)', async () => {
    const f = await mapped(subscribeCapture());
    const s = SUBSCRIBE_CAPTURE;
    expect(Object.keys(f.data).slice(0, 4)).toEqual(['exhibitionType', 'subMonth', 'subscribingStatus', 'userId']);
    expect(f.data).toMatchObject({ exhibitionType: 2, subMonth: 1, subscribingStatus: 1, userId: s.userId, msgId: s.msgId, createTime: String(s.createTime) });
    expect(f.data).not.toHaveProperty('oldSubscribeStatus');
  });

  it('share: the real label and the guidance display types', async () => {
    for (const key of ['pm_mt_guidance_share', 'pm_mt_guidance_viewer_5_share', 'pm_mt_guidance_viewer_10_share']) {
      const f = await mapped(encode.social('3', 1750000000000, host, key));
      expect([f.event, f.data.displayType, f.data.label]).toEqual(['share', key, '{0:user} shared the LIVE']);
    }
  });

  it('envelope: the sender from the display text, coins/canOpen/timestamp (epoch s), no msgId; an empty one keeps v1\'s empty block', async () => {
    const full = await mapped(encodeMore.envelope('4', 1750016800000, host, { coins: 20, people: 8, unpackAt: 1750016860, envelopeId: '7515600000000000001' }));
    expect(full.data).toMatchObject({ uniqueId: 'wizardofdealz', coins: 20, canOpen: 8, timestamp: 1750016860, tikfinityUserId: 1888822 });
    expect(full.data).not.toHaveProperty('msgId');
    const empty = await mapped(encodeMore.envelope('5', 1750016800000, undefined, undefined));
    expect(empty.data).toEqual({ profilePictureUrl: null, userBadges: [], userDetails: {}, isModerator: false, isNewGifter: false, isSubscriber: false, topGifterRank: 0, gifterLevel: 0, teamMemberLevel: 0, ...CAPTURE_ID });
  });

  it('emote, questionNew, liveIntro: the sender and their own fields', async () => {
    // Emotes are subscriber emotes: their senders carry the subscriber badge (I16).
    const fan = user({ id: '7012345678901234568', handle: 'kofi_gh', nickname: 'Kofi', badges: [badge.subscriber(3)] });
    const em = await mapped(encodeMore.emote('6', 1750000000000, fan, '7240612154651708166', 'https://p16-webcast.tiktokcdn.com/webcast-va/sub_emote_7240612154651708166~tplv-obj.image'));
    expect(em.data).toMatchObject({ uniqueId: 'kofi_gh', isSubscriber: true, emoteId: '7240612154651708166', emoteImageUrl: 'https://p16-webcast.tiktokcdn.com/webcast-va/sub_emote_7240612154651708166~tplv-obj.image', msgId: '6' });
    const q = await mapped(encodeMore.question('7', 1750000000000, fan, 'what game is this?', '7515600000000000002'));
    expect(q.data).toMatchObject({ uniqueId: 'kofi_gh', questionText: 'what game is this?' });
    const li = await mapped(encodeMore.liveIntro('8', 1750000000000, host, '7515589000000000000', 'Chill stream, gifts welcome'));
    expect(li.data).toMatchObject({ uniqueId: 'wizardofdealz', id: '7515589000000000000', description: 'Chill stream, gifts welcome' });
  });

  it('linkMicBattle: users carry only userId, uniqueId, nickname and picture; linkMicArmies participants only userId and nickname, points in the tens of thousands', async () => {
    const b = await mapped(
      encodeMore.battle('9', 1750000000000, '7515600000000000003', [
        { id: '6983923605470856197', nickname: 'Wizard of Dealz', handle: 'wizardofdealz', avatar: 'https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/a1~tplv-tiktokx-cropcenter:100:100.webp' },
        { id: '7123456789012345678', nickname: 'Rival', handle: 'rival.live', avatar: 'https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/b2~tplv-tiktokx-cropcenter:100:100.webp' },
      ]),
    );
    const users = b.data.battleUsers as Array<Record<string, unknown>>;
    expect(users.map((u) => [u.userId, u.uniqueId, u.nickname, u.profilePictureUrl, u.secUid, u.userBadges, u.followRole])).toEqual([
      ['6983923605470856197', 'wizardofdealz', 'Wizard of Dealz', 'https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/a1~tplv-tiktokx-cropcenter:100:100.webp', '', [], 0],
      ['7123456789012345678', 'rival.live', 'Rival', 'https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/b2~tplv-tiktokx-cropcenter:100:100.webp', '', [], 0],
    ]);
    const a = await mapped(
      encodeMore.armies('10', 1750000000000, '7515600000000000003', 1, [
        { anchorId: '6983923605470856197', points: 24310, fans: [{ id: '7350695922194564138', nickname: 'letstalkshop', score: 20000 }] },
        { anchorId: '7123456789012345678', points: 3050, fans: [] },
      ]),
    );
    expect(a.data).toMatchObject({ battleStatus: 1, battleArmies: [{ hostUserId: '6983923605470856197', points: 24310 }, { hostUserId: '7123456789012345678', points: 3050, participants: [] }] });
    const p = (a.data.battleArmies as Array<{ participants: Array<Record<string, unknown>> }>)[0]!.participants[0]!;
    expect([p.userId, p.nickname, p.uniqueId, p.profilePictureUrl]).toEqual(['7350695922194564138', 'letstalkshop', '', '']);
  });

  it('roomUser: all 16 top viewers in rank order, 0-coin viewers included, without badges or follow fields', async () => {
    const ranks = Array.from({ length: 16 }, (_, i) => ({ user: user({ id: String(7300000000000000000n + BigInt(i)), handle: `viewer_${i}`, nickname: `Viewer ${i}` }), score: Math.max(0, 500 - i * 50) }));
    const f = await mapped(encode.roomUserSeq('13', 1750000000000, 1830, ranks));
    const top = f.data.topViewers as Array<{ user: Record<string, unknown>; coinCount: number }>;
    expect(top.map((t) => t.coinCount)).toEqual([500, 450, 400, 350, 300, 250, 200, 150, 100, 50, 0, 0, 0, 0, 0, 0]);
    expect(top.every((t) => Array.isArray(t.user.userBadges) && (t.user.userBadges as unknown[]).length === 0 && !('followInfo' in t.user) && t.user.topGifterRank === null)).toBe(true);
    expect(f.data.viewerCount).toBe(1830);
  });

  it('streamEnd: a control message with action 3 (ended) or 4 (suspended); other actions make no event', async () => {
    expect(await mapped(encode.control('11', 1750000000000, 4))).toEqual({ event: 'streamEnd', data: { action: 4, ...CAPTURE_ID } });
    const r = await decodeOne(encode.control('12', 1750000000000, 1));
    expect(mapWebcastMessage(r.type, r.data)).toBeNull();
  });
});

describe('every kind TikFinity does not forward comes out TLC-style with --all-kinds', () => {
  const kinds = TIKTOK_EVENT_NAMES.filter((k) => TLC_MESSAGE_TYPES[k] !== null && !isForwardedByTikfinity(k));
  it.each(kinds.map((k) => [k, TLC_MESSAGE_TYPES[k]!]))('%s (%s)', async (kind, type) => {
    // protocol/tlc's realistic example, encoded by the library as TikTok would send it.
    const example = tlcExamples[kind] as Record<string, unknown>;
    const payload = codecOf(type).encode(withDefaults(type, example)).finish();
    const d = await decodePushFrame(pushFrame([{ method: type, msgId: '7515600000000000100', payload }]), { allKinds: true });
    expect(d.errors).toEqual([]);
    const f = d.tlc.find((x) => x.event === kind);
    expect(f, `${kind} among ${d.tlc.map((x) => x.event).join(', ')}`).toBeDefined();
    const json = JSON.parse(JSON.stringify(f!.data)) as Record<string, unknown>;
    const check = tlcSchemas[kind].safeParse(json);
    expect(check.success ? 'valid' : check.error.message).toBe('valid');
    expect((json.common as { method: string }).method).toBe((example.common as { method: string }).method);
    // Without the flag the message is reported as decoded, no TikFinity event (or mapped, for a superFanBox envelope).
    const plain = await decodePushFrame(pushFrame([{ method: type, msgId: '7515600000000000100', payload }]));
    expect(plain.tlc).toEqual([]);
    expect(plain.noEvent.length + plain.events.length).toBe(1);
  });
});
