/**
 * TLC-style data (what TikTok-Live-Connector v2.5 emits, protocol/tlc) → the data objects of the webhook service
 * whose shapes the relay keeps (rioanandaputra-bot/tiktok-live-connector: its TikTokConnector.ts handlers and
 * docs/EVENTS.md, which give the types: giftId a number, repeatEnd a boolean, userId a string, roomUpdate's
 * viewerCount a number). That service reads TLC v1 field names off v2 objects, so most of its fields come out
 * undefined in practice; here each field is read from where TLC v2 puts it (a v1/TikFinity name is accepted too),
 * and a field with no value is `null` rather than missing, so every key of a shape is always there.
 * One entry per kind: the 43 kinds of the service. TLC kinds the service never handled (toast, superFanJoin, ...)
 * are forwarded under their TLC name with the TLC data as it is (README "Event envelope").
 */

type Obj = Record<string, unknown>;

/** The 43 event types of the service, in its docs/EVENTS.md order. */
export const SERVICE_TYPES = [
  'connected', 'disconnected', 'error', 'streamEnd', 'rawData', 'decodedData',
  'chat', 'gift', 'like', 'member', 'roomUpdate', 'social', 'follow', 'share', 'emote', 'envelope', 'questionNew',
  'linkMicBattle', 'linkMicArmies', 'linkMicBattlePunishFinish', 'linkMicBattleTask', 'linkMicFanTicketMethod', 'linkMicMethod',
  'liveIntro', 'controlMessage', 'barrage', 'hourlyRank', 'goalUpdate', 'roomMessage', 'captionMessage', 'imDelete',
  'inRoomBanner', 'rankUpdate', 'pollMessage', 'rankText', 'unauthorizedMember', 'oecLiveShopping', 'msgDetect',
  'linkMessage', 'roomVerify', 'linkLayer', 'roomPin', 'superFan',
] as const;

/** One of the service's event types. */
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** What a shape may need beyond the data: the source's account (connected) and the event's time. */
export interface ShapeContext {
  /** The TikTok account the source reads (`connected.username`); '' when unknown. */
  username: string;
  /** The event's time, epoch ms. */
  at: number;
}

const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (...vs: unknown[]): string | null => {
  for (const v of vs) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') return String(v);
  return null;
};
const num = (...vs: unknown[]): number | null => {
  for (const v of vs) {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) && Number.isSafeInteger(Math.trunc(Number(v)))) return Number(v);
  }
  return null;
};
const iso = (ms: number | null): string | null => (ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString());

/** A TLC v2 user (or a TikFinity/v1 flat one) as the service names its fields. */
function who(u: unknown): { username: string | null; userId: string | null; nickname: string | null; profilePictureUrl: string | null } {
  const o = obj(u);
  return {
    username: str(o.displayId, o.uniqueId),
    userId: str(o.id, o.userId),
    nickname: str(o.nickname, o.nickName),
    profilePictureUrl: str(arr(obj(o.avatarThumb).urlList)[0], o.profilePictureUrl, arr(obj(o.profilePicture).url)[0]),
  };
}

/** A TLC Text rendered with its pieces: `{0:user} is now No. {1:string}` → `Lena 🌸 is now No. 2`. */
export function renderText(t: unknown): string | null {
  const o = obj(t);
  const pattern = str(o.defaultPattern);
  if (pattern === null) return null;
  const pieces = arr(o.pieces).map(obj);
  return pattern.replace(/\{(\d+):\w+\}/g, (m, i: string) => {
    const p = pieces[Number(i)];
    if (!p) return m;
    const user = obj(obj(p.userValue).user);
    return str(p.stringValue, user.nickname, user.displayId) ?? m;
  });
}

/** The service's `social.action`: follow or share by the display key, else TikTok's action number. */
function socialAction(d: Obj): string | null {
  const key = str(obj(obj(d.common).displayText).key, d.displayType) ?? '';
  if (/follow/.test(key)) return 'follow';
  if (/share/.test(key)) return 'share';
  return str(d.action);
}

type Shape = (d: Obj, c: ShapeContext) => Obj;

/** Each service type's shape, from TLC-style data. */
export const SHAPES = {
  connected: (d, c) => ({ username: c.username || null, roomId: str(d.roomId) }),
  disconnected: () => ({}),
  error: (d) => ({ error: str(d.info, d.message, d.error) }),
  streamEnd: (d) => ({ action: num(d.action) }),
  rawData: (d) => ({ messageTypeName: str(d.type, d.messageTypeName), binary: str(d.binary) }),
  decodedData: (d) => ({ event: str(d.type, d.event), decodedData: obj(d.data ?? d.decodedData), binary: str(d.binary) }),
  chat: (d) => {
    const u = who(d.user ?? d);
    return { username: u.username, message: str(d.content, d.comment), userId: u.userId, profilePictureUrl: u.profilePictureUrl, nickname: u.nickname };
  },
  gift: (d) => {
    const u = who(d.user ?? d);
    const g = obj(d.gift);
    const repeatEnd = d.repeatEnd;
    return {
      username: u.username,
      giftName: str(g.name, d.giftName),
      giftId: num(d.giftId, g.id),
      repeatCount: num(d.repeatCount),
      repeatEnd: typeof repeatEnd === 'boolean' ? repeatEnd : repeatEnd === undefined ? null : Number(repeatEnd) !== 0,
      giftType: num(g.type, d.giftType),
      cost: num(g.diamondCount, d.diamondCount),
      userId: u.userId,
      nickname: u.nickname,
    };
  },
  like: (d) => {
    const u = who(d.user ?? d);
    return { username: u.username, likeCount: num(d.count, d.likeCount), totalLikeCount: num(d.total, d.totalLikeCount), userId: u.userId, nickname: u.nickname };
  },
  member: (d) => {
    const u = who(d.user ?? d);
    return { username: u.username, userId: u.userId, nickname: u.nickname, profilePictureUrl: u.profilePictureUrl };
  },
  // TLC's roomUser; the service's name. `timestamp` is the event's time (the service used the time it handled it).
  roomUpdate: (d, c) => ({ viewerCount: num(d.total, d.viewerCount), timestamp: iso(c.at) }),
  social: (d) => {
    const u = who(d.user ?? d);
    return { username: u.username ?? 'unknown', userId: u.userId, displayType: str(obj(obj(d.common).displayText).key, d.displayType), action: socialAction(d) };
  },
  follow: (d) => {
    const u = who(d.user ?? d);
    return { username: u.username, userId: u.userId, nickname: u.nickname };
  },
  share: (d) => {
    const u = who(d.user ?? d);
    return { username: u.username, userId: u.userId, nickname: u.nickname };
  },
  emote: (d) => {
    const u = who(d.user ?? d);
    const e = obj(arr(d.emoteList)[0]);
    // TikTok sends no emote name; the service's field stays, null.
    return { username: u.username, userId: u.userId, emoteId: str(e.emoteId, d.emoteId), emoteName: str(d.emoteName) };
  },
  envelope: (d) => {
    const e = obj(d.envelopeInfo);
    return { username: str(e.sendUserName, d.uniqueId), userId: str(e.sendUserId, d.userId), coins: num(e.diamondCount, d.coins) };
  },
  questionNew: (d) => {
    const q = obj(d.data);
    const u = who(q.user ?? d.user ?? d);
    return { username: u.username, userId: u.userId, questionText: str(q.content, d.questionText) };
  },
  linkMicBattle: (d) => ({
    battleUsers: arr(d.anchorsInfo).map((a) => {
      const u = who(obj(obj(a).value).user);
      return { uniqueId: u.username, userId: u.userId, nickname: u.nickname, profilePictureUrl: u.profilePictureUrl };
    }),
    status: num(obj(d.battleSettings).status, d.battleStatus),
  }),
  linkMicArmies: (d) => ({
    battleInfo: { battleId: str(d.battleId), status: num(d.battleStatus), triggerReason: num(d.triggerReason) },
    army: Object.entries(obj(d.armies)).map(([hostUserId, v]) => ({
      hostUserId,
      points: num(obj(v).hostscore),
      participants: arr(obj(v).userArmies).map((p) => ({ userId: str(obj(p).userId), nickname: str(obj(p).nickname), points: num(obj(p).score) })),
    })),
  }),
  linkMicBattlePunishFinish: (d) => ({ battleData: d }),
  linkMicBattleTask: (d) => ({ taskData: d }),
  linkMicFanTicketMethod: (d) => ({ ticketData: d }),
  linkMicMethod: (d) => ({ methodData: d }),
  liveIntro: (d) => ({ id: str(d.id, d.roomId), description: str(d.content, d.description) }),
  controlMessage: (d) => ({ action: num(d.action) }),
  barrage: (d) => ({ message: renderText(d.content), user: d.user === undefined ? null : who(d.user) }),
  hourlyRank: (d) => ({ rankData: d }),
  goalUpdate: (d) => {
    const g = obj(d.goal);
    const sub = obj(arr(g.subGoals)[0]);
    return { goalId: str(g.idStr, g.id, d.goalId), progress: num(sub.progress, d.progress), target: num(sub.target, d.target) };
  },
  roomMessage: (d) => d,
  captionMessage: (d) => ({ text: str(obj(arr(d.content)[0]).content, d.text), timestamp: iso(num(d.timestampMs)) }),
  imDelete: (d) => ({ messageId: str(arr(d.deleteMsgIds)[0], d.messageId) }),
  inRoomBanner: (d) => ({ data: d }),
  rankUpdate: (d) => ({ rankData: d }),
  pollMessage: (d) => ({ pollData: d }),
  rankText: (d) => ({ text: renderText(d.otherGetBadgeMsg) ?? renderText(d.selfGetBadgeMsg) ?? str(d.text) }),
  unauthorizedMember: (d) => ({ memberData: d }),
  oecLiveShopping: (d) => ({ shoppingData: d }),
  msgDetect: (d) => ({ detectionData: d }),
  linkMessage: (d) => ({ linkData: d }),
  roomVerify: (d) => ({ verifyData: d }),
  linkLayer: (d) => ({ layerData: d }),
  roomPin: (d) => ({ pinData: d }),
  superFan: (d) => ({ fanData: d }),
} satisfies Record<ServiceType, Shape>;

const SHAPE_OF: ReadonlyMap<string, Shape> = new Map(Object.entries(SHAPES));

/** TLC names that the service calls otherwise. */
const RENAMED: Readonly<Record<string, ServiceType>> = { roomUser: 'roomUpdate' };

/**
 * A TLC kind and its data → the envelope's `type` and `data`.
 * @example toServiceEvent('roomUser', {total: '1287'}, {username: 'lena.draws', at: 0}) // {type: 'roomUpdate', data: {viewerCount: 1287, timestamp: '1970-01-01T00:00:00.000Z'}}
 */
export function toServiceEvent(kind: string, data: unknown, c: ShapeContext): { type: string; data: unknown } {
  const type = RENAMED[kind] ?? kind;
  const shape = SHAPE_OF.get(type);
  return shape ? { type, data: shape(obj(data), c) } : { type, data: data ?? {} };
}
