/**
 * The TikTok → TikFinity mapping, fed what tiktok-live-connector decodes from captured-shaped push frames (built with
 * its own encoders, decoded by its own decoder): every kind the recorder maps, each frame checked against protocol/.
 */
import { describe, expect, it } from 'vitest';
import { parseFrame } from '../protocol/index.ts';
import { decodePushFrame } from './decode.ts';
import { encode, pushFrame, T0, VIEWERS, type Encoded } from './webcast-builders.ts';

/** Decodes one message the way TikTok sends it (in a gzipped push frame) and returns what the mapping made of it. */
async function mapped(m: Encoded): Promise<{ event: string; data: Record<string, unknown> } | null> {
  const d = await decodePushFrame(pushFrame([m]));
  expect(d.errors).toEqual([]);
  const e = d.events[0];
  if (!e) return null;
  const r = parseFrame(JSON.stringify(e), { validate: true });
  expect(r.ok ? 'valid' : r.error).toBe('valid');
  return e as { event: string; data: Record<string, unknown> };
}

describe('WebcastSocialMessage: follow, share and the rest, told apart by the display text key', () => {
  it('a follow is a follow, with the fields TikFinity gives a follow', async () => {
    const e = await mapped(encode.social('1', T0, VIEWERS.theo, 'pm_main_follow_message_viewer_2'));
    expect(e).toMatchObject({
      event: 'follow',
      data: { uniqueId: 'theo_plays', nickname: 'Theo', userId: '7134567890123456780', displayType: 'pm_main_follow_message_viewer_2', label: '{0:user} followed the LIVE creator', profile: 'theo_plays', name: 'theo_plays', username: 'theo_plays', msgId: '1' },
    });
  });

  it('a share is a share (never a follow)', async () => {
    const e = await mapped(encode.social('2', T0, VIEWERS.lena, 'pm_mt_guidance_viewer_10_share'));
    expect(e?.event).toBe('share');
    expect(e?.data).toMatchObject({ uniqueId: 'lena.draws', displayType: 'pm_mt_guidance_viewer_10_share', label: '{0:user} shared the LIVE' });
    expect(e?.data).not.toHaveProperty('profile');
  });

  it('another social key is a plain social event', async () => {
    const e = await mapped(encode.social('3', T0, VIEWERS.kofi, 'pm_mt_guidance_viewer_friend_repost'));
    expect(e).toMatchObject({ event: 'social', data: { uniqueId: 'kofi_gh', label: '', displayType: 'pm_mt_guidance_viewer_friend_repost' } });
  });
});

describe('other kinds', () => {
  it('WebcastMemberMessage → member: actionId, the viewer, "joined"', async () => {
    const e = await mapped(encode.member('4', T0 + 655, VIEWERS.theo, 214));
    expect(e).toMatchObject({
      event: 'member',
      data: { actionId: 1, userId: '7134567890123456780', uniqueId: 'theo_plays', nickname: 'Theo', displayType: 'live_room_enter_toast', label: '{0:user} joined', msgId: '4', createTime: String(T0 + 655), followInfo: { followerCount: 23, followingCount: 150 } },
    });
  });

  it('WebcastMemberMessage keeps its action (3: subscribed), not always "joined"', async () => {
    expect((await mapped(encode.member('41', T0, VIEWERS.kofi, 215, 3)))?.data).toMatchObject({ actionId: 3, uniqueId: 'kofi_gh' });
  });

  it('WebcastRoomUserSeqMessage → roomUser: viewer count and top viewers in rank order with their coins', async () => {
    const e = await mapped(encode.roomUserSeq('5', T0, 214, [{ user: VIEWERS.kofi, score: 3 }, { user: VIEWERS.lena, score: 1 }]));
    expect(e?.event).toBe('roomUser');
    expect(e?.data).toMatchObject({ viewerCount: 214, topGifterRank: 0 });
    const top = e?.data.topViewers as Array<{ user: Record<string, unknown>; coinCount: number }>;
    expect(top.map((t) => [t.user.uniqueId, t.user.nickname, t.coinCount, t.user.topGifterRank])).toEqual([
      ['kofi_gh', 'Kofi', 3, null],
      ['lena.draws', 'Lena ✏️', 1, null],
    ]);
    // TikFinity's top viewers carry no follow fields.
    expect(top[0]!.user).not.toHaveProperty('followRole');
    expect(top[0]!.user).not.toHaveProperty('followInfo');
    expect(top[0]!.user.profilePictureUrl).toMatch(/^https:\/\/p16-sign-va\.tiktokcdn\.com\/tos-maliva-avt-0068\//);
  });

  it('WebcastLikeMessage → like: this tap count and the room total', async () => {
    expect((await mapped(encode.like('6', T0, VIEWERS.mara, 15, 48210)))?.data).toMatchObject({ likeCount: 15, totalLikeCount: 48210, uniqueId: 'mara.b', label: '{0:user} liked the LIVE' });
  });

  it('WebcastControlMessage: action 3 → streamEnd; other actions are not events', async () => {
    expect(await mapped(encode.control('7', T0, 3))).toMatchObject({ event: 'streamEnd', data: { action: 3 } });
    expect(await mapped(encode.control('8', T0, 1))).toBeNull();
  });

  it('WebcastGiftMessage of a non-streakable type keeps its type', async () => {
    const e = await mapped(encode.gift('9', T0, VIEWERS.kofi, { id: 6064, name: 'GG', diamonds: 1, type: 4, repeatCount: 1, repeatEnd: false, groupId: '', image: 'https://p19-webcast.tiktokcdn.com/img/gg.webp' }));
    expect(e?.data).toMatchObject({ giftType: 4, gift: { gift_type: 4, repeat_end: 0 }, repeatEnd: false, giftName: 'GG' });
  });
});
