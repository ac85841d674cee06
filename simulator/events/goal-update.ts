import { GIFT_CATALOG, type CatalogGift } from '../../protocol/index.ts';
import type { Viewer } from '../population.ts';
import type { Rng } from '../rng.ts';
import type { KindHost } from './kind-spec.ts';
import { tlcCommon, tlcFrame, tlcKind, tlcUser } from './tlc-kind.ts';

/** One room's LIVE goal: a gift goal whose progress only grows, restarting (a new goal id) once reached. */
interface Goal {
  id: string;
  gift: CatalogGift;
  progress: number;
  target: number;
  startS: number;
  contributors: Map<string, { displayId: string; score: number }>;
}

const GOALS = new WeakMap<KindHost, Goal>();
/** Goal gifts streamers pick most: cheap ones, so the count climbs visibly (Rose first: the commonest gift). */
const GOAL_GIFTS = ['Rose', 'TikTok', 'Finger Heart', 'Doughnut', 'GG'];
const goalGifts = (): CatalogGift[] => GOAL_GIFTS.map((n) => GIFT_CATALOG.find((c) => c.name === n)).filter((c): c is CatalogGift => c !== undefined);
const DESCRIPTIONS = ['New tablet pen', 'Road to 1K', 'Pizza for the stream', 'New mic fund', 'Dance challenge'];

/** The room's goal, a new one when there is none or the last was reached (most goals are Rose goals). */
function goalOf(host: KindHost, t: number, rng: Rng): Goal {
  let g = GOALS.get(host);
  if (!g || g.progress >= g.target) {
    const gifts = goalGifts();
    const gift = rng.chance(0.6) ? gifts[0]! : rng.pick(gifts);
    g = { id: host.msgId(t), gift, progress: 0, target: rng.pick([100, 200, 500, 1000]), startS: Math.floor(t / 1000), contributors: new Map() };
    GOALS.set(host, g);
  }
  return g;
}

/** The goalUpdate data for `count` of the goal's gift from `v` at `t` (the goal's progress and contributors move). */
function contribute(host: KindHost, g: Goal, t: number, v: Viewer, count: number): Record<string, unknown> {
  const gift = g.gift;
  g.progress = Math.min(g.target, g.progress + count);
  const c = g.contributors.get(v.userId) ?? { displayId: v.uniqueId, score: 0 };
  c.score += count * gift.diamondCount;
  g.contributors.set(v.userId, c);
  const user = tlcUser(v);
  const top = [...g.contributors.entries()].sort((a, b) => b[1].score - a[1].score).slice(0, 3);
  return {
    common: tlcCommon(host, 'goalUpdate', t),
    goal: {
      id: g.id,
      idStr: g.id,
      type: 1,
      status: g.progress >= g.target ? 2 : 1,
      description: DESCRIPTIONS[Number(BigInt(g.id) % BigInt(DESCRIPTIONS.length))]!,
      startTime: String(g.startS),
      subGoals: [{ type: 1, id: String(gift.id), idStr: String(gift.id), progress: String(g.progress), target: String(g.target), gift: { name: gift.name, diamondCount: String(gift.diamondCount), type: gift.type, icon: { urlList: [`${host.ctx.mediaBase}/media/gift/${gift.id}.png`] } } }],
      contributors: top.map(([id, x]) => ({ userId: id, displayId: x.displayId, score: String(x.score) })),
      contributorsLength: g.contributors.size,
    },
    contributorId: v.userId,
    contributorDisplayId: v.uniqueId,
    contributeCount: String(count),
    contributeScore: String(count * gift.diamondCount),
    giftRepeatCount: String(count),
    contributorIdStr: v.userId,
    ...(user.avatarThumb ? { contributorAvatar: user.avatarThumb } : {}),
    updateSource: 1,
  };
}

/**
 * A counted gift (allKinds engines only; generator-core's react): when it is the room's goal gift, a goalUpdate frame
 * follows it, so the goal bar moves with the gifts of the stream as on TikTok.
 */
export function goalGift(host: KindHost, tf: number, viewer: number, giftId: number, count: number): void {
  const g = goalOf(host, Math.floor(tf), host.rng);
  if (g.gift.id !== giftId) return;
  host.later(tf, 'goalUpdate', (t) => tlcFrame('goalUpdate', contribute(host, goalOf(host, t, host.rng), t, host.pop.get(viewer), count)));
}

/**
 * goalUpdate: the streamer's LIVE gift goal moved. With allKinds every counted send of the goal's gift moves it (see
 * goalGift); its rate (default 0) adds updates of its own. The goal lives with the room: progress only grows,
 * contributors accumulate, a reached goal is replaced by a new one.
 */
export const goalUpdateKind = tlcKind('goalUpdate', 0, (host, t, rng, v) => contribute(host, goalOf(host, t, rng), t, v, rng.chance(0.6) ? 1 : rng.int(2, 30)));
