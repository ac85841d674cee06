/**
 * Encoders for the webcast message types beyond chat, gift, like, member, social, roomUser and control
 * (recorder/webcast-builders.ts): subscriptions, emotes, envelopes, questions, the intro, battles, goals, polls, pins,
 * super fans. Built with tiktok-live-connector's own encoders, with the fields real captures carry (docs/REAL-DATA.md).
 */
import * as tlc from 'tiktok-live-connector';
import { common, encode, full, pushFrame, T0, VIEWERS, type Encoded, type U } from './webcast-builders.ts';

const image = (urls: string[]) => full(tlc.ImageModel, { urlList: urls, uri: urls[0]?.split('/').slice(3, 5).join('/') ?? '' });

/** A message type's encoder as tiktok-live-connector exports it. */
type Codec = { encode(m: never): { finish(): Uint8Array }; decode(b: Uint8Array): unknown };
const codec = (type: string): Codec => {
  const c = (tlc as unknown as Record<string, Codec | undefined>)[type];
  if (!c?.encode) throw new Error(`tiktok-live-connector has no encoder for ${type}`);
  return c;
};

/** Encodes `fields` over the type's defaults, with the `common` block every message carries. */
export function message(type: string, msgId: string, t: number, fields: Record<string, unknown> = {}, displayKey = '', displayUser?: U): Encoded {
  const c = codec(type);
  const m = { ...(c.decode(new Uint8Array(0)) as object), common: common(type, msgId, t, displayKey, displayUser), ...fields };
  return { method: type, msgId, payload: c.encode(m as never).finish() };
}

/** A battle anchor (BattleBaseUserInfo): all TikTok says of one is id, name, handle and picture. */
export interface Anchor {
  id: string;
  nickname: string;
  handle: string;
  avatar: string;
}

/** Encoders for the kinds TikFinity forwards beyond the basic ones, and for a few it does not. */
export const encodeMore = {
  /** A paid subscription (TikFinity's `subscribe`). */
  subNotify: (msgId: string, t: number, u: U, s: { subMonth: number; exhibitionType: number; subscribingStatus: number; oldSubscribeStatus: number; subscribeType?: number }): Encoded =>
    message('WebcastSubNotifyMessage', msgId, t, { user: u, exhibitionType: s.exhibitionType, subMonth: String(s.subMonth), subscribeType: s.subscribeType ?? 0, oldSubscribeStatus: s.oldSubscribeStatus, subscribingStatus: s.subscribingStatus, isSend: true }),
  /** A subscriber emote sent on its own. */
  emote: (msgId: string, t: number, u: U, emoteId: string, url: string): Encoded =>
    message('WebcastEmoteChatMessage', msgId, t, { user: u, emoteList: [full(tlc.EmoteModel, { emoteId, image: image([url]), emoteType: 1 })] }),
  /** A treasure chest: coins, how many can open it, when it opens (epoch seconds); the sender is named in the display text. */
  envelope: (msgId: string, t: number, sender: U | undefined, e: { coins: number; people: number; unpackAt: number; envelopeId: string } | undefined): Encoded =>
    message(
      'WebcastEnvelopeMessage',
      msgId,
      t,
      e ? { envelopeInfo: full(tlc.MessageRedEnvelopInfo, { envelopeId: e.envelopeId, businessType: 1, sendUserName: sender?.nickname ?? '', diamondCount: e.coins, peopleCount: e.people, unpackAt: e.unpackAt, sendUserId: sender?.id ?? '' }), display: 1 } : {},
      sender ? 'live_envelope_send_message' : '',
      sender,
    ),
  /** A Q&A question. */
  question: (msgId: string, t: number, u: U, text: string, questionId: string): Encoded =>
    message('WebcastQuestionNewMessage', msgId, t, { data: full(tlc.Question, { questionId, content: text, createTime: String(Math.floor(t / 1000)), user: u }) }),
  /** The room's intro text, carrying the host. */
  liveIntro: (msgId: string, t: number, host: U, id: string, text: string): Encoded =>
    message('WebcastLiveIntroMessage', msgId, t, { id, content: text, user: host, introMode: 1, contentLanguage: 'en' }),
  /** A battle starts between two anchors. */
  battle: (msgId: string, t: number, battleId: string, anchors: Anchor[]): Encoded =>
    message('WebcastLinkMicBattle', msgId, t, {
      battleId,
      action: 1,
      anchorsInfo: anchors.map((a) =>
        full(tlc.BattleUserInfoWrapper, { key: a.id, value: full(tlc.BattleUserInfo, { user: full(tlc.BattleBaseUserInfo, { userId: a.id, nickName: a.nickname, displayId: a.handle, avatarThumb: image([a.avatar]) }), tags: [] }) }),
      ),
    }),
  /** Battle scores: per anchor its points and the viewers who gave them (id, nickname, score, picture). */
  armies: (msgId: string, t: number, battleId: string, status: number, armies: Array<{ anchorId: string; points: number; fans: Array<{ id: string; nickname: string; score: number }> }>): Encoded =>
    message('WebcastLinkMicArmies', msgId, t, {
      battleId,
      triggerReason: status,
      armies: Object.fromEntries(
        armies.map((a) => [
          a.anchorId,
          full(tlc.BattleUserArmies, { hostscore: String(a.points), anchorIdStr: a.anchorId, userArmies: a.fans.map((f) => full(tlc.BattleUserArmy, { userId: f.id, userIdStr: f.id, nickname: f.nickname, score: String(f.score), diamondScore: String(f.score) })) }),
        ]),
      ),
    }),
  /** A LIVE goal's progress: a gift goal's sub-goal moved by a contributor. */
  goal: (msgId: string, t: number, g: { goalId: string; description: string; gift: { id: string; name: string; diamonds: number; image: string }; progress: number; target: number; by: U; count: number }): Encoded =>
    message('WebcastGoalUpdateMessage', msgId, t, {
      goal: full(tlc.LiveStreamGoal, {
        id: g.goalId,
        idStr: g.goalId,
        type: 1,
        status: 1,
        description: g.description,
        startTime: String(Math.floor(t / 1000) - 3600),
        subGoals: [full(tlc.LiveStreamSubGoal, { type: 1, id: g.gift.id, idStr: g.gift.id, progress: String(g.progress), target: String(g.target), gift: full(tlc.LiveStreamSubGoalGift, { name: g.gift.name, diamondCount: String(g.gift.diamonds), type: 1, icon: image([g.gift.image]) }) })],
      }),
      contributorId: g.by.id,
      contributorIdStr: g.by.id,
      contributorDisplayId: g.by.displayId,
      contributorAvatar: g.by.avatarThumb,
      contributeCount: String(g.count),
      contributeScore: String(g.count * g.gift.diamonds),
      giftRepeatCount: String(g.count),
      updateSource: 1,
    }),
  /** A chat message the host pinned. */
  roomPin: (msgId: string, t: number, host: U, chat: Encoded, pinTime: number): Encoded =>
    message('WebcastRoomPinMessage', msgId, t, { chatMessage: tlc.WebcastChatMessage.decode(chat.payload), method: 'WebcastChatMessage', pinTime: String(pinTime), operator: host, action: 1, displayDuration: '60', pinMsgId: chat.msgId }),
  /** A super fan's barrage (TLC emits it as superFan and barrage). */
  superFan: (msgId: string, t: number, fan: U): Encoded =>
    message('WebcastBarrageMessage', msgId, t, {
      msgType: 1,
      content: { key: 'ttlive_superfan_barrage_superfanupgraded', defaultPattern: '{0:user} is now a Super Fan!', defaultFormat: undefined, pieces: [full(tlc.TextPiece, { type: 11, userValue: full(tlc.TextPieceUser, { user: fan, withColon: false }) })] },
      duration: '3000',
    }),
};

/**
 * The frames of `recorder/fixtures/frames.b64`: frame 1 a chat, a Rose streak's end (3 Roses), a like and a join;
 * frame 2 two history chats (sent on joining), a follow, a share, the viewer count with the top gifters, a goal's
 * progress (decoded, no TikFinity event) and a type the library has no schema for.
 */
export function sampleFrames(): Uint8Array[] {
  const v = VIEWERS;
  const rose = 'https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/eba3a9bb85c33e017f3648eaf88d7189~tplv-obj.webp';
  const f1 = pushFrame(
    [
      encode.chat('7441986330000000001', T0 + 120, v.lena, 'hi from Lisbon! 👋 love the colours'),
      encode.gift('7441986330000000002', T0 + 380, v.kofi, { id: 5655, name: 'Rose', diamonds: 1, type: 1, repeatCount: 3, repeatEnd: true, groupId: '1750016800211', image: rose, receiver: '6983923605470856197', sentMs: T0 + 381 }),
      encode.like('7441986330000000003', T0 + 410, v.mara, 15, 48210),
      encode.member('7441986330000000004', T0 + 655, v.theo, 214),
    ],
    { seqId: '7441986301234567890', logId: '7441986301234567892', now: T0 + 700 },
  );
  const history = (m: Encoded): Encoded => ({ ...m, isHistory: true });
  const f2 = pushFrame(
    [
      history(encode.chat('7441986320000000007', T0 - 41_000, v.mara, 'first!')),
      history(encode.chat('7441986320000000008', T0 - 12_500, v.kofi, 'what brush is that?')),
      encode.social('7441986330000000005', T0 + 1210, v.theo, 'pm_main_follow_message_viewer_2'),
      encode.social('7441986330000000006', T0 + 1460, v.lena, 'pm_mt_guidance_viewer_10_share'),
      encode.roomUserSeq('7441986330000000009', T0 + 2000, 214, [
        { user: v.kofi, score: 3 },
        { user: v.lena, score: 1 },
      ]),
      encodeMore.goal('7441986330000000011', T0 + 2050, { goalId: '7441986000000000123', description: 'New brushes', gift: { id: '5655', name: 'Rose', diamonds: 1, image: rose }, progress: 3, target: 100, by: v.kofi, count: 3 }),
      encode.opaque('WebcastRoomStreamAdaptationMessage', '7441986330000000010'),
    ],
    { seqId: '7441986301234567895', logId: '7441986301234567896', now: T0 + 2100 },
  );
  return [f1, f2];
}
