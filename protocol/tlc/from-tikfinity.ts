/**
 * toTlcData: a tiksim frame's data → TLC-style data. The kinds TikFinity forwards carry TikFinity's flat TLC v1
 * shape (PROTOCOL.md); they are rebuilt as the v3-proto object TLC v2.5 emits for the same message. Every other kind
 * already carries TLC-style data and is only validated. The result always validates against tlcSchemas[kind].
 *
 * What TLC v2.5's objects lack that TikFinity's frames have (kept as TLC has it, for consumers to note): no flat
 * user fields (`user.displayId` is uniqueId, `user.id` is userId, `user.avatarThumb.urlList[0]` the picture); chat
 * `content` (not `comment`); like `count`/`total` (not likeCount/totalLikeCount); roomUser `total` (not viewerCount);
 * gift `repeatEnd` is 0/1, the gift's name/diamonds/type sit in `gift`; no `label`/`displayType` but
 * `common.displayText.key`/`defaultPattern`; no tikfinityUserId/tikfinityUsername.
 */
import type { z } from 'zod';
import { isTiktokEventName, TIKFINITY_TO_TLC, type TiktokEventName } from '../tiktok-names.ts';
import type { TlcBadge, TlcCommon, TlcImage, TlcUser } from './common.ts';
import { tlcSchemas } from './registry.ts';

/** Why a frame's data could not be turned into TLC-style data. */
export interface TlcConversionError {
  /** E_UNKNOWN_EVENT: no such kind; E_NO_TLC_EVENT: a TikFinity-only kind (config); E_BAD_FIELD: data does not fit. */
  code: 'E_UNKNOWN_EVENT' | 'E_NO_TLC_EVENT' | 'E_BAD_FIELD';
  message: string;
}

/** toTlcData's result: the TLC name (subscribe → subNotify) and its data, or why not. */
export type TlcConversion = { ok: true; kind: TiktokEventName; data: Record<string, unknown> } | { ok: false; error: TlcConversionError };

/** What a TikFinity frame does not carry but a TLC object does. */
export interface TlcOptions {
  /** The room id for `common.roomId` ("0" when unknown, as ts-proto leaves an unset tlcInt64). */
  roomId?: string;
}

type Obj = Record<string, unknown>;

const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(Math.trunc(v)) : d);
const num = (v: unknown, d = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : d);
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const image = (urls: readonly string[]): TlcImage => ({ urlList: [...urls] });

/** The webcast message types of the forwarded kinds, for `common.method`. */
const METHOD: Record<string, string> = {
  chat: 'WebcastChatMessage', gift: 'WebcastGiftMessage', like: 'WebcastLikeMessage', member: 'WebcastMemberMessage',
  roomUser: 'WebcastRoomUserSeqMessage', follow: 'WebcastSocialMessage', share: 'WebcastSocialMessage', social: 'WebcastSocialMessage',
  subscribe: 'WebcastSubNotifyMessage', emote: 'WebcastEmoteChatMessage', envelope: 'WebcastEnvelopeMessage',
  questionNew: 'WebcastQuestionNewMessage', liveIntro: 'WebcastLiveIntroMessage', linkMicBattle: 'WebcastLinkMicBattle',
  linkMicArmies: 'WebcastLinkMicArmies',
};

/**
 * v1 `userBadges` entries of one scene → the BadgeStruct TLC v1 read them from (the inverse of its mapBadges, which
 * emits a struct's text badge, then its image badge, then its level badge: one struct may give several entries).
 */
function badgeFromFlat(entries: Obj[], sceneType: number): TlcBadge {
  const b: TlcBadge = { displayType: 4, sceneType, display: true };
  for (const x of entries) {
    if (x.type === 'privilege') {
      // A level badge (gifter level, fan club): TLC v1 read the level from privilegeLogExtra.
      b.privilegeLogExtra = { privilegeId: str(x.privilegeId), level: str(x.level, '0') };
      b.combine ??= { str: str(x.level) };
    } else if (x.type === 'image' || typeof x.url === 'string') {
      b.displayType = num(x.displayType, 1);
      b.image = { displayType: b.displayType, image: image([str(x.url)]) };
    } else {
      b.displayType = 2;
      b.text = { displayType: 2, key: str(x.type), defaultPattern: str(x.name), pieces: [] };
    }
  }
  return b;
}

/** Where an entry sits in the struct mapBadges read it from: text, then image, then level. */
const partRank = (x: Obj): number => (x.type === 'privilege' ? 2 : x.type === 'image' || typeof x.url === 'string' ? 1 : 0);

/**
 * v1's `userBadges` and `userSceneTypes` → TLC's `badgeList`: one struct per listed scene, in order. A struct takes the
 * first unused badge of its scene and the badges right after it that could share its struct (same scene, later part:
 * text, image, level). A scene with no badge left was a string or combine badge v1 did not map; the rank list's
 * (scene 6) holds "No. <topGifterRank>", where today's TikTok puts the rank and the decoder reads it back.
 */
function badgeListFromFlat(flat: unknown[], scenes: unknown[], topGifterRank: number): TlcBadge[] {
  const all = flat.map((b) => obj(b));
  const used = new Set<number>();
  const out: TlcBadge[] = [];
  for (const sc of scenes) {
    const scene = num(sc);
    let i = all.findIndex((b, j) => !used.has(j) && num(b.badgeSceneType) === scene);
    if (i < 0) {
      out.push({ displayType: 4, sceneType: scene, display: true, combine: { str: scene === 6 && topGifterRank > 0 ? `No. ${topGifterRank}` : '' } });
      continue;
    }
    const take = [all[i]!];
    used.add(i);
    while (i + 1 < all.length && !used.has(i + 1) && num(all[i + 1]!.badgeSceneType) === scene && partRank(all[i + 1]!) > partRank(all[i]!)) {
      take.push(all[++i]!);
      used.add(i);
    }
    out.push(badgeFromFlat(take, scene));
  }
  all.forEach((b, j) => used.has(j) || out.push(badgeFromFlat([b], num(b.badgeSceneType))));
  return out;
}

/** TikFinity's flat user block (or a topViewers/battle user) → TLC's User. */
export function tlcUserFromFlat(d: Obj): TlcUser {
  const details = obj(d.userDetails);
  const urls = arr(details.profilePictureUrls).filter((u): u is string => typeof u === 'string');
  const picture = str(d.profilePictureUrl);
  const fi = obj(d.followInfo);
  const badges = badgeListFromFlat(arr(d.userBadges), arr(d.userSceneTypes), num(d.topGifterRank));
  const user: TlcUser = {
    id: str(d.userId, '0'),
    nickname: str(d.nickname),
    displayId: str(d.uniqueId),
    secUid: str(d.secUid),
    avatarThumb: image(urls.length > 0 ? urls : picture !== '' ? [picture] : []),
    bioDescription: str(details.bioDescription),
    createTime: str(details.createTime, '0'),
  };
  if (d.followInfo !== undefined) {
    user.followInfo = { followingCount: str(fi.followingCount, '0'), followerCount: str(fi.followerCount, '0'), followStatus: str(fi.followStatus, str(d.followRole, '0')), pushStatus: str(fi.pushStatus, '0') };
  }
  if (typeof d.gifterLevel === 'number' && d.gifterLevel > 0) user.payGrade = { level: d.gifterLevel };
  if (typeof d.teamMemberLevel === 'number' && d.teamMemberLevel > 0) user.fansClub = { data: { clubName: '', level: d.teamMemberLevel } };
  if (d.isModerator !== undefined) user.userAttr = { isMuted: false, isAdmin: d.isModerator === true, isSuperAdmin: false };
  if (d.userBadges !== undefined) user.badgeList = badges;
  if (d.followRole !== undefined) {
    user.isFollowing = num(d.followRole) >= 1;
    user.isFollower = num(d.followRole) === 2;
  }
  if (d.isSubscriber !== undefined) user.isSubscribe = d.isSubscriber === true;
  return user;
}

function common(event: string, d: Obj, opts: TlcOptions, key?: string, pattern?: string): TlcCommon {
  const c: TlcCommon = { method: METHOD[event] ?? '', msgId: str(d.msgId, '0'), roomId: opts.roomId ?? '0', createTime: str(d.createTime ?? d.timestamp, '0'), isShowMsg: true };
  const k = key ?? (typeof d.displayType === 'string' ? d.displayType : undefined);
  if (k !== undefined) c.displayText = { key: k, defaultPattern: pattern ?? str(d.label), pieces: [] };
  return c;
}

/** The forwarded kinds' converters, TikFinity data → TLC v2.5 object. */
const FROM_FLAT: Record<string, (d: Obj, o: TlcOptions) => Obj> = {
  chat: (d, o) => ({
    common: common('chat', d, o),
    user: tlcUserFromFlat(d),
    content: str(d.comment),
    emotes: arr(d.emotes).map((e) => {
      const x = obj(e);
      return { index: num(x.placeInComment), emote: { emoteId: str(x.emoteId, '0'), image: image([str(x.emoteImageUrl)]) } };
    }),
  }),
  gift: (d, o) => {
    const g = obj(d.gift);
    const type = num(d.giftType, num(g.gift_type));
    return {
      common: common('gift', d, o, undefined, str(d.label)),
      giftId: str(d.giftId, '0'),
      repeatCount: num(d.repeatCount, 1),
      comboCount: num(d.repeatCount, 1),
      groupCount: 1,
      repeatEnd: d.repeatEnd === true || num(g.repeat_end) === 1 ? 1 : 0,
      groupId: str(d.groupId, '0'),
      fanTicketCount: num(d.diamondCount) * num(d.repeatCount, 1),
      user: tlcUserFromFlat(d),
      toUser: { id: str(d.receiverUserId, '0') },
      // Where TLC v1 read TikFinity's `timestamp` and `receiverUserId` from (v1's giftExtra).
      monitorInfo: { sendGiftSendMessageSuccessMs: str(d.timestamp, '0'), toUserId: str(d.receiverUserId, '0') },
      gift: { id: str(d.giftId, '0'), name: str(d.giftName), diamondCount: num(d.diamondCount), type, combo: type === 1, describe: str(d.describe), image: image(typeof d.giftPictureUrl === 'string' ? [d.giftPictureUrl] : []) },
      ...(d.userIdentity !== undefined ? { userIdentity: { isGiftGiverOfAnchor: false, isSubscriberOfAnchor: false, isMutualFollowingWithAnchor: false, isFollowerOfAnchor: false, isModeratorOfAnchor: false, isAnchor: false, ...obj(d.userIdentity) } } : {}),
    };
  },
  like: (d, o) => ({ common: common('like', d, o), user: tlcUserFromFlat(d), count: num(d.likeCount, 1), total: str(d.totalLikeCount, '0') }),
  member: (d, o) => ({ common: common('member', d, o), user: tlcUserFromFlat(d), memberCount: num(d.memberCount), action: num(d.actionId, 1) }),
  roomUser: (d, o) => ({
    common: common('roomUser', d, o),
    total: str(d.viewerCount, '0'),
    ranks: arr(d.topViewers).map((v, i) => {
      const x = obj(v);
      return { score: str(x.coinCount, '0'), rank: String(i + 1), delta: '0', user: tlcUserFromFlat(obj(x.user)) };
    }),
  }),
  // A social message: TLC tells follow from share by common.displayText.key; action 1 follow, 3 share.
  follow: (d, o) => ({ common: common('follow', d, o), user: tlcUserFromFlat(d), action: '1', shareType: '0', followCount: str(d.followerCount, '0') }),
  share: (d, o) => ({ common: common('share', d, o), user: tlcUserFromFlat(d), action: '3', shareType: '0', shareCount: 1 }),
  social: (d, o) => ({ common: common('social', d, o), user: tlcUserFromFlat(d), action: '0', shareType: '0' }),
  subscribe: (d, o) => ({
    common: common('subscribe', d, o),
    user: tlcUserFromFlat(d),
    exhibitionType: num(d.exhibitionType),
    subMonth: str(d.subMonth, '0'),
    // TikFinity's capture has no subscribeType: TikTok sent 0, which it leaves out.
    subscribeType: 0,
    oldSubscribeStatus: num(d.oldSubscribeStatus),
    subscribingStatus: num(d.subscribingStatus),
  }),
  emote: (d, o) => ({ common: common('emote', d, o), user: tlcUserFromFlat(d), emoteList: [{ emoteId: str(d.emoteId, '0'), image: image([str(d.emoteImageUrl)]) }] }),
  envelope: (d, o) => {
    // TikFinity's `timestamp` (opening time) may be ms in older captures; TLC's unpackAt is epoch seconds. The sender
    // sits in the common header's display text (where TLC v1 found it); about half the real frames have neither.
    const ts = num(d.timestamp);
    const c = common('envelope', d, o);
    if (d.userId !== undefined) c.displayText = { key: str(d.displayType), defaultPattern: str(d.label), pieces: [{ type: 11, userValue: { user: tlcUserFromFlat(d), withColon: false } }] };
    return {
      common: c,
      ...(d.coins === undefined
        ? {}
        : { envelopeInfo: { envelopeId: str(d.msgId, '0'), businessType: 1, sendUserName: str(d.nickname), diamondCount: num(d.coins), peopleCount: num(d.canOpen), unpackAt: ts > 1e11 ? Math.floor(ts / 1000) : ts, sendUserId: str(d.userId, '0'), sendUserAvatar: image(typeof d.profilePictureUrl === 'string' ? [d.profilePictureUrl] : []), createAt: str(d.createTime, '0') } }),
      display: 1,
    };
  },
  questionNew: (d, o) => ({ common: common('questionNew', d, o), data: { questionId: str(d.msgId, '0'), content: str(d.questionText), answerStatus: 0, createTime: str(d.createTime, '0'), user: tlcUserFromFlat(d) } }),
  liveIntro: (d, o) => ({ common: common('liveIntro', d, o), id: str(d.id, '0'), auditStatus: 1, content: str(d.description), user: tlcUserFromFlat(d) }),
  linkMicBattle: (d, o) => ({
    common: common('linkMicBattle', d, o),
    battleId: str(d.battleId ?? d.msgId, '0'),
    action: 1,
    anchorsInfo: arr(d.battleUsers).map((u) => {
      const x = obj(u);
      const pic = str(x.profilePictureUrl);
      return { key: str(x.userId, '0'), value: { user: { userId: str(x.userId, '0'), nickName: str(x.nickname), avatarThumb: image(pic === '' ? [] : [pic]), displayId: str(x.uniqueId) } } };
    }),
  }),
  linkMicArmies: (d, o) => ({
    common: common('linkMicArmies', d, o),
    battleId: str(d.battleId ?? '0', '0'),
    triggerReason: num(d.battleStatus),
    armies: Object.fromEntries(
      arr(d.battleArmies).map((a) => {
        const x = obj(a);
        const host = str(x.hostUserId, '0');
        const parts = arr(x.participants).map((p) => {
          const u = obj(p);
          return { userId: str(u.userId, '0'), score: str(u.points ?? u.score ?? 0, '0'), nickname: str(u.nickname) };
        });
        return [host, { userArmies: parts, hostscore: str(x.points, '0'), anchorIdStr: host }];
      }),
    ),
  }),
  streamEnd: (d) => ({ action: num(d.action, 3) }),
};

/** Zod's first issue as one line: where and what. */
function firstIssue(e: z.ZodError): string {
  const i = e.issues[0];
  return i ? `${i.path.length ? i.path.join('.') : '(data)'}: ${i.message}` : 'invalid';
}

/**
 * A frame's event name and data → TLC-style data. Forwarded kinds are converted from TikFinity's flat shape (the
 * TikFinity name `subscribe` becomes `subNotify`), the others are checked as they are. @example
 * toTlcData('like', {likeCount: 15, totalLikeCount: 480, userId: '1', ...}) // {ok:true, kind:'like', data:{count:15, total:'480', ...}}
 */
export function toTlcData(event: string, data: unknown, opts: TlcOptions = {}): TlcConversion {
  if (event === 'config') {
    return { ok: false, error: { code: 'E_NO_TLC_EVENT', message: 'config is TikFinity\'s own "Actions & Events" frame: no TikTok message produces it, so it has no TLC-style data' } };
  }
  const flat = FROM_FLAT[event];
  const kind = event === 'subscribe' ? TIKFINITY_TO_TLC.subscribe : event;
  if (!isTiktokEventName(kind)) {
    return { ok: false, error: { code: 'E_UNKNOWN_EVENT', message: `"${event}" is neither a TikFinity event nor a TikTok-Live-Connector event name` } };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, error: { code: 'E_BAD_FIELD', message: `${event}: data must be an object, got ${data === null ? 'null' : Array.isArray(data) ? 'an array' : typeof data}` } };
  }
  const out = flat ? flat(data as Obj, opts) : data;
  const r = tlcSchemas[kind].safeParse(out);
  if (!r.success) return { ok: false, error: { code: 'E_BAD_FIELD', message: `${event}: not valid TLC-style data (${firstIssue(r.error)})` } };
  return { ok: true, kind, data: out as Record<string, unknown> };
}
