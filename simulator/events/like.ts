import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';
import type { Viewer } from '../population.ts';
import type { Rng } from '../rng.ts';
import { activeViewer, type KindHost, type KindSpec } from './kind-spec.ts';

/** A batch of 1..15 likes; `totalLikeCount` is the room's running total after this batch. */
export interface LikeParams extends MessageParams {
  likeCount: number;
  totalLikeCount: number;
}

const HEAD = frameHead('like');

/** The exact frame text of a like batch, key order as in real captures. */
export function likeFrame(p: LikeParams, ctx: FrameCtx): string {
  return (
    `${HEAD}"likeCount":${p.likeCount},"totalLikeCount":${p.totalLikeCount},${p.user.json},${msgPart(p)},` +
    `"displayType":"pm_mt_msg_viewer","label":"{0:user} liked the LIVE"${ctx.tail}`
  );
}

/** A like frame; adds the batch to the room total. */
export function likeText(host: KindHost, v: Viewer, likeCount: number, t: number): string {
  host.room.totalLikes += likeCount;
  return likeFrame({ user: v, msgId: host.msgId(t), t, likeCount, totalLikeCount: host.room.totalLikes }, host.ctx);
}

/** Share of like events that are a full batch of 15 on real streams (docs/REAL-DATA.md). */
export const FULL_BATCH_SHARE = 0.65;

/**
 * 1..15 likes: real like events are mostly full batches (65% carry 15, mean about 11.5). The rest are partial
 * batches, mostly small: 70% of them 1..5, 30% 6..14 (mean 5.1), which gives the real mean: 0.65 × 15 + 0.35 × 5.1 ≈ 11.5.
 */
export function likeBatch(rng: Rng): number {
  const u = rng.float();
  return u < FULL_BATCH_SHARE ? 15 : u < FULL_BATCH_SHARE + 0.35 * 0.7 ? rng.int(1, 5) : rng.int(6, 14);
}

/** like: batched taps with a room-wide monotonic total. */
export const likeKind = {
  rate: 4,
  generate(host, tf, emit) {
    const v = activeViewer(host);
    host.send(emit, 'like', likeText(host, v, likeBatch(host.rng), Math.floor(tf)), tf);
  },
  build: (host, vi, data, rng) => (t) => likeText(host, host.pop.get(vi), typeof data.likeCount === 'number' ? data.likeCount : likeBatch(rng), t),
  consumes: ['likeCount'],
} satisfies KindSpec;
