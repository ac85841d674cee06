import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';

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
