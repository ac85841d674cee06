import { GIFT_CATALOG } from '../../protocol/index.ts';
import type { Rng } from '../rng.ts';
import type { KindHost } from './kind-spec.ts';
import { tlcCommon, tlcKind, tlcUser } from './tlc-kind.ts';

/** One room's LIVE goal: a gift goal whose progress only grows, restarting (a new goal id) once reached. */
interface Goal {
  id: string;
  giftIndex: number;
  progress: number;
  target: number;
  startS: number;
  contributors: Map<string, { displayId: string; score: number }>;
}

const GOALS = new WeakMap<KindHost, Goal>();
/** Goal gifts streamers pick most: cheap ones, so the count climbs visibly. */
const GOAL_GIFTS = ['Rose', 'TikTok', 'Finger Heart', 'Doughnut', 'GG'];
const goalGifts = () => GIFT_CATALOG.filter((c) => GOAL_GIFTS.includes(c.name));
const DESCRIPTIONS = ['New tablet pen', 'Road to 1K', 'Pizza for the stream', 'New mic fund', 'Dance challenge'];

function goalOf(host: KindHost, t: number, rng: Rng): Goal {
  let g = GOALS.get(host);
  if (!g || g.progress >= g.target) {
    g = { id: host.msgId(t), giftIndex: rng.int(0, Math.max(0, goalGifts().length - 1)), progress: 0, target: rng.pick([100, 200, 500, 1000]), startS: Math.floor(t / 1000), contributors: new Map() };
    GOALS.set(host, g);
  }
  return g;
}

/**
 * goalUpdate: a viewer's gifts moved the streamer's LIVE gift goal. The goal lives with the room (progress only grows,
 * contributors accumulate; a reached goal is replaced by a new one), so a run of updates reads like a real goal bar.
 */
export const goalUpdateKind = tlcKind('goalUpdate', 0.03, (host, t, rng, v) => {
  const g = goalOf(host, t, rng);
  const gift = goalGifts()[g.giftIndex] ?? GIFT_CATALOG[0]!;
  const count = rng.chance(0.6) ? 1 : rng.int(2, 30);
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
});
