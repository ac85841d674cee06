import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';

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
