import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';

/** The streamer's LIVE intro: `user` is the host; `id` the room id. */
export interface LiveIntroParams extends MessageParams {
  id: string;
  description: string;
}

const HEAD = frameHead('liveIntro');

/** The exact frame text of a liveIntro event. */
export function liveIntroFrame(p: LiveIntroParams, ctx: FrameCtx): string {
  return `${HEAD}${p.user.json},${msgPart(p)},"id":"${p.id}","description":${JSON.stringify(p.description)}${ctx.tail}`;
}
