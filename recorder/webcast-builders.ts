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

type Badge = ReturnType<typeof tlc.BadgeStruct.decode>;

/** A viewer as TikTok sends one: ids as strings, an avatar in three CDN variants, follow counts, badges. */
export function user(p: { id: string; handle: string; nickname: string; followers?: number; following?: number; followStatus?: number; badges?: Badge[]; avatar?: string[] }) {
  const avatar = `https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/${p.id.slice(-12)}~tplv-tiktokx-cropcenter:100:100.webp?dr=14579&x-expires=1750190400&x-signature=Zm9vYmFy%3D`;
  return full(tlc.User, {
    id: p.id,
    nickname: p.nickname,
    displayId: p.handle,
    secUid: `MS4wLjABAAAA${p.id.slice(0, 10)}_${p.handle.replace(/[^a-z0-9]/gi, '')}`,
    avatarThumb: image(p.avatar ?? [avatar, avatar.replace('p16-sign-va', 'p19-sign-va'), avatar.replace('.webp', '.jpeg')]),
    followInfo: full(tlc.FollowInfo, { followingCount: String(p.following ?? 180), followerCount: String(p.followers ?? 412), followStatus: String(p.followStatus ?? 0), pushStatus: '0' }),
    createTime: '0',
    badgeList: p.badges ?? [],
  });
}

const WEBCAST = 'https://p16-webcast.tiktokcdn.com/webcast-sg';
const TOP_GIFTER_ART = 'new_top_gifter_version_2.png~tplv-obj.image';
const privilege = (privilegeId: string, level: number) =>
  full(tlc.PrivilegeLogExtra, { dataVersion: '2', privilegeId, privilegeVersion: '0', privilegeOrderId: `mock_fix_width_transparent_${privilegeId}`, level: String(level) });
const combine = (icon: string, str: string) => full(tlc.CombineBadgeStruct, { displayType: 1, icon: image([icon]), str });
const imageBadge = (sceneType: number, art: string) =>
  full(tlc.BadgeStruct, { displayType: 1, sceneType, display: true, image: full(tlc.ImageBadge, { displayType: 1, image: image([`${WEBCAST}/${art}`, `${WEBCAST.replace('p16', 'p19')}/${art}`]) }) });

/**
 * Badges the way TikTok puts them in a User's badgeList (BadgeStruct; scene types from TikTok's BadgeSceneType enum).
 * Gifter level, fan club and top gifter repeat the structure of real captures (docs/REAL-DATA.md): a combine badge
 * carrying a privilege's level, and for the top gifter an image badge beside a combine badge "No. <rank>".
 */
export const badge = {
  /** Scene 8 (USER_GRADE): the gifter level. */
  gifterLevel: (level: number, privilegeId = '7138381861675374372'): Badge =>
    full(tlc.BadgeStruct, { displayType: 4, sceneType: 8, display: true, privilegeLogExtra: privilege(privilegeId, level), combine: combine(`${WEBCAST}/grade_badge_icon_lite_lv${level}_v2.png~tplv-obj.image`, String(level)) }),
  /** Scene 10 (FANS): the fan club (team) level and the club's name. */
  fanClub: (level: number, club: string, privilegeId = '7196929090442513157'): Badge =>
    full(tlc.BadgeStruct, { displayType: 4, sceneType: 10, display: true, privilegeLogExtra: privilege(privilegeId, level), combine: combine(`${WEBCAST}/fans_badge_icon_lv${level}_v0.png~tplv-obj.image`, club) }),
  /** Scene 6 (RANK_LIST): the top-gifter artwork, then the same artwork with its rank. */
  topGifter: (rank: number): Badge[] => [
    imageBadge(6, TOP_GIFTER_ART),
    full(tlc.BadgeStruct, { displayType: 4, sceneType: 6, display: true, combine: combine(`${WEBCAST}/${TOP_GIFTER_ART}`, `No. ${rank}`) }),
  ],
  /** Scene 1 (ADMIN): a moderator. */
  moderator: (): Badge => imageBadge(1, 'moderater_badge_icon.png~tplv-obj.image'),
  /** Scene 4 (SUBSCRIBER): a subscriber's badge (its artwork lives under /sub_...). */
  subscriber: (months = 1): Badge => imageBadge(4, `sub_badge_${months}m.png~tplv-obj.image`),
  /** Scene 2 (FIRST_RECHARGE): the new-gifter badge, a text badge keyed live_ng_... (what v1 looked for). */
  newGifter: (): Badge =>
    full(tlc.BadgeStruct, { displayType: 2, sceneType: 2, display: true, text: full(tlc.TextBadge, { displayType: 2, key: 'live_ng_badge_title_new_gifter', defaultPattern: 'New gifter', pieces: [] }) }),
};

type CommonData = ReturnType<typeof tlc.CommonMessageData.decode>;
/** A user as the encoders take one. */
export type U = ReturnType<typeof user>;

/**
 * What TikTok's display text says for each key (its defaultPattern): what v1 (and so TikFinity) passes on as `label`.
 * Values of real captures (TikFinity's and TLC's; docs/REAL-DATA.md).
 */
export const DISPLAY_PATTERNS: Record<string, string> = {
  webcast_aweme_gift_send_messageNew: '{0:user} sent {1:gift} × {2:string}',
  pm_mt_msg_viewer: '{0:user} liked the LIVE',
  live_room_enter_toast: '{0:user} joined',
  pm_main_follow_message_viewer_2: '{0:user} followed the LIVE creator',
  pm_mt_guidance_share: '{0:user} shared the LIVE',
  pm_mt_guidance_viewer_5_share: '{0:user} shared the LIVE',
  pm_mt_guidance_viewer_10_share: '{0:user} shared the LIVE',
};

/**
 * The `common` block every message carries; `displayKey` is the text key TikTok uses to say what happened, and
 * `displayUser` the user its first piece names (an envelope's sender).
 */
export function common(method: string, msgId: string, createTime: number, displayKey = '', displayUser?: U) {
  const pieces = displayUser ? [full(tlc.TextPiece, { type: 11, userValue: full(tlc.TextPieceUser, { user: displayUser, withColon: false }) })] : [];
  return full(tlc.CommonMessageData, {
    method,
    msgId,
    roomId: ROOM_ID,
    createTime: String(createTime),
    isShowMsg: true,
    // The library exports no codec for this Text (tlc.Text is another type): a literal with every field.
    ...(displayKey
      ? { displayText: { key: displayKey, defaultPattern: DISPLAY_PATTERNS[displayKey] ?? '', defaultFormat: undefined, pieces } as unknown as CommonData['displayText'] }
      : {}),
  });
}

/** One encoded message with its method name (what a ProtoMessageFetchResult lists). */
export interface Encoded {
  method: string;
  payload: Uint8Array;
  msgId: string;
  isHistory?: boolean;
}

/** Encoders for the message kinds the recorder maps. */
export const encode = {
  chat: (msgId: string, t: number, u: U, content: string): Encoded => ({
    method: 'WebcastChatMessage',
    msgId,
    payload: tlc.WebcastChatMessage.encode(full(tlc.WebcastChatMessage, { common: common('WebcastChatMessage', msgId, t), user: u, content, contentLanguage: 'en' })).finish(),
  }),
  /** `receiver` (the streamer) and `sentMs` go where TikTok puts them: monitorInfo's toUserId and send time. */
  gift: (msgId: string, t: number, u: U, g: { id: number; name: string; diamonds: number; type: number; repeatCount: number; repeatEnd: boolean; groupId: string; image: string | string[]; receiver?: string; sentMs?: number; describe?: string }): Encoded => ({
    method: 'WebcastGiftMessage',
    msgId,
    payload: tlc.WebcastGiftMessage.encode(
      full(tlc.WebcastGiftMessage, {
        common: common('WebcastGiftMessage', msgId, t, 'webcast_aweme_gift_send_messageNew'),
        user: u,
        giftId: String(g.id),
        repeatCount: g.repeatCount,
        repeatEnd: g.repeatEnd ? 1 : 0,
        groupId: g.groupId,
        gift: full(tlc.Gift, { id: String(g.id), name: g.name, diamondCount: g.diamonds, type: g.type, combo: g.type === 1, describe: g.describe ?? `sent ${g.name}`, image: image(typeof g.image === 'string' ? [g.image] : g.image) }),
        monitorInfo: full(tlc.GiftMonitorInfo, { anchorId: g.receiver ?? '0', toUserId: g.receiver ?? '0', sendGiftSendMessageSuccessMs: String(g.sentMs ?? 0), fromPlatform: 'android' }),
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
  /** A message type the library has no schema for (so it stays undecoded): some opaque bytes. */
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
