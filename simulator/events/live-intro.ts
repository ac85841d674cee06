import { frameHead, msgPart, type FrameCtx, type MessageParams } from '../generator-context.ts';
import { viewerKind } from './kind-spec.ts';

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

/** liveIntro: the streamer's room intro (the viewer drawn is not used: the streamer sends it). */
export const liveIntroKind = viewerKind('liveIntro', 0, (host, _v, t, rng) => {
  const msgId = host.msgId(t);
  return liveIntroFrame({ user: host.hosts.get(0), msgId, t, id: host.roomId, description: rng.pick(host.pools.intros) }, host.ctx);
});
