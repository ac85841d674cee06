/**
 * The building blocks of TLC-style data: what TikTok-Live-Connector v2.5.0 emits is the webcast message decoded by
 * tiktok-live-proto's v3 schema (ts-proto: camelCase names, int64 as decimal strings, enums as numbers, absent
 * sub-messages undefined). These schemas check the fields tiksim fills and let every other field of the real object
 * through (`loose`), so a real TLC object validates too. Field names and types: node_modules/tiktok-live-proto/dist/node/v3.d.ts.
 */
import { z } from 'zod';

/** A decimal int64, as ts-proto writes it ("0" when unset). */
export const tlcInt64 = z.string().regex(/^-?\d+$/, 'an int64 as a decimal string');

/** ImageModel: a picture's CDN URLs (TLC's avatars, gift and emote images). */
export const tlcImageSchema = z
  .object({ urlList: z.array(z.string()), uri: z.string().optional(), height: z.number().optional(), width: z.number().optional() })
  .loose();
export type TlcImage = z.infer<typeof tlcImageSchema>;

/** One piece of a Text: a string (type 11), a user (11 with userValue) or a gift. */
export const tlcTextPieceSchema = z
  .object({ type: z.number(), stringValue: z.string().optional(), userValue: z.object({ user: z.unknown().optional(), withColon: z.boolean() }).loose().optional() })
  .loose();

/** Text: a display key with its default pattern (`{0:user} joined`) and pieces. */
export const tlcTextSchema = z.object({ key: z.string(), defaultPattern: z.string(), pieces: z.array(tlcTextPieceSchema) }).loose();
export type TlcText = z.infer<typeof tlcTextSchema>;

/** CommonMessageData: every message's header (method = the message type, msgId, roomId, createTime in ms). */
export const tlcCommonSchema = z
  .object({
    method: z.string(),
    msgId: tlcInt64,
    roomId: tlcInt64,
    createTime: tlcInt64,
    isShowMsg: z.boolean().optional(),
    describe: z.string().optional(),
    displayText: tlcTextSchema.optional(),
  })
  .loose();
export type TlcCommon = z.infer<typeof tlcCommonSchema>;

/** FollowInfo: counts and the viewer's follow status towards the streamer (0 none, 1 follows, 2 friends), as int64 strings. */
export const tlcFollowInfoSchema = z.object({ followingCount: tlcInt64, followerCount: tlcInt64, followStatus: tlcInt64, pushStatus: tlcInt64 }).loose();

/**
 * BadgeStruct: one badge. `sceneType` (BadgeSceneType) says what it is: 1 moderator (admin), 2 new gifter (first
 * recharge), 4 subscriber, 6 rank list (top gifter), 8 gifter level (user grade), 10 fan club; `displayType` 1 image,
 * 2 text, 3 string, 4 combine. A level badge carries its level in `privilegeLogExtra.level` (what TLC v1 read).
 */
export const tlcBadgeSchema = z
  .object({
    displayType: z.number(),
    sceneType: z.number(),
    display: z.boolean().optional(),
    image: z.object({ displayType: z.number(), image: tlcImageSchema.optional() }).loose().optional(),
    text: z.object({ displayType: z.number(), key: z.string(), defaultPattern: z.string(), pieces: z.array(z.string()) }).loose().optional(),
    combine: z.object({ icon: tlcImageSchema.optional(), str: z.string().optional() }).loose().optional(),
    privilegeLogExtra: z.object({ privilegeId: z.string(), level: z.string() }).loose().optional(),
  })
  .loose();
export type TlcBadge = z.infer<typeof tlcBadgeSchema>;

/**
 * User: the viewer block of TLC v2.5 (v3 proto). TikFinity/TLC v1 names map as: userId → `id`, uniqueId → `displayId`,
 * profilePictureUrl → `avatarThumb.urlList[0]`, userBadges → `badgeList`, gifterLevel → `payGrade.level`,
 * teamMemberLevel → `fansClub.data.level`, isModerator → `userAttr.isAdmin`, isSubscriber → `isSubscribe`.
 * Real objects carry ~117 fields (most defaults); tiksim fills these.
 */
export const tlcUserSchema = z
  .object({
    id: tlcInt64,
    nickname: z.string(),
    displayId: z.string(),
    secUid: z.string(),
    avatarThumb: tlcImageSchema.optional(),
    bioDescription: z.string().optional(),
    createTime: tlcInt64.optional(),
    followInfo: tlcFollowInfoSchema.optional(),
    payGrade: z.object({ level: z.number() }).loose().optional(),
    fansClub: z.object({ data: z.object({ clubName: z.string(), level: z.number() }).loose().optional() }).loose().optional(),
    userAttr: z.object({ isMuted: z.boolean(), isAdmin: z.boolean(), isSuperAdmin: z.boolean() }).loose().optional(),
    badgeList: z.array(tlcBadgeSchema).optional(),
    isFollower: z.boolean().optional(),
    isFollowing: z.boolean().optional(),
    isSubscribe: z.boolean().optional(),
    idStr: z.string().optional(),
  })
  .loose();
export type TlcUser = z.infer<typeof tlcUserSchema>;

/** A battle's host as linkMicBattle carries it (BattleBaseUserInfo): only id, names and picture. */
export const tlcBattleUserSchema = z
  .object({ userId: tlcInt64, nickName: z.string(), avatarThumb: tlcImageSchema.optional(), displayId: z.string(), roomId: tlcInt64.optional() })
  .loose();

/** UserIdentity: how the sender stands with the streamer (gift, chat, emote). */
export const tlcUserIdentitySchema = z
  .object({
    isGiftGiverOfAnchor: z.boolean(),
    isSubscriberOfAnchor: z.boolean(),
    isMutualFollowingWithAnchor: z.boolean(),
    isFollowerOfAnchor: z.boolean(),
    isModeratorOfAnchor: z.boolean(),
    isAnchor: z.boolean(),
  })
  .loose();

/** A webcast message: the common header plus `shape`, every other real field let through. */
export function tlcMessage<S extends z.ZodRawShape>(shape: S) {
  return z.object({ common: tlcCommonSchema, ...shape }).loose();
}

/** A compact user summary from a TLC user (what a consumer of TikFinity's flat fields wants most). */
export function tlcUserSummary(u: TlcUser | undefined): { userId: string; uniqueId: string; nickname: string; profilePictureUrl: string } | null {
  if (!u) return null;
  return { userId: u.id, uniqueId: u.displayId, nickname: u.nickname, profilePictureUrl: u.avatarThumb?.urlList[0] ?? '' };
}
