/**
 * Builds TikTok webcast push frames the way TikTok's push server sends them, with tiktok-live-connector's own protobuf
 * encoders: a WebcastPushFrame (seqId, logId, `compress_type: gzip` header, payloadType "msg") whose payload is a
 * gzipped ProtoMessageFetchResult (cursor, internalExt, needAck, ...) holding several messages, some marked as history.
 * Used by the decode and TikTok-recorder tests, the mapping tests and `recorder/fixtures/make-frames.ts`.
 */
import { gzipSync } from 'node:zlib';
import * as tlc from 'tiktok-live-connector';

type Codec<T> = { encode(m: T): { finish(): Uint8Array }; decode(b: Uint8Array): T };

/** The library's encoders need every field: start from its own defaults (what decoding nothing gives). */
export function full<T>(c: Codec<T>, partial: Partial<T>): T {
  return { ...c.decode(new Uint8Array(0)), ...partial };
}

/** The room every sample message belongs to. */
export const ROOM_ID = '7441986254781357841';
/** Sample times: 2025-06-15 19:46:40 UTC and on, ms. */
export const T0 = 1750016800000;

const image = (urls: string[]) => full(tlc.ImageModel, { urlList: urls, uri: urls[0]?.split('/').slice(3, 5).join('/') ?? '' });

/** A viewer as TikTok sends one: ids as strings, an avatar in three CDN variants, follow counts. */
export function user(p: { id: string; handle: string; nickname: string; followers?: number; following?: number; followStatus?: number }) {
  const avatar = `https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/${p.id.slice(-12)}~tplv-tiktokx-cropcenter:100:100.webp?dr=14579&x-expires=1750190400&x-signature=Zm9vYmFy%3D`;
  return full(tlc.User, {
    id: p.id,
    nickname: p.nickname,
    displayId: p.handle,
    secUid: `MS4wLjABAAAA${p.id.slice(0, 10)}_${p.handle.replace(/[^a-z0-9]/gi, '')}`,
    avatarThumb: image([avatar, avatar.replace('p16-sign-va', 'p19-sign-va'), avatar.replace('.webp', '.jpeg')]),
    followInfo: full(tlc.FollowInfo, { followingCount: String(p.following ?? 180), followerCount: String(p.followers ?? 412), followStatus: String(p.followStatus ?? 0), pushStatus: '0' }),
    createTime: '0',
  });
}

type CommonData = ReturnType<typeof tlc.CommonMessageData.decode>;

/** The `common` block every message carries; `displayKey` is the text key TikTok uses to say what happened. */
export function common(method: string, msgId: string, createTime: number, displayKey = '') {
  return full(tlc.CommonMessageData, {
    method,
    msgId,
    roomId: ROOM_ID,
    createTime: String(createTime),
    isShowMsg: true,
    // The library exports no codec for this Text (tlc.Text is another type): a literal with every field.
    ...(displayKey ? { displayText: { key: displayKey, defaultPattern: '{0:user} ' + displayKey, defaultFormat: undefined, pieces: [] } as unknown as CommonData['displayText'] } : {}),
  });
}

/** One encoded message with its method name (what a ProtoMessageFetchResult lists). */
export interface Encoded {
  method: string;
  payload: Uint8Array;
  msgId: string;
  isHistory?: boolean;
}

type U = ReturnType<typeof user>;

/** Encoders for the message kinds the recorder maps. */
export const encode = {
  chat: (msgId: string, t: number, u: U, content: string): Encoded => ({
    method: 'WebcastChatMessage',
    msgId,
    payload: tlc.WebcastChatMessage.encode(full(tlc.WebcastChatMessage, { common: common('WebcastChatMessage', msgId, t), user: u, content, contentLanguage: 'en' })).finish(),
  }),
  gift: (msgId: string, t: number, u: U, g: { id: number; name: string; diamonds: number; type: number; repeatCount: number; repeatEnd: boolean; groupId: string; image: string }): Encoded => ({
    method: 'WebcastGiftMessage',
    msgId,
    payload: tlc.WebcastGiftMessage.encode(
      full(tlc.WebcastGiftMessage, {
        common: common('WebcastGiftMessage', msgId, t, 'webcast_aweme_gift_send_message'),
        user: u,
        giftId: String(g.id),
        repeatCount: g.repeatCount,
        repeatEnd: g.repeatEnd ? 1 : 0,
        groupId: g.groupId,
        gift: full(tlc.Gift, { id: String(g.id), name: g.name, diamondCount: g.diamonds, type: g.type, describe: `sent ${g.name}`, image: image([g.image]) }),
      }),
    ).finish(),
  }),
  like: (msgId: string, t: number, u: U, count: number, total: number): Encoded => ({
    method: 'WebcastLikeMessage',
    msgId,
    payload: tlc.WebcastLikeMessage.encode(full(tlc.WebcastLikeMessage, { common: common('WebcastLikeMessage', msgId, t, 'pm_mt_msg_viewer'), user: u, count, total: String(total) })).finish(),
  }),
  /** action 1 = joined, 3 = subscribed. */
  member: (msgId: string, t: number, u: U, memberCount: number, action = 1): Encoded => ({
    method: 'WebcastMemberMessage',
    msgId,
    payload: tlc.WebcastMemberMessage.encode(full(tlc.WebcastMemberMessage, { common: common('WebcastMemberMessage', msgId, t, 'live_room_enter_toast'), user: u, action, memberCount })).finish(),
  }),
  /** A social message: TikTok tells follow from share only by the display text key. */
  social: (msgId: string, t: number, u: U, displayKey: string): Encoded => ({
    method: 'WebcastSocialMessage',
    msgId,
    payload: tlc.WebcastSocialMessage.encode(full(tlc.WebcastSocialMessage, { common: common('WebcastSocialMessage', msgId, t, displayKey), user: u, action: displayKey.includes('follow') ? '1' : '3', followCount: '413' })).finish(),
  }),
  roomUserSeq: (msgId: string, t: number, total: number, ranks: Array<{ user: U; score: number }>): Encoded => ({
    method: 'WebcastRoomUserSeqMessage',
    msgId,
    payload: tlc.WebcastRoomUserSeqMessage.encode(
      full(tlc.WebcastRoomUserSeqMessage, {
        common: common('WebcastRoomUserSeqMessage', msgId, t),
        total: String(total),
        totalUser: String(total * 3),
        popStr: String(total),
        ranks: ranks.map((r, i) => full(tlc.Contributor, { user: r.user, score: String(r.score), rank: String(i + 1), delta: '0' })),
      }),
    ).finish(),
  }),
  /** action 3 = the stream ended. */
  control: (msgId: string, t: number, action: number): Encoded => ({
    method: 'WebcastControlMessage',
    msgId,
    payload: tlc.WebcastControlMessage.encode(full(tlc.WebcastControlMessage, { common: common('WebcastControlMessage', msgId, t), action })).finish(),
  }),
  /** A message type with no TikFinity counterpart and no schema in the library: some opaque bytes. */
  opaque: (method: string, msgId: string): Encoded => ({ method, msgId, payload: Uint8Array.from([0x0a, 0x04, 0x08, 0x01, 0x10, 0x02, 0x10, 0x96, 0x01]) }),
};

/** A ProtoMessageFetchResult as TikTok fills one (cursor, internalExt, needAck, the push server it names). */
export function fetchResult(messages: Encoded[], o: { now?: number; pushServer?: string; needAck?: boolean } = {}): Uint8Array {
  const now = o.now ?? T0;
  return tlc.ProtoMessageFetchResult.encode(
    full(tlc.ProtoMessageFetchResult, {
      messages: messages.map((m, i) =>
        full(tlc.BaseProtoMessage, { method: m.method, payload: Buffer.from(m.payload), msgId: m.msgId, msgType: 0, offset: String(i), isHistory: !!m.isHistory }),
      ),
      cursor: `t-${now}_r-1_d-1_u-1_fh-7441986254781357841_t-${now}`,
      fetchInterval: '1000',
      now: String(now),
      internalExt: `internal_src:dim|wss_push_room_id:${ROOM_ID}|wss_push_did:7441986000000000000|first_req_ms:${now}|fetch_time:${now}|seq:1|wss_info:0-${now}-0-0`,
      fetchType: 1,
      routeParams: {},
      heartbeatDuration: '10000',
      needAck: o.needAck ?? true,
      pushServer: o.pushServer ?? 'wss://webcast16-ws-useast1a.tiktok.com/webcast/im/push/v2/',
      isFirst: false,
      historyNoMore: false,
    } as Partial<ReturnType<typeof tlc.ProtoMessageFetchResult.decode>>),
  ).finish();
}

/** A WebcastPushFrame carrying `messages`, gzipped as TikTok's push server sends them (the `compress_type` header says so). */
export function pushFrame(messages: Encoded[], o: { gzip?: boolean; seqId?: string; logId?: string; now?: number; needAck?: boolean } = {}): Uint8Array {
  const gz = o.gzip ?? true;
  const body = fetchResult(messages, { now: o.now, needAck: o.needAck });
  return tlc.WebcastPushFrame.encode(
    full(tlc.WebcastPushFrame, {
      seqId: o.seqId ?? '7441986301234567890',
      logId: o.logId ?? '7441986301234567891',
      service: '0',
      method: '0',
      headers: gz ? [full(tlc.PushHeader, { key: 'compress_type', value: 'gzip' }), full(tlc.PushHeader, { key: 'im-cursor', value: `t-${o.now ?? T0}` })] : [],
      payloadEncoding: 'pb',
      payloadType: 'msg',
      payload: Buffer.from(gz ? gzipSync(body) : body),
    }),
  ).finish();
}

/** The viewers of the sample frames. */
export const VIEWERS = {
  lena: user({ id: '6951234567890123457', handle: 'lena.draws', nickname: 'Lena ✏️', followers: 1280, following: 311 }),
  kofi: user({ id: '7012345678901234568', handle: 'kofi_gh', nickname: 'Kofi', followers: 87, following: 402, followStatus: 1 }),
  mara: user({ id: '6823456789012345679', handle: 'mara.b', nickname: 'Mara 🌙', followers: 5400, following: 90 }),
  theo: user({ id: '7134567890123456780', handle: 'theo_plays', nickname: 'Theo', followers: 23, following: 150 }),
};

/**
 * The frames of `recorder/fixtures/frames.b64`: frame 1 a chat, a Rose streak's end (3 Roses), a like and a join;
 * frame 2 two history chats (sent on joining), a follow, a share, the viewer count with the top gifters, and a type
 * with no TikFinity counterpart.
 */
export function sampleFrames(): Uint8Array[] {
  const v = VIEWERS;
  const rose = 'https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/eba3a9bb85c33e017f3648eaf88d7189~tplv-obj.webp';
  const f1 = pushFrame(
    [
      encode.chat('7441986330000000001', T0 + 120, v.lena, 'hi from Lisbon! 👋 love the colours'),
      encode.gift('7441986330000000002', T0 + 380, v.kofi, { id: 5655, name: 'Rose', diamonds: 1, type: 1, repeatCount: 3, repeatEnd: true, groupId: '1750016800211', image: rose }),
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
      encode.opaque('WebcastHourlyRankRewardMessage', '7441986330000000010'),
    ],
    { seqId: '7441986301234567895', logId: '7441986301234567896', now: T0 + 2100 },
  );
  return [f1, f2];
}
