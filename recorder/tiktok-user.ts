/**
 * The TLC v1 user block (TikFinity's shape) from a tiktok-live-connector v2 `User`, mapped the way TikTok-Live-Connector
 * v1 built it (src/lib/webcastDataConverter.js: getUserAttributes, mapBadges, getPreferredPictureFormat; its last JS
 * release). v1 decoded TikTok's `BadgeStruct` (User field 64) with a smaller schema of its own; the v2 names below
 * are the same wire fields:
 *   v1 badgeSceneType (3) = sceneType, privilegeLogExtra (12) = privilegeLogExtra,
 *   v1 imageBadges (20) = image, v1 badges (21, {type: 2, name: 3}) = text {key, defaultPattern}.
 * v1 ignored string (22) and combine (23) badges; it still listed their scene in userSceneTypes (that is why TikFinity
 * captures show `userSceneTypes:[6,8,6]` beside two badges). Where TikFinity's captures differ from plain v1 (numbers
 * where v1 left `null` or `undefined`, the top-gifter rank), the capture wins; docs/REAL-DATA.md lists each case.
 */

/** Loose view of the library's decoded objects: we only read, and treat every field as possibly missing. */
export type Obj = Record<string, unknown>;
/** An object, or an empty one. */
export const o = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
/** A string (numbers and bigints as their decimal text), or `d`. */
export const s = (v: unknown, d = ''): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : d);
/** A number (numeric strings parsed: the library gives int64 fields as strings), or `d`. */
export const n = (v: unknown, d = 0): number => (typeof v === 'number' ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : d);
/** An array, or an empty one. */
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** An ImageModel's URLs. */
export const urls = (img: unknown): string[] => arr(o(img).urlList).filter((u): u is string => typeof u === 'string');
/**
 * The one URL v1 read from an image: its schemas declared the URL list (field 1) as a single string, and a protobuf
 * decoder keeps the last value of a repeated singular field, so v1 saw the list's last URL.
 */
export const lastUrl = (img: unknown): string => urls(img).at(-1) ?? '';

/** One entry of `userBadges`, as v1 built it. */
export type MappedBadge =
  | { badgeSceneType: number; type: string; name?: string }
  | { type: 'image'; badgeSceneType: number; displayType: number; url: string }
  | { type: 'privilege'; privilegeId: string; level: number; badgeSceneType: number };

/** v1's mapBadges over v2's `badgeList`: text, image and privilege badges, in list order. */
export function mapBadges(badgeList: unknown): MappedBadge[] {
  const out: MappedBadge[] = [];
  for (const raw of arr(badgeList)) {
    const b = o(raw);
    const badgeSceneType = n(b.sceneType);
    if (b.text) {
      const t = o(b.text);
      // v1 copied the decoded text badge's own fields: `type` (its key) and `name` (its pattern) when set.
      out.push({ badgeSceneType, type: s(t.key), ...(s(t.defaultPattern) ? { name: s(t.defaultPattern) } : {}) });
    }
    const url = b.image ? lastUrl(o(b.image).image) : '';
    if (url) out.push({ type: 'image', badgeSceneType, displayType: n(o(b.image).displayType), url });
    const p = o(b.privilegeLogExtra);
    const level = s(p.level);
    if (level && level !== '0') out.push({ type: 'privilege', privilegeId: s(p.privilegeId), level: Number.parseInt(level, 10) || 0, badgeSceneType });
  }
  return out;
}

/** v1's choice of profile picture: a 100x100 webp, else a 100x100 jpeg, else the first not "shrink" one, else the first. */
export function preferredPicture(list: string[]): string {
  return (
    list.find((x) => x.includes('100x100') && x.includes('.webp')) ??
    list.find((x) => x.includes('100x100') && x.includes('.jpeg')) ??
    list.find((x) => !x.includes('shrink')) ??
    list[0] ??
    ''
  );
}

/**
 * The top-gifter rank. v1 read it from a `/ranklist_top_gifter_<n>.png` badge URL; today's TikTok sends the
 * `new_top_gifter_version_2.png` image beside a combine badge of the same scene (6, rank list) whose text is "No. <n>",
 * and TikFinity's captures give 1 for such users and 0 (not v1's null) for everyone else.
 */
function topGifterRank(badges: MappedBadge[], badgeList: unknown): number {
  for (const b of badges) {
    const m = 'url' in b ? /ranklist_top_gifter_(\d+)\.png/.exec(b.url) : null;
    if (m) return Number(m[1]);
  }
  for (const raw of arr(badgeList)) {
    const b = o(raw);
    if (n(b.sceneType) !== 6 || !b.combine) continue;
    const m = /(\d+)/.exec(s(o(b.combine).str));
    if (m) return Number(m[1]);
  }
  return 0;
}

/** The level of the first privilege badge of a scene (8 gifter level, 10 fan club), 0 when none. */
const levelOf = (badges: MappedBadge[], scene: number): number => {
  for (const b of badges) if (b.badgeSceneType === scene && 'level' in b) return b.level;
  return 0;
};

/** The TLC v1 user block from a v2 User, in TikFinity's key order. */
export function mapUser(user: unknown): Obj {
  const u = o(user);
  const fi = o(u.followInfo);
  // v1 read its `profilePicture` from User field 9, which v2 calls avatarThumb.
  const pics = urls(u.avatarThumb);
  const badges = mapBadges(u.badgeList);
  const lower = (b: MappedBadge): string => b.type.toLowerCase();
  return {
    userId: s(u.id),
    secUid: s(u.secUid),
    uniqueId: s(u.displayId),
    nickname: s(u.nickname),
    profilePictureUrl: preferredPicture(pics),
    followRole: n(fi.followStatus),
    userBadges: badges,
    userSceneTypes: arr(u.badgeList).map((b) => n(o(b).sceneType)),
    userDetails: { createTime: s(u.createTime, '0') || '0', bioDescription: s(u.bioDescription), profilePictureUrls: pics },
    followInfo: { followingCount: n(fi.followingCount), followerCount: n(fi.followerCount), followStatus: n(fi.followStatus), pushStatus: n(fi.pushStatus) },
    // Scene 1 is ADMIN (moderator), 4 SUBSCRIBER, 7 NEW_SUBSCRIBER (v1's comments and TikTok's BadgeSceneType enum).
    isModerator: badges.some((b) => lower(b).includes('moderator') || b.badgeSceneType === 1),
    // v1 knew a new gifter by a text badge keyed `live_ng_...`; TikTok puts that badge in scene 2 (FIRST_RECHARGE).
    isNewGifter: badges.some((b) => lower(b).includes('live_ng_') || b.badgeSceneType === 2),
    isSubscriber: badges.some((b) => ('url' in b && b.url.toLowerCase().includes('/sub_')) || b.badgeSceneType === 4 || b.badgeSceneType === 7),
    topGifterRank: topGifterRank(badges, u.badgeList),
    gifterLevel: levelOf(badges, 8),
    teamMemberLevel: levelOf(badges, 10),
  };
}

/**
 * The user block of a battle's anchor (BattleBaseUserInfo), as v1 read it with its LinkUser schema (userId 1,
 * nickname 2, picture 3, uniqueId 4): those four are all TikTok sends; the rest of the block is empty.
 */
export function mapBattleUser(info: unknown): Obj {
  const b = o(info);
  return mapUser({ id: b.userId, nickname: b.nickName, displayId: b.displayId, avatarThumb: b.avatarThumb });
}

/** A battle army's participant (BattleUserArmy), as v1 read it with its User schema: only userId (1) and nickname (3). */
export function mapArmyUser(army: unknown): Obj {
  const a = o(army);
  return mapUser({ id: a.userId, nickname: a.nickname });
}
