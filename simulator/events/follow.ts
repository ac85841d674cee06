import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';
import type { KindHost, KindSpec } from './kind-spec.ts';
import { socialFrame } from './social.ts';

/** A new follower; newer TikFinity versions lead with the streamer's `followerCount`. */
export interface FollowParams extends MessageParams {
  followerCount: number;
}

const HEAD = frameHead('follow');

/** The exact frame text of a follow event (`profile`, `name`, `username` all equal the uniqueId, as TikFinity sends). */
export function followFrame(p: FollowParams, ctx: FrameCtx): string {
  const u = JSON.stringify(p.user.uniqueId);
  return (
    `${HEAD}"followerCount":${p.followerCount},${p.user.json},${msgPart(p)},` +
    `"displayType":"pm_main_follow_message_viewer_2","label":"{0:user} followed the LIVE creator",` +
    `"profile":${u},"name":${u},"username":${u}${ctx.tail}`
  );
}

/** A follow frame; the viewer becomes a follower and the streamer's follower count grows. */
export function followText(host: KindHost, i: number, t: number): string {
  if (host.pop.get(i).followRole === 0) host.pop.override(i, { followRole: 1 });
  host.room.followerCount++;
  return followFrame({ user: host.pop.get(i), msgId: host.msgId(t), t, followerCount: host.room.followerCount }, host.ctx);
}

/** follow (plus `social` when that quirk is on), by viewers drawn uniformly. */
export const followKind = {
  rate: 0.05,
  generate(host, tf, emit) {
    const i = host.pop.sampleUniform(host.rng);
    const t = Math.floor(tf);
    host.send(emit, 'follow', followText(host, i, t), tf);
    if (host.quirks.social) host.send(emit, 'social', socialFrame({ user: host.pop.get(i), msgId: host.msgId(t), t, kind: 'follow' }, host.ctx), tf);
  },
  build: (host, vi) => (t) => followText(host, vi, t),
  consumes: [],
} satisfies KindSpec;
