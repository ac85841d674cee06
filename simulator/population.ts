import { Rng, hash32 } from './rng.ts';
import { flat } from './flat.ts';
import type { TextPools } from './text-pools.ts';

/** How many viewers use a real face photo (`/media/face/<0..2>.png`) instead of a generated avatar. */
export const FACE_VIEWER_COUNT = 3;
/** Zipf ranks (= viewer indexes) of the face viewers: active enough to show up often, not the very top. */
const FACE_INDEXES = [1, 4, 9];
/** Viewers with these indexes hold TikTok's top-gifter image badge (topGifterRank 1..3). */
const TOP_BADGE_COUNT = 3;
/**
 * The most active viewers (Zipf ranks below this) are kept once derived; rarer ones are re-derived from (seed, index)
 * on each use (~3 µs). A churning cache of cold viewers would cost far more in old-generation GC than it saves.
 */
const HOT_LIMIT = 10_000;

/** Settings a fired event can pin on a viewer; they stick to that viewer afterwards. */
export interface ViewerOverrides {
  isModerator?: boolean;
  isSubscriber?: boolean;
  followRole?: number;
  gifterLevel?: number;
  nickname?: string;
}

/** One viewer's stable identity plus the precomputed JSON of its user block. */
export interface Viewer {
  readonly index: number;
  readonly userId: string;
  readonly secUid: string;
  readonly uniqueId: string;
  readonly nickname: string;
  readonly profilePictureUrl: string;
  /** 0..2 for a face-photo viewer, -1 otherwise. */
  readonly face: number;
  readonly followRole: number;
  readonly isModerator: boolean;
  readonly isSubscriber: boolean;
  readonly isNewGifter: boolean;
  readonly gifterLevel: number;
  /** Fan-club level (the sceneType 10 badge's level), 0 when not a member. */
  readonly teamMemberLevel: number;
  readonly topGifterRank: number;
  /** The user block's fields as JSON, without braces: `"userId":"…",…,"teamMemberLevel":0`. */
  readonly json: string;
  /** The user as roomUser's topViewers shows it (no followRole/followInfo, topGifterRank null), with braces. */
  readonly topJson: string;
}

/** A summary for GET /api/viewers. */
export type { ViewerSummary } from '../protocol/api.ts';
import type { ViewerSummary } from '../protocol/api.ts';

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** What a viewer's badges say, each flag backed by its badge as TLC v1 derives the flags from the badges. */
interface BadgeFlags {
  isModerator: boolean;
  isNewGifter: boolean;
  topGifterRank: number;
  isSubscriber: boolean;
  subLevel: number;
  gifterLevel: number;
  teamMemberLevel: number;
}

// Badge objects as TLC v1's mapBadges builds them from real captures (docs/REAL-DATA.md, "Simulator distributions"):
// text badges lead with badgeSceneType (Object.assign({badgeSceneType}, badge)), image and privilege badges do not.
const MOD_BADGE = '{"badgeSceneType":1,"type":"pm_mt_moderator_im","name":"Moderator"}';
const NEW_GIFTER_BADGE = '{"badgeSceneType":2,"type":"pm_mt_live_ng_im","name":"New gifter"}';
const NO_FLAGS = '"isModerator":false,"isNewGifter":false,"isSubscriber":false,"topGifterRank":null,"gifterLevel":0,"teamMemberLevel":0';

const privilege = (id: string, level: number, scene: number): string =>
  `{"type":"privilege","privilegeId":"${id}${String(10000 + level * 37).slice(-5)}","level":${level},"badgeSceneType":${scene}}`;

/**
 * The `userBadges` and `userSceneTypes` fields of a viewer. Each badge group of TikTok's user gives one scene type, and v1 maps a
 * group to zero or more badges: so the subscriber's group yields an image and a privilege badge under one 4, and the
 * top gifter's second, empty group a 6 with no badge (the real gift sample: badges [image 6, privilege 8], scenes [6,8,6]).
 * Group order follows the real TikFinity captures: [4,8,4,10] for a subscribing, levelled fan-club member.
 */
function badgeBlock(mediaBase: string, f: BadgeFlags): string {
  // Most viewers have no badge or only a gifter level: a fast path, as this runs once per derived viewer.
  if (!f.isModerator && !f.isNewGifter && f.topGifterRank === 0 && !f.isSubscriber && f.teamMemberLevel === 0) {
    return f.gifterLevel > 0 ? `"userBadges":[${gifterBadge(f.gifterLevel)}],"userSceneTypes":[8]` : '"userBadges":[],"userSceneTypes":[]';
  }
  const badges: string[] = [];
  const scenes: number[] = [];
  if (f.isModerator) {
    badges.push(MOD_BADGE);
    scenes.push(1);
  }
  if (f.isNewGifter) {
    badges.push(NEW_GIFTER_BADGE);
    scenes.push(2);
  }
  if (f.topGifterRank > 0) {
    badges.push(`{"type":"image","badgeSceneType":6,"displayType":1,"url":"${mediaBase}/media/badge/top-gifter.png"}`);
    scenes.push(6);
  }
  const subPrivilege = f.isSubscriber ? privilege('73417462497349', f.subLevel, 4) : '';
  if (f.isSubscriber) {
    badges.push(`{"type":"image","badgeSceneType":4,"displayType":1,"url":"${mediaBase}/media/badge/sub_badge.png"}`, subPrivilege);
    scenes.push(4);
  }
  if (f.gifterLevel > 0) {
    badges.push(gifterBadge(f.gifterLevel));
    scenes.push(8);
  }
  if (f.isSubscriber) {
    badges.push(subPrivilege);
    scenes.push(4);
  }
  if (f.teamMemberLevel > 0) {
    badges.push(privilege('71969290904425', f.teamMemberLevel, 10));
    scenes.push(10);
  }
  if (f.topGifterRank > 0) scenes.push(6);
  return `"userBadges":[${badges.join(',')}],"userSceneTypes":[${scenes.join(',')}]`;
}

/** The gifter-level badge (scene 8) as the real samples show it. */
function gifterBadge(level: number): string {
  return `{"type":"privilege","privilegeId":"71383818616753${String(4000 + (level % 6000)).padStart(5, '0')}","level":${level},"badgeSceneType":8}`;
}

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

/**
 * The viewers of the room, identities derived on demand from (seed, index) so a million viewers cost nothing until
 * they act. Index = activity rank: `sample()` draws index k with probability ~ 1/(k+1) (Zipf), so a few chat and gift most.
 */
export class Population {
  private readonly cache = new Map<number, Viewer>();
  private readonly overrides = new Map<number, ViewerOverrides>();
  private readonly logN: number;
  /** Viewers created with `{new:true}` get indexes from `size` upward. */
  private extra = 0;
  readonly faceIndexes: readonly number[];

  constructor(
    private readonly seed: number,
    readonly size: number,
    private readonly pools: TextPools,
    private readonly mediaBase: string,
    withFaces = true,
  ) {
    this.logN = Math.log(size + 1);
    this.faceIndexes = !withFaces ? [] : size > 9 ? FACE_INDEXES : Array.from({ length: Math.min(FACE_VIEWER_COUNT, size) }, (_, i) => i);
  }

  /** Every index that exists (population plus fresh viewers). */
  get total(): number {
    return this.size + this.extra;
  }

  /** A viewer index drawn with the Zipf-like activity law. */
  sample(rng: Rng): number {
    const k = Math.floor(Math.exp(rng.float() * this.logN)) - 1;
    return k < this.size ? k : this.size - 1;
  }

  /** A viewer index drawn uniformly (joins and follows come from the whole audience). */
  sampleUniform(rng: Rng): number {
    return Math.floor(rng.float() * this.size);
  }

  /** A brand-new viewer's index. */
  addNew(): number {
    return this.size + this.extra++;
  }

  /** Identities currently held in memory. */
  get cached(): number {
    return this.cache.size;
  }

  /** The viewer with this index (kept for the most active, fresh and overridden viewers; derived otherwise). */
  get(index: number): Viewer {
    let v = this.cache.get(index);
    if (v === undefined) {
      v = this.derive(index);
      if (index < HOT_LIMIT || index >= this.size || this.overrides.has(index)) this.cache.set(index, v);
    }
    return v;
  }

  /** Pins settings on a viewer (kept for the rest of the session). */
  override(index: number, o: ViewerOverrides): void {
    this.overrides.set(index, { ...this.overrides.get(index), ...o });
    this.cache.delete(index);
  }

  /** The index of the viewer with this uniqueId, or -1. uniqueIds end in the index's digits, so this is O(1). */
  findUniqueId(uniqueId: string): number {
    const m = /(\d+)$/.exec(uniqueId);
    if (!m) return -1;
    const i = Number(m[1]);
    return m[1] === String(i) && i < this.total && this.get(i).uniqueId === uniqueId ? i : -1;
  }

  /** The viewer identity of `index` without touching the cache. */
  derive(index: number): Viewer {
    const rng = new Rng(hash32(this.seed, index, 0x5eed));
    const p = this.pools;
    const o = this.overrides.get(index) ?? {};
    const userId = (rng.chance(0.7) ? '7' : '6') + digits(rng, 18);
    let secUid = 'MS4wLjABAAAA';
    for (let i = 0; i < 64; i++) secUid += URL_SAFE[rng.u32() & 63];
    const handle = p.handles[rng.u32() % p.handles.length].replace(/\d+$/, '');
    const uniqueId = `${handle}${rng.pick(['', '', '_', '.'])}${index}`;
    // Draw every value unconditionally, then apply overrides, so an override never shifts the other draws.
    const nickDraw = p.nicknames[rng.u32() % p.nicknames.length];
    const nickname = o.nickname ?? (rng.chance(0.12) ? uniqueId : nickDraw);
    const faceSlot = index < this.size ? this.faceIndexes.indexOf(index) : -1;
    const url = faceSlot >= 0 ? `${this.mediaBase}/media/face/${faceSlot}.png` : `${this.mediaBase}/media/avatar/${index}.png`;
    const active = index < 50;
    const follows = rng.chance(active ? 0.6 : 0.25);
    const friendDraw = rng.float();
    // followRole is TikTok's followStatus (TLC v1 copies it): 1 follower, 2 friends, 3 also seen on real gifters.
    const followRole = o.followRole ?? (follows ? (friendDraw < 0.15 ? 2 : friendDraw < 0.22 ? 3 : 1) : 0);
    const levelA = rng.int(8, 45);
    const levelB = rng.chance(0.25) ? rng.int(1, 20) : 0;
    const gifterLevel = o.gifterLevel ?? (active ? levelA : levelB);
    const mod = rng.chance(index < 30 ? 0.15 : 0.004);
    const isModerator = o.isModerator ?? mod;
    const sub = rng.chance(active ? 0.25 : 0.02);
    const isSubscriber = o.isSubscriber ?? sub;
    const subLevel = rng.int(1, 4);
    const isNewGifter = rng.chance(active ? 0.01 : 0.03);
    const topGifterRank = index < TOP_BADGE_COUNT && index < this.size ? index + 1 : 0;
    const teamMemberLevel = rng.chance(active ? 0.3 : 0.02) ? rng.int(1, 30) : 0;
    const followingCount = Math.floor(Math.exp(rng.range(0, 7.5)));
    const followerCount = Math.floor(Math.exp(rng.range(0, 10)));
    const badgeJson = badgeBlock(this.mediaBase, { isModerator, isNewGifter, topGifterRank, isSubscriber, subLevel, gifterLevel, teamMemberLevel });
    const head = `"userId":"${userId}","secUid":"${secUid}","uniqueId":"${uniqueId}","nickname":${JSON.stringify(nickname)},"profilePictureUrl":${JSON.stringify(url)}`;
    const details = `"userDetails":{"createTime":"0","bioDescription":"","profilePictureUrls":${JSON.stringify([url, `${url}?v=1`, `${url}?v=1&format=jpeg`])}}`;
    const flags = `"isModerator":${isModerator},"isNewGifter":${isNewGifter},"isSubscriber":${isSubscriber}`;
    const tail = `"gifterLevel":${gifterLevel},"teamMemberLevel":${teamMemberLevel}`;
    const json =
      `${head},"followRole":${followRole},${badgeJson},${details},` +
      `"followInfo":{"followingCount":${followingCount},"followerCount":${followerCount},"followStatus":${followRole},"pushStatus":0},` +
      `${flags},"topGifterRank":${topGifterRank},${tail}`;
    // roomUser's ranked users carry no badges on TikTok, so TLC v1 derives no flags or levels for them (real samples).
    const topJson = `{${head},"userBadges":[],"userSceneTypes":[],${details},${NO_FLAGS}}`;
    return {
      index, userId, secUid, uniqueId, nickname, profilePictureUrl: url, face: faceSlot, followRole,
      isModerator, isSubscriber, isNewGifter, gifterLevel, teamMemberLevel, topGifterRank, json: flat(json), topJson: flat(topJson),
    };
  }

  /** A viewer as GET /api/viewers lists it. */
  summary(index: number, coins: number): ViewerSummary {
    const v = this.get(index);
    return {
      index, userId: v.userId, uniqueId: v.uniqueId, nickname: v.nickname, profilePictureUrl: v.profilePictureUrl,
      hasFace: v.face >= 0, face: v.face >= 0 ? v.face : null, isModerator: v.isModerator, isSubscriber: v.isSubscriber,
      followRole: v.followRole, gifterLevel: v.gifterLevel, coins,
    };
  }

  /** Indexes whose uniqueId or nickname contains `query` (case-insensitive), scanning the most active first. */
  search(query: string, limit: number, scanLimit = 20_000): number[] {
    const q = query.toLowerCase();
    const out: number[] = [];
    const n = Math.min(this.total, scanLimit);
    for (let i = 0; i < n && out.length < limit; i++) {
      const v = this.cache.get(i) ?? this.derive(i);
      if (v.uniqueId.toLowerCase().includes(q) || v.nickname.toLowerCase().includes(q)) out.push(i);
    }
    for (let i = this.size; i < this.total && out.length < limit; i++) {
      if (i < n) continue;
      const v = this.get(i);
      if (v.uniqueId.toLowerCase().includes(q) || v.nickname.toLowerCase().includes(q)) out.push(i);
    }
    return out;
  }
}
